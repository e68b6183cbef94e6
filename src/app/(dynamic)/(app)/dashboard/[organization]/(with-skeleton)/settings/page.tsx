import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { hasPassword, RECENT_SIGN_IN_MINUTES } from '@/features/auth/server';
import { DeleteOrganizationDialog } from '@/features/organizations/components/delete-organization-dialog';
import { OrganizationDetails } from '@/features/organizations/components/organization-details';
import { OrganizationGeneralForm } from '@/features/organizations/components/organization-general-form';
import { OrganizationLogoForm } from '@/features/organizations/components/organization-logo-form';
import { dashboardPath, hasPermission, requireOrganization } from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';
import { PageHeader } from '@/ui/page-header';

interface OrganizationSettingsPageProps {
  params: Promise<{ organization: string }>;
}

export async function generateMetadata({ params }: OrganizationSettingsPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('organizations.settings')]);
  const access = await requireOrganization(organization);
  return { title: t('metaTitle', { organization: access.organization.name }) };
}

/**
 * /dashboard/<slug>/settings: name and address (editable with
 * organization.update, read-only otherwise), the logo (the same rule), and deleting the
 * organization (owners, when the feature is on).
 */
export default async function OrganizationSettingsPage({ params }: OrganizationSettingsPageProps) {
  const { organization: slug } = await params;
  // Every page checks for itself (cached per request, so the layout's check costs nothing more).
  const { organization, membership, user } = await requireOrganization(slug);
  const [t, tLogo] = await Promise.all([
    getTranslations('organizations.settings'),
    getTranslations('organizations.logo'),
  ]);
  const editable = hasPermission(membership.role, 'organization.update');
  const deletable = appConfig.features.organizationDeletion && hasPermission(membership.role, 'organization.delete');
  const withPassword = deletable ? await hasPassword(user.id) : false;
  // "https://app.example.com/dashboard/": the slug field's preview appends the slug to it.
  const dashboardUrl = new URL(dashboardPath(''), appConfig.site.url).toString();

  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader
        title={t('title')}
        description={t('description', { organization: organization.name })}
        className="pb-0"
      />

      <SettingsSection
        title={t('general.title')}
        description={editable ? t('general.description') : t('general.readOnly')}
      >
        {editable ? (
          <OrganizationGeneralForm
            organizationId={organization.id}
            name={organization.name}
            slug={organization.slug}
            dashboardUrl={dashboardUrl}
          />
        ) : (
          <OrganizationDetails name={organization.name} url={`${dashboardUrl}${organization.slug}`} />
        )}
      </SettingsSection>

      <SettingsSection title={tLogo('title')}>
        <OrganizationLogoForm
          organizationId={organization.id}
          organizationName={organization.name}
          logoUrl={organization.logoUrl}
          canEdit={editable}
        />
      </SettingsSection>

      {deletable ? (
        <SettingsSection
          title={t('delete.title')}
          description={t('delete.description', { organization: organization.name })}
          tone="danger"
        >
          <DeleteOrganizationDialog
            organizationId={organization.id}
            organizationName={organization.name}
            proof={withPassword ? 'password' : user.twoFactorEnabled ? 'code' : 'recentSignIn'}
            recentSignInMinutes={RECENT_SIGN_IN_MINUTES}
          />
        </SettingsSection>
      ) : null}
    </div>
  );
}
