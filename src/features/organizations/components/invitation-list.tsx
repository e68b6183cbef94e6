import 'server-only';
import { MailPlus } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/ui/badge';
import { EmptyState } from '@/ui/empty-state';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/ui/table';
import { mayManageInvitation } from '../member-controls';
import type { InvitationRow } from '../server/invitations';
import { RoleBadge } from './role-badge';
import { InvitationRowActions } from './row-actions';

/**
 * Invitations not accepted yet as a table, newest first: who, with which
 * role, until when (or that it expired), and who sent it. Each row's menu
 * (resend, copy a link, revoke) appears where the viewer's role allows it.
 */
export async function InvitationList({
  organizationId,
  viewerRole,
  invitations,
  roleLabels,
}: {
  organizationId: string;
  viewerRole: string;
  invitations: InvitationRow[];
  roleLabels: Record<string, string>;
}) {
  const [t, format] = await Promise.all([getTranslations('organizations.invitations.pending'), getFormatter()]);
  if (invitations.length === 0) {
    return (
      <div className="rounded-md border">
        <EmptyState icon={<MailPlus />} headingLevel="h3" title={t('empty')} description={t('emptyHint')} />
      </div>
    );
  }
  const anyManaged = invitations.some((invitation) => mayManageInvitation(viewerRole, invitation.role));
  return (
    // Columns give way by the table's own width (a container query): who sent it, then role and expiry join the email.
    <div className="@container min-w-0 rounded-lg border">
      <Table data-testid="invitations">
        <TableCaption className="sr-only">{t('label')}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t('columns.email')}</TableHead>
            <TableHead className="hidden @xl:table-cell">{t('columns.role')}</TableHead>
            <TableHead className="hidden @xl:table-cell">{t('columns.expires')}</TableHead>
            <TableHead className="hidden @3xl:table-cell">{t('columns.invitedBy')}</TableHead>
            {anyManaged ? (
              <TableHead className="w-12">
                <span className="sr-only">{t('columns.actions')}</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.map((invitation) => {
            const expired = invitation.state === 'expired';
            const role = <RoleBadge role={invitation.role} label={roleLabels[invitation.role] ?? invitation.role} />;
            const expiresOn = format.dateTime(invitation.expiresAt, { dateStyle: 'medium' });
            const expiry = expired ? <Badge variant="warning">{t('expired')}</Badge> : expiresOn;
            return (
              <TableRow key={invitation.id} data-invitation={invitation.email}>
                <TableHead scope="row" className="h-auto py-2.5 font-normal whitespace-normal text-foreground">
                  <div className="grid min-w-0 gap-1">
                    <p className="font-medium [overflow-wrap:anywhere]">{invitation.email}</p>
                    <p className="flex flex-wrap items-center gap-2 text-muted-foreground @xl:hidden">
                      {role}
                      {expired ? expiry : t('expires', { date: expiresOn })}
                    </p>
                    {invitation.inviterName ? (
                      <p className="text-xs text-muted-foreground @3xl:hidden">
                        {t('invitedBy', { name: invitation.inviterName })}
                      </p>
                    ) : null}
                  </div>
                </TableHead>
                <TableCell className="hidden @xl:table-cell">{role}</TableCell>
                <TableCell className="hidden whitespace-nowrap text-muted-foreground @xl:table-cell">
                  {expiry}
                </TableCell>
                <TableCell className="hidden text-muted-foreground @3xl:table-cell">
                  {invitation.inviterName ?? ''}
                </TableCell>
                {anyManaged ? (
                  <TableCell className="py-1 text-end">
                    {mayManageInvitation(viewerRole, invitation.role) ? (
                      <InvitationRowActions
                        organizationId={organizationId}
                        invitation={{ id: invitation.id, email: invitation.email }}
                      />
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
