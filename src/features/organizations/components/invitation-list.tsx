import 'server-only';
import { MailPlus } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/ui/badge';
import { EmptyState } from '@/ui/empty-state';
import { mayManageInvitation } from '../member-controls';
import type { InvitationRow } from '../server/invitations';
import { InvitationLinkDialog } from './invitation-link-dialog';
import { ResendInvitationButton, RevokeInvitationDialog } from './member-actions';
import { RoleBadge } from './role-badge';

/**
 * Invitations not accepted yet, newest first: who, with which role, until
 * when (or that it expired), and who sent it. Resend, copy a link and revoke
 * appear where the viewer's role allows them.
 */
export async function InvitationList({
  organizationId,
  viewerRole,
  invitations,
  roleLabels,
  permalink,
}: {
  organizationId: string;
  viewerRole: string;
  invitations: InvitationRow[];
  roleLabels: Record<string, string>;
  permalink: string;
}) {
  const [t, format] = await Promise.all([getTranslations('organizations.invitations.pending'), getFormatter()]);
  if (invitations.length === 0) {
    return (
      <div className="rounded-md border">
        <EmptyState icon={<MailPlus />} headingLevel="h3" title={t('empty')} description={t('emptyHint')} />
      </div>
    );
  }
  return (
    <ul className="divide-y rounded-md border" aria-label={t('label')} data-testid="invitations">
      {invitations.map((invitation) => {
        const expired = invitation.state === 'expired';
        const manage = mayManageInvitation(viewerRole, invitation.role);
        const details = [
          expired ? null : t('expires', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'medium' }) }),
          invitation.inviterName ? t('invitedBy', { name: invitation.inviterName }) : null,
        ].filter(Boolean);
        return (
          <li
            key={invitation.id}
            className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:justify-between sm:p-4"
            data-invitation={invitation.email}
          >
            <div className="grid min-w-0 gap-1">
              <p className="flex flex-wrap items-center gap-2 font-medium [overflow-wrap:anywhere]">
                {invitation.email}
                <RoleBadge role={invitation.role} label={roleLabels[invitation.role] ?? invitation.role} />
                {expired ? <Badge variant="warning">{t('expired')}</Badge> : null}
              </p>
              {details.length > 0 ? <p className="text-sm text-muted-foreground">{details.join(' · ')}</p> : null}
            </div>
            {manage ? (
              <div className="flex flex-wrap items-start gap-2 sm:shrink-0 sm:justify-end">
                <ResendInvitationButton
                  organizationId={organizationId}
                  invitationId={invitation.id}
                  email={invitation.email}
                  permalink={permalink}
                />
                <InvitationLinkDialog
                  organizationId={organizationId}
                  invitationId={invitation.id}
                  email={invitation.email}
                />
                <RevokeInvitationDialog
                  organizationId={organizationId}
                  invitationId={invitation.id}
                  email={invitation.email}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
