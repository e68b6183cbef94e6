import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthHeader } from '@/features/auth/components/auth-header';
import { firstValue } from '@/features/auth';
import { OnboardingInviteForm } from '@/features/organizations/components/onboarding-invite-form';
import { dashboardPath, grantableRoles, requireOrganization } from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizations.onboarding.invite');
  return { title: t('title') };
}

type SearchParams = Promise<Record<'organization', string | string[] | undefined>>;

/**
 * The last onboarding step, right after creating an organization
 * (?organization=<slug>): invite teammates, or skip to the dashboard. Only
 * members who may invite see it (others go to the dashboard); non-members get
 * the 404 page.
 */
export default async function InviteOnboardingPage({ searchParams }: { searchParams: SearchParams }) {
  const slug = firstValue((await searchParams).organization);
  if (!slug) redirect(appConfig.paths.dashboard);
  const { organization, membership, permissions } = await requireOrganization(slug);
  if (!permissions.includes('members.invite')) redirect(dashboardPath(organization.slug));
  const [t, roles] = await Promise.all([
    getTranslations('organizations.onboarding.invite'),
    getTranslations('organizations.roles'),
  ]);
  const descriptions = await getTranslations('organizations.onboarding.invite.roleDescriptions');
  const choices = grantableRoles(membership.role).map((name) => ({
    name,
    label: roles.has(name as never) ? roles(name as never) : name,
    description: descriptions.has(name as never) ? descriptions(name as never) : undefined,
  }));
  const { defaultRole } = appConfig.organizations;

  return (
    <div className="space-y-6">
      <AuthHeader title={t('title')} description={t('description', { organization: organization.name })} />
      <OnboardingInviteForm
        organizationId={organization.id}
        slug={organization.slug}
        roles={choices}
        defaultRole={
          choices.some((choice) => choice.name === defaultRole) ? defaultRole : (choices.at(-1)?.name ?? defaultRole)
        }
        permalink={`/onboarding/invite?organization=${encodeURIComponent(organization.slug)}`}
      />
    </div>
  );
}
