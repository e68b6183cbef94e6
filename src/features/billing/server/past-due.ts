import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { withTenant, type TenantScope } from '@/platform/db/tenant';
import { ENTITLING_STATUSES } from '../billing-fields';
import { findPlan } from './catalogue';
import { billingSubscriptions } from './schema';

/**
 * Whether the organization's subscription waits for a payment fix (past due; or unpaid, from a provider
 * that leaves it so): the past-due banner shows it to whoever may manage billing. One small read under
 * row-level security, once per request: the subscription getOrganizationSubscription would pick (the
 * entitling one that ends last, on a plan the catalogue knows), without the add-on orders it also reads,
 * which the banner does not need (this runs on every page of the organization: docs/performance.md).
 */
export const organizationNeedsPaymentFix = cache(async (userId: string, organizationId: string): Promise<boolean> => {
  const scope: TenantScope = { userId, organizationId };
  const [subscription] = await withTenant(scope, (tx) =>
    tx
      .select({ status: billingSubscriptions.status, planId: billingSubscriptions.planId })
      .from(billingSubscriptions)
      .where(
        and(
          eq(billingSubscriptions.organizationId, organizationId),
          inArray(billingSubscriptions.status, [...ENTITLING_STATUSES]),
        ),
      )
      .orderBy(desc(billingSubscriptions.periodEndsAt))
      .limit(1),
  );
  if (!subscription || !findPlan(subscription.planId)) return false;
  return subscription.status === 'past_due' || subscription.status === 'unpaid';
});
