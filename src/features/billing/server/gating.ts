import 'server-only';
import { and, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import type { BillingPlan, BillingProduct } from '@/platform/config/billing-config-schema';
import type { BillingEntitlement, BillingLimit } from '@/platform/config/constants';
import type { Transaction } from '@/platform/db/client';
import type { TenantScope } from '@/platform/db/tenant';
import type { Guard } from '@/platform/http/guards';
import { AppError } from '@/platform/http/errors';
import { inOrganization, organizationMember, type MembershipRequirement } from '@/features/organizations/server';
import { ENTITLING_STATUSES } from '../billing-fields';
import { findPlan, findProduct } from './catalogue';
import { billingOrders, billingPlanGrants, billingSubscriptions, type BillingSubscriptionRow } from './schema';

/**
 * The organization subscription SDK (first part): what an organization's plan allows. It reads
 * inside the caller's tenant transaction (`inOrganization` / `withTenant`), so row-level security
 * confines it to that organization.
 */

export interface OrganizationPlan {
  product: BillingProduct;
  /** Null on the free product and under a plan grant. */
  plan: BillingPlan | null;
  /** The subscription that grants it; null on the free product or a plan grant. */
  subscription: BillingSubscriptionRow | null;
  /** The plan grant that gives it when no subscription does (decision 0065): until when. Null otherwise. */
  grant: PlanGrant | null;
  /** What the organization's paid add-on orders grant besides the plan (a refunded order no longer does). */
  addOnEntitlements: BillingEntitlement[];
}

function freeProduct(): BillingProduct {
  return appConfig.billing.products.find((product) => product.free)!;
}

/** A plan given by a super admin, in force now (the columns the tenant role may read). */
export interface PlanGrant {
  id: string;
  productId: string;
  endsAt: Date;
}

/**
 * The organization's plan grant in force at `now` (the one ending last), or null: one that has ended gives nothing,
 * with no job to take it away.
 */
async function grantInForce(tx: Transaction, organizationId: string, now = new Date()): Promise<PlanGrant | null> {
  const [grant] = await tx
    .select({ id: billingPlanGrants.id, productId: billingPlanGrants.productId, endsAt: billingPlanGrants.endsAt })
    .from(billingPlanGrants)
    .where(
      and(
        eq(billingPlanGrants.organizationId, organizationId),
        lte(billingPlanGrants.startsAt, now),
        gt(billingPlanGrants.endsAt, now),
      ),
    )
    .orderBy(desc(billingPlanGrants.endsAt))
    .limit(1);
  return grant ?? null;
}

/** Entitlements of the organization's paid (not refunded) add-on orders. */
async function addOnEntitlementsOf(tx: Transaction, organizationId: string): Promise<BillingEntitlement[]> {
  const orders = await tx
    .selectDistinct({ planId: billingOrders.planId })
    .from(billingOrders)
    .where(and(eq(billingOrders.organizationId, organizationId), eq(billingOrders.status, 'paid')));
  const granted = orders.flatMap(({ planId }) => {
    const product = findPlan(planId)?.product;
    return product?.type === 'add-on' ? product.entitlements : [];
  });
  return [...new Set(granted)];
}

/**
 * The organization's current plan: its entitling subscription (trialing, active, past due); else a plan grant in
 * force (decision 0065: what it pays for, its seats and metered usage stay the subscription's while there is one);
 * else the free product — with the entitlements of its paid add-ons.
 */
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
  const addOnEntitlements = await addOnEntitlementsOf(tx, organizationId);
  if (subscription && found)
    return { product: found.product, plan: found.plan, subscription, grant: null, addOnEntitlements };
  const grant = await grantInForce(tx, organizationId);
  // A grant gives a product's limits and entitlements; no plan (prices, seats, meters are a subscription's).
  const granted = grant ? findProduct(grant.productId) : null;
  if (grant && granted) return { product: granted, plan: null, subscription: null, grant, addOnEntitlements };
  return { product: freeProduct(), plan: null, subscription: null, grant: null, addOnEntitlements };
}

/** Whether the plan, or a paid add-on, grants an entitlement. */
export function hasFeature(current: OrganizationPlan, entitlement: BillingEntitlement): boolean {
  return current.product.entitlements.includes(entitlement) || current.addOnEntitlements.includes(entitlement);
}

