import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { hasPassword, RECENT_SIGN_IN_MINUTES } from '@/features/auth/server';
import { InvitationList } from '@/features/organizations/components/invitation-list';
import { InviteMembersForm } from '@/features/organizations/components/invite-members-form';
import { LeaveOrganizationDialog } from '@/features/organizations/components/member-actions';
import { MemberList } from '@/features/organizations/components/member-list';
import { getRoleLabels } from '@/features/organizations/components/role-labels';
import { TransferOwnershipDialog } from '@/features/organizations/components/transfer-ownership-dialog';
import { membersPageHref, parseMembersQuery } from '@/features/organizations';
import {
  formerOwnerRole,
  hasPermission,
  invitationRoles,
  listInvitations,
  listMembers,
  requireOrganization,
} from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';
import { PageHeader } from '@/ui/page-header';

interface MembersPageProps {
  params: Promise<{ organization: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: MembersPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('organizations.members')]);
  const access = await requireOrganization(organization);
  return { title: t('metaTitle', { organization: access.organization.name }) };
}

/**
 * /dashboard/<slug>/members: everyone sees the members; inviting, managing
 * invitations, changing roles and removing people appear as the viewer's
 * role allows (the server refuses the rest anyway).
 */
export default async function MembersPage({ params, searchParams }: MembersPageProps) {
  const [{ organization: slug }, query] = await Promise.all([params, searchParams]);
  // Every page checks for itself (cached per request, so the layout's check costs nothing more).
  const { organization, membership, user } = await requireOrganization(slug);
  const { search, page } = parseMembersQuery(query);
  const scope = { userId: user.id, organizationId: organization.id };
  const role = membership.role;
  const inviting = invitationRoles(role);
  const transferring = hasPermission(role, 'organization.transferOwnership');

  const [t, roleLabels, members, invitations, candidates, withPassword] = await Promise.all([
    getTranslations('organizations'),
    getRoleLabels(),
    listMembers(scope, { search, page }),
    inviting ? listInvitations(scope) : null,
    // Ownership can go to anyone; the first hundred by role and name (admins first) is plenty for a select.
    transferring ? listMembers(scope, { pageSize: 100 }) : null,
    transferring ? hasPassword(user.id) : false,
  ]);
  const permalink = membersPageHref(organization.slug, { search, page: members.page });
  const viewer = { userId: user.id, role };

  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader
        title={t('members.title')}
        description={t('members.description', { organization: organization.name })}
        className="pb-0"
      />

      {inviting ? (
        <SettingsSection
          title={t('invitations.invite.title')}
          description={t('invitations.invite.description', { days: appConfig.organizations.invitationExpiryDays })}
        >
          <InviteMembersForm
            organizationId={organization.id}
            roles={inviting.roles}
            defaultRole={inviting.defaultRole}
            roleLabels={roleLabels}
            permalink={permalink}
          />
        </SettingsSection>
      ) : null}

      <SettingsSection title={t('members.list.title')} data-testid="members-section">
        <MemberList
          organization={organization}
          viewer={viewer}
          page={members}
          search={search}
          roleLabels={roleLabels}
        />
      </SettingsSection>

      {invitations ? (
        <SettingsSection title={t('invitations.pending.title')} description={t('invitations.pending.description')}>
          <InvitationList
            organizationId={organization.id}
            viewerRole={role}
            invitations={invitations}
            roleLabels={roleLabels}
            permalink={permalink}
          />
        </SettingsSection>
      ) : null}

      {candidates ? (
        <SettingsSection
          title={t('members.transfer.title')}
          description={t('members.transfer.description', { organization: organization.name })}
        >
          {candidates.members.some((member) => member.userId !== user.id) ? (
            <TransferOwnershipDialog
              organizationId={organization.id}
              organizationName={organization.name}
              candidates={candidates.members
                .filter((member) => member.userId !== user.id)
                .map((member) => ({ memberId: member.id, name: member.name, email: member.email, role: member.role }))}
              roleLabels={roleLabels}
              formerOwnerRole={formerOwnerRole()}
              proof={withPassword ? 'password' : user.twoFactorEnabled ? 'code' : 'recentSignIn'}
              recentSignInMinutes={RECENT_SIGN_IN_MINUTES}
            />
          ) : (
            <p className="text-sm text-muted-foreground">{t('members.transfer.noCandidates')}</p>
          )}
        </SettingsSection>
      ) : null}

      <SettingsSection
        title={t('members.leave.title')}
        description={t('members.leave.description', { organization: organization.name })}
        tone="danger"
      >
        <LeaveOrganizationDialog organizationId={organization.id} organizationName={organization.name} />
      </SettingsSection>
    </div>
  );
}
