import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { hasPassword, RECENT_SIGN_IN_MINUTES } from '@/features/auth/server';
import { DeleteOrganizationDialog } from '@/features/organizations/components/delete-organization-dialog';
import { LeaveOrganizationDialog } from '@/features/organizations/components/member-actions';
import { OrganizationDetails } from '@/features/organizations/components/organization-details';
import { OrganizationGeneralForm } from '@/features/organizations/components/organization-general-form';
import { OrganizationLogoForm } from '@/features/organizations/components/organization-logo-form';
import { getRoleLabels } from '@/features/organizations/components/role-labels';
import { TransferOwnershipDialog } from '@/features/organizations/components/transfer-ownership-dialog';
import {
  dashboardPath,
  formerOwnerRole,
  hasPermission,
  listMembers,
  requireOrganization,
} from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';
import { DangerZone, DangerZoneItem } from '@/ui/danger-zone';
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
 * organization.update, read-only otherwise), the logo (the same rule), and at
 * the bottom the danger zone: transferring ownership (owners), leaving (everyone;
 * the last owner is refused) and deleting the organization (owners, when the
 * feature is on).
 */
export default async function OrganizationSettingsPage({ params }: OrganizationSettingsPageProps) {
  const { organization: slug } = await params;
  // Every page checks for itself (cached per request, so the layout's check costs nothing more).
  const { organization, membership, user } = await requireOrganization(slug);
  const editable = hasPermission(membership.role, 'organization.update');
  const deletable = appConfig.features.organizationDeletion && hasPermission(membership.role, 'organization.delete');
  const transferring = hasPermission(membership.role, 'organization.transferOwnership');
  const [t, tLogo, tMembers, roleLabels, candidates, withPassword] = await Promise.all([
    getTranslations('organizations.settings'),
    getTranslations('organizations.logo'),
    getTranslations('organizations.members'),
    getRoleLabels(),
    // Ownership can go to anyone else; the first hundred by role and name (admins first) is plenty for a select.
    transferring
      ? listMembers({ userId: user.id, organizationId: organization.id }, { pageSize: 100 }).then((page) =>
          page.members.filter((member) => member.userId !== user.id),
        )
      : null,
    deletable || transferring ? hasPassword(user.id) : false,
  ]);
  const proof = withPassword ? 'password' : user.twoFactorEnabled ? 'code' : 'recentSignIn';
  // "https://app.example.com/dashboard/": the slug field's preview appends the slug to it.
  const dashboardUrl = new URL(dashboardPath(''), appConfig.site.url).toString();

  return (
    <div className="grid w-full max-w-3xl grid-cols-1 gap-6">
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

      <DangerZone id="danger-zone" title={t('danger.title')} description={t('danger.description')}>
        {candidates ? (
          <DangerZoneItem
            title={tMembers('transfer.title')}
            description={
              candidates.length > 0
                ? tMembers('transfer.description', { organization: organization.name })
                : tMembers('transfer.noCandidates')
            }
            action={
              candidates.length > 0 ? (
                <TransferOwnershipDialog
                  organizationId={organization.id}
                  organizationName={organization.name}
                  candidates={candidates.map((member) => ({
                    memberId: member.id,
                    name: member.name,
                    email: member.email,
                    role: member.role,
                  }))}
                  roleLabels={roleLabels}
                  formerOwnerRole={formerOwnerRole()}
                  proof={proof}
                  recentSignInMinutes={RECENT_SIGN_IN_MINUTES}
                />
              ) : null
            }
          />
        ) : null}
        <DangerZoneItem
          title={tMembers('leave.title')}
          description={tMembers('leave.description', { organization: organization.name })}
          action={<LeaveOrganizationDialog organizationId={organization.id} organizationName={organization.name} />}
        />
        {deletable ? (
          <DangerZoneItem
            title={t('delete.title')}
            description={t('delete.description', { organization: organization.name })}
            action={
              <DeleteOrganizationDialog
                organizationId={organization.id}
                organizationName={organization.name}
                proof={proof}
                recentSignInMinutes={RECENT_SIGN_IN_MINUTES}
              />
            }
          />
        ) : null}
      </DangerZone>
    </div>
  );
}
