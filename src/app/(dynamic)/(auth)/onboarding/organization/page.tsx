import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthDivider, AuthHeader } from '@/features/auth/components/auth-header';
import { ActionButtonForm } from '@/platform/http/client/action-button-form';
import { signOut, requireUser } from '@/features/auth/server';
import { firstValue } from '@/features/auth';
import { organizationNotice, OrganizationLogo } from '@/features/organizations';
import { AcceptInvitationButton } from '@/features/organizations/components/accept-invitation-button';
import { CreateOrganizationForm } from '@/features/organizations/components/create-organization-form';
import { OrganizationNoticeAlert } from '@/features/organizations/components/notice-alert';
import { listOrganizationsOfUser, pendingInvitationsFor } from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizations.onboarding.organization');
  return { title: t('title') };
}

const PAGE = '/onboarding/organization';

type SearchParams = Promise<Record<'notice', string | string[] | undefined>>;

/**
 * Onboarding for a user without an organization (/dashboard sends them
 * here): the open invitations to their confirmed address, each with Accept,
 * and a form to create their own organization, which continues to inviting
 * teammates. Users who already belong to one are sent to the dashboard.
 */
export default async function OrganizationOnboardingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const notice = organizationNotice(firstValue((await searchParams).notice));
  const [organizations, t, roles] = await Promise.all([
    listOrganizationsOfUser(user.id),
    getTranslations('organizations.onboarding.organization'),
    getTranslations('organizations.roles'),
  ]);
  if (organizations.length > 0) redirect(appConfig.paths.dashboard);
  // An invitation goes to an address: only a confirmed one proves it is this user's.
  const invitations = await pendingInvitationsFor(user);
  const roleLabel = (role: string) => (roles.has(role as never) ? roles(role as never) : role);

  return (
    <div className="space-y-6">
      <OrganizationNoticeAlert notice={notice} />
      <AuthHeader
        title={t('title')}
        description={invitations.length > 0 ? t('descriptionInvited') : t('description')}
      />
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading" className="grid gap-3">
          <h2 id="invitations-heading" className="text-sm font-semibold">
            {t('invitationsHeading')}
          </h2>
          <ul className="grid gap-3">
            {invitations.map((invitation) => (
              <li
                key={invitation.id}
                className="flex flex-wrap items-center gap-3 rounded-lg border p-3"
                data-testid="pending-invitation"
              >
                <OrganizationLogo name={invitation.organizationName} logoUrl={null} size="md" />
                <div className="grid min-w-0 flex-1 basis-40">
                  <span className="truncate font-medium">{invitation.organizationName}</span>
                  <span className="text-sm text-muted-foreground">
                    {invitation.inviterName
                      ? t('invitedBy', { inviter: invitation.inviterName, role: roleLabel(invitation.role) })
                      : t('invitedAs', { role: roleLabel(invitation.role) })}
                  </span>
                </div>
                <AcceptInvitationButton
                  by={{ invitationId: invitation.id }}
                  permalink={PAGE}
                  label={t('accept')}
                  pendingLabel={t('accepting')}
                  accessibleLabel={t('acceptLabel', { organization: invitation.organizationName })}
                  size="sm"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {invitations.length > 0 ? <AuthDivider label={t('or')} /> : null}
      <section aria-labelledby="create-heading" className="grid gap-4">
        <h2 id="create-heading" className={invitations.length > 0 ? 'text-sm font-semibold' : 'sr-only'}>
          {t('createHeading')}
        </h2>
        <CreateOrganizationForm
          next="invite"
          permalink={PAGE}
          submitLabel={t('create')}
          autoFocus={invitations.length === 0}
        />
      </section>
      {/* The card layout has no account menu: the way out for someone signed in with the wrong account. */}
      <div className="flex flex-wrap items-center justify-center gap-x-1.5 text-center text-sm text-muted-foreground">
        <span>{t('signedInAs', { email: user.email })}</span>
        <ActionButtonForm
          action={signOut}
          permalink={PAGE}
          label={t('signOut')}
          pendingLabel={t('signingOut')}
          variant="link"
          size="sm"
        />
      </div>
    </div>
  );
}
