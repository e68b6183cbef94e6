import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import type { BillingPlan, BillingProduct } from '@/platform/config/billing-config-schema';
import type { BillingEntitlement, BillingLimit } from '@/platform/config/constants';
import type { Transaction } from '@/platform/db/client';
import { ENTITLING_STATUSES } from '../billing-fields';
import { findPlan } from './catalogue';
import { billingSubscriptions, type BillingSubscriptionRow } from './schema';

/**
 * The organization subscription SDK (first part): what an organization's plan allows. It reads
 * inside the caller's tenant transaction (`inOrganization` / `withTenant`), so row-level security
 * confines it to that organization.
 */

export interface OrganizationPlan {
  product: BillingProduct;
  /** Null on the free product. */
  plan: BillingPlan | null;
  /** The subscription that grants it; null on the free product. */
  subscription: BillingSubscriptionRow | null;
}

function freeProduct(): BillingProduct {
  return appConfig.billing.products.find((product) => product.free)!;
}

/** The organization's current plan: its entitling subscription (trialing, active, past due), or the free product. */
export async function getOrganizationSubscription(tx: Transaction, organizationId: string): Promise<OrganizationPlan> {
  const [subscription] = await tx
    .select()
    .from(billingSubscriptions)
    .where(
      and(
        eq(billingSubscriptions.organizationId, organizationId),
        inArray(billingSubscriptions.status, [...ENTITLING_STATUSES]),
      ),
    )
    .orderBy(desc(billingSubscriptions.periodEndsAt))
    .limit(1);
  const found = subscription ? findPlan(subscription.planId) : null;
  if (!subscription || !found) return { product: freeProduct(), plan: null, subscription: null };
  return { product: found.product, plan: found.plan, subscription };
}

/** Whether the plan grants an entitlement. */
export function hasFeature(current: OrganizationPlan, entitlement: BillingEntitlement): boolean {
  return current.product.entitlements.includes(entitlement);
}

/** Refused: the plan does not include an entitlement. */
export class PlanFeatureMissingError extends Error {
  constructor(readonly entitlement: BillingEntitlement) {
    super(`plan does not include ${entitlement}`);
    this.name = 'PlanFeatureMissingError';
  }
}

/** Throws PlanFeatureMissingError unless the plan grants the entitlement. */
export function requireFeature(current: OrganizationPlan, entitlement: BillingEntitlement): void {
  if (!hasFeature(current, entitlement)) throw new PlanFeatureMissingError(entitlement);
}

/** The plan's limit, or null for unlimited. */
export function getLimit(current: OrganizationPlan, limit: BillingLimit): number | null {
  return current.product.limits?.[limit] ?? null;
}

/** Refused: the plan's limit is reached. The caller turns it into the translated upgrade prompt. */
export class PlanLimitReachedError extends Error {
  constructor(
    readonly limit: BillingLimit,
    readonly max: number,
  ) {
    super(`plan limit reached: ${limit} (${max})`);
    this.name = 'PlanLimitReachedError';
  }
}

/**
 * Checks, inside the transaction that is about to create one more `limit` (a task, a member), that
 * the plan allows it — and holds until that transaction ends a lock that makes every other creation
 * of the same kind for the organization wait. So concurrent creations cannot overshoot: at 99 of 100,
 * twenty at once give exactly one more.
 *
 *   await assertWithinLimit(tx, organizationId, 'tasks', async () => (await tx.$count(tasks)));
 */
export async function assertWithinLimit(
  tx: Transaction,
  organizationId: string,
  limit: BillingLimit,
  countExisting: () => Promise<number>,
): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`keel.billing.limit.${limit}.${organizationId}`}, 0))`,
  );
  const max = getLimit(await getOrganizationSubscription(tx, organizationId), limit);
  if (max === null) return;
  if ((await countExisting()) >= max) throw new PlanLimitReachedError(limit, max);
}
