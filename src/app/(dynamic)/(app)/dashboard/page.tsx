import { redirect } from 'next/navigation';
import { firstValue } from '@/features/auth';
import { requireUser } from '@/features/auth/server';
import { organizationNotice, withNotice } from '@/features/organizations';
import { dashboardPath, rememberedOrganization } from '@/features/organizations/server';

/** The onboarding step where a user without an organization creates one or accepts an invitation. */
const ORGANIZATION_STEP = '/onboarding/organization';

type SearchParams = Promise<Record<'notice', string | string[] | undefined>>;

/**
 * /dashboard has no page of its own: every dashboard belongs to an
 * organization (/dashboard/<slug>). It opens the organization the user worked
 * in last (or their first), or the onboarding step when they have none. A
 * known ?notice= (an organization was just deleted) goes along.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const notice = organizationNotice(firstValue((await searchParams).notice));
  const organization = await rememberedOrganization(user.id);
  redirect(withNotice(organization ? dashboardPath(organization.slug) : ORGANIZATION_STEP, notice));
}
