import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { hasPassword, RECENT_SIGN_IN_MINUTES } from '@/features/auth/server';
import { InvitationList } from '@/features/organizations/components/invitation-list';
import { InviteMembersDialog } from '@/features/organizations/components/invite-members-form';
import { MemberList } from '@/features/organizations/components/member-list';
import { getRoleLabels } from '@/features/organizations/components/role-labels';
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
 * /dashboard/<slug>/members: everyone sees the members table; the "Invite"
 * button, the pending invitations and each row's menu (role, ownership,
 * removal) appear as the viewer's role allows (the server refuses the rest
 * anyway). Leaving and the other dangerous actions are at the bottom of the
 * organization's settings.
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

  const [t, roleLabels, members, invitations, withPassword] = await Promise.all([
    getTranslations('organizations'),
    getRoleLabels(),
    listMembers(scope, { search, page }),
    inviting ? listInvitations(scope) : null,
    transferring ? hasPassword(user.id) : false,
  ]);
  const permalink = membersPageHref(organization.slug, { search, page: members.page });

  return (
    <div className="grid w-full max-w-5xl grid-cols-1 gap-8">
      <PageHeader
        title={t('members.title')}
        description={t('members.description', { organization: organization.name })}
        actions={
          inviting ? (
            <InviteMembersDialog
              organizationId={organization.id}
              roles={inviting.roles}
              defaultRole={inviting.defaultRole}
              roleLabels={roleLabels}
              permalink={permalink}
              expiryDays={appConfig.organizations.invitationExpiryDays}
            />
          ) : null
        }
        className="pb-0"
      />

      <section aria-labelledby="members-heading" className="grid min-w-0 gap-4" data-testid="members-section">
        <h2 id="members-heading" className="text-lg font-semibold tracking-tight">
          {t('members.list.title')}
        </h2>
        <MemberList
          organization={organization}
          viewer={{ userId: user.id, role }}
          page={members}
          search={search}
          roleLabels={roleLabels}
          transfer={
            transferring
              ? {
                  formerOwnerRole: formerOwnerRole(),
                  proof: withPassword ? 'password' : user.twoFactorEnabled ? 'code' : 'recentSignIn',
                  recentSignInMinutes: RECENT_SIGN_IN_MINUTES,
                }
              : null
          }
        />
      </section>

      {invitations ? (
        <section aria-labelledby="invitations-heading" className="grid min-w-0 gap-4">
          <div className="grid gap-1">
            <h2 id="invitations-heading" className="text-lg font-semibold tracking-tight">
              {t('invitations.pending.title')}
            </h2>
            <p className="text-sm text-muted-foreground">{t('invitations.pending.description')}</p>
          </div>
          <InvitationList
            organizationId={organization.id}
            viewerRole={role}
            invitations={invitations}
            roleLabels={roleLabels}
          />
        </section>
      ) : null}
    </div>
  );
}
