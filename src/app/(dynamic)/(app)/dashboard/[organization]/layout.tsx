import type { ReactNode } from 'react';
import { PastDueBanner } from '@/features/billing/components/past-due-banner';
import { organizationNeedsPaymentFix } from '@/features/billing/server';
import { OrganizationProvider } from '@/features/organizations';
import { grantableRoles, requireOrganization } from '@/features/organizations/server';

/**
 * Every page of one organization (/dashboard/<slug>/…). Only its members get
 * past requireOrganization: anyone else, and a slug that matches nothing, get
 * the same 404, so nobody learns which organizations exist.
 *
 * The layout is not rendered again on every navigation inside the
 * organization: each page calls requireOrganization() itself (cached for the
 * request, so it costs nothing more here).
 */
export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ organization: string }>;
}) {
  const { organization: slug } = await params;
  const { organization, membership, permissions } = await requireOrganization(slug);

  // One small read, and only for those who can fix a failed payment.
  const pastDue =
    permissions.includes('billing.manage') && (await organizationNeedsPaymentFix(membership.userId, organization.id));
  const mayGrant = permissions.includes('members.invite') || permissions.includes('members.changeRole');
  return (
    <OrganizationProvider
      value={{
        organization: {
          id: organization.id,
          name: organization.name,
          slug: organization.slug,
          logoUrl: organization.logoUrl,
        },
        role: membership.role,
        permissions,
        grantableRoles: mayGrant ? grantableRoles(membership.role) : [],
      }}
    >
      {pastDue ? <PastDueBanner organizationSlug={organization.slug} /> : null}
      {children}
    </OrganizationProvider>
  );
}