/*
 * The refusals below are AppErrors with the code PLAN_UPGRADE_REQUIRED (402): an action answers them as
 * `{ ok: false, error }` and a route as its error envelope, with the message translated into the user's
 * language (errors.json, `planLimits`) — never a 500. Forms show it with an <UpgradePrompt>.
 */

/** Refused: the plan does not include an entitlement. */
export class PlanFeatureMissingError extends AppError {
  constructor(readonly entitlement: BillingEntitlement) {
    super('PLAN_UPGRADE_REQUIRED', { messageKey: 'planLimits.feature', values: { entitlement } });
    this.name = 'PlanFeatureMissingError';
  }
}

/** Throws PlanFeatureMissingError unless the plan grants the entitlement. */
export function requireFeature(current: OrganizationPlan, entitlement: BillingEntitlement): void {
  if (!hasFeature(current, entitlement)) throw new PlanFeatureMissingError(entitlement);
}

/**
 * What a page, action or route needs of the plan: any paid product (not the free one), one of some
 * products (by id, hidden legacy ones included), or an entitlement.
 */
export type PlanRequirement = { paid: true } | { products: readonly string[] } | { feature: BillingEntitlement };

/** Refused: the organization is not on a plan the requirement accepts. */
export class PlanRequiredError extends AppError {
  constructor(readonly requirement: PlanRequirement) {
    super('PLAN_UPGRADE_REQUIRED', { messageKey: 'planLimits.plan' });
    this.name = 'PlanRequiredError';
  }
}

/** Whether the plan meets the requirement (for a page that renders an upgrade prompt instead). */
export function meetsPlan(current: OrganizationPlan, requirement: PlanRequirement): boolean {
  if ('feature' in requirement) return hasFeature(current, requirement.feature);
  if ('paid' in requirement) return !current.product.free;
  return requirement.products.includes(current.product.id);
}

/** Throws PlanRequiredError (PlanFeatureMissingError for an entitlement) unless the plan meets the requirement. */
export function requirePlan(current: OrganizationPlan, requirement: PlanRequirement): void {
  if ('feature' in requirement) requireFeature(current, requirement.feature);
  else if (!meetsPlan(current, requirement)) throw new PlanRequiredError(requirement);
}

/** The organization's plan, read as `scope.userId` (who must be a member) in a tenant transaction of its own. */
export async function organizationPlan(scope: TenantScope): Promise<OrganizationPlan> {
  return inOrganization(scope, {}, (tx) => getOrganizationSubscription(tx, scope.organizationId));
}

/**
 * An action or route guard: the organizationMember guard (401, 404, the role or permission asked),
 * then the plan — refused with PLAN_UPGRADE_REQUIRED unless it meets the requirement. Adds `plan`.
 *
 *   defineAction({ …, guards: [organizationOnPlan({ paid: true })], handler: async (input, { plan }) => … })
 */
export function organizationOnPlan(requirement: PlanRequirement, membership: MembershipRequirement = {}) {
  const member = organizationMember(membership);
  return (async (context) => {
    const added = await member(context);
    const plan = await organizationPlan({ userId: added.user.id, organizationId: added.organization.id });
    requirePlan(plan, requirement);
    return { ...added, plan };
  }) satisfies Guard<unknown, Awaited<ReturnType<typeof member>> & { plan: OrganizationPlan }>;
}

/** The plan's limit, or null for unlimited. */
export function getLimit(current: OrganizationPlan, limit: BillingLimit): number | null {
  return current.product.limits?.[limit] ?? null;
}

/** Refused: the plan's limit (or the subscription's paid seats) is reached. */
export class PlanLimitReachedError extends AppError {
  constructor(
    readonly limit: BillingLimit | 'seats',
    readonly max: number,
  ) {
    super('PLAN_UPGRADE_REQUIRED', { messageKey: `planLimits.${limit}`, values: { max } });
    this.name = 'PlanLimitReachedError';
  }
}

/** Makes every other creation of `what` for the organization wait until this transaction ends. */
async function lockCreations(tx: Transaction, organizationId: string, what: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`keel.billing.limit.${what}.${organizationId}`}, 0))`,
  );
}

/**
 * Checks, inside the transaction that is about to create `adding` more of `limit` (a task, members), that
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
  adding = 1,
): Promise<OrganizationPlan> {
  await lockCreations(tx, organizationId, limit);
  const current = await getOrganizationSubscription(tx, organizationId);
  const max = getLimit(current, limit);
  if (max !== null && (await countExisting()) + adding > max) throw new PlanLimitReachedError(limit, max);
  return current;
}
