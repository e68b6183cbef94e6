import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { members } from '@/features/organizations/server/schema';
import { appConfig } from '@/platform/config/app-config';
import type { BillingProvider } from '@/platform/config/constants';
import { db, type Transaction } from '@/platform/db/client';
import { registerOrganizationHooks } from '@/platform/hooks/organization-lifecycle';
import { AppError } from '@/platform/http/errors';
import { addJob, defineJob } from '@/platform/jobs/jobs';
import { logger } from '@/platform/logger';
import { assertWithinLimit, getOrganizationSubscription, PlanLimitReachedError, type OrganizationPlan } from './gating';
import { expireAtProviders } from './checkout';
import { billingCheckouts, billingSubscriptionItems, billingSubscriptions } from './schema';
import { gatewayFor } from './providers';

/**
 * Seats, the members limit and deleting an organization (docs/billing/gating-and-limits.md): billing's part
 * in an organization's life, through the organizations feature's lifecycle hooks (decision 0038).
 */

/** The per-seat line item of the organization's plan with the seats paid for, or null (no per-seat plan). */
export async function paidSeats(
  tx: Transaction,
  current: OrganizationPlan,
): Promise<{ lineItemId: string; minimumSeats: number; seats: number } | null> {
  const item = current.plan?.lineItems.find((lineItem) => lineItem.type === 'per_seat');
  if (!current.subscription || !item || item.type !== 'per_seat') return null;
  const [row] = await tx
    .select({ quantity: billingSubscriptionItems.quantity })
    .from(billingSubscriptionItems)
    .where(
      and(
        eq(billingSubscriptionItems.subscriptionId, current.subscription.id),
        eq(billingSubscriptionItems.lineItemId, item.id),
      ),
    );
  return { lineItemId: item.id, minimumSeats: item.minimumSeats, seats: row?.quantity ?? item.minimumSeats };
}

/**
 * Sets the seats of the organization's per-seat subscription to its members (never below the line item's
 * minimum), at the provider. Queued after members join or leave, one job per organization (a burst of
 * joins collapses into one); it sets an absolute number, so running it twice changes nothing more. The
 * provider's webhook then updates our copy of the quantity.
 */
export const syncSeats = defineJob({
  name: 'billing.sync-seats',
  payload: z.object({ organizationId: z.uuid() }),
  run: async ({ organizationId }, { logger: jobLogger }) => {
    await db.transaction(async (tx) => {
      const current = await getOrganizationSubscription(tx, organizationId);
      const paid = await paidSeats(tx, current);
      if (!paid || !current.subscription) return;
      const memberCount = await tx.$count(members, eq(members.organizationId, organizationId));
      const seats = Math.max(memberCount, paid.minimumSeats);
      const gateway = gatewayFor(current.subscription.provider);
      if (!gateway) throw new Error(`no gateway for ${current.subscription.provider}`);
      // The provider's count, not our copy: the webhook of the last change may not have arrived yet.
      const atProvider = await gateway.retrieveSubscription(current.subscription.providerSubscriptionId);
      const item = atProvider?.items.find((candidate) => candidate.lineItemId === paid.lineItemId);
      const from = item?.quantity ?? paid.seats;
      if (seats === from) return;
      await gateway.updateSeats({ subscriptionId: current.subscription.providerSubscriptionId, seats });
      jobLogger.info({ organizationId, from, to: seats }, 'seats updated at the provider');
    });
  },
});

/** Queues syncSeats for the organization (raise-quantity only): its key collapses a burst into one job. */
export async function queueSeatSync(organizationId: string): Promise<void> {
  if (appConfig.billing.seatsBeyondPaid !== 'raise-quantity') return;
  await addJob(db, syncSeats, { organizationId }, { jobKey: `billing.sync-seats:${organizationId}` });
}

/**
 * After a provider's change to a subscription (the portal, the provider's dashboard): a per-seat quantity
 * below the organization's members is raised again by syncSeats, queued in the webhook's transaction
 * (raise-quantity only). In 'refuse' mode the members stay and nobody new joins until seats are bought.
 */
export async function queueSeatSyncWhenShort(tx: Transaction, organizationId: string, seats: number): Promise<void> {
  if (appConfig.billing.seatsBeyondPaid !== 'raise-quantity') return;
  if (seats >= (await tx.$count(members, eq(members.organizationId, organizationId)))) return;
  await addJob(tx, syncSeats, { organizationId }, { jobKey: `billing.sync-seats:${organizationId}` });
}

const PROVIDER_NAMES: Record<BillingProvider, string> = {
  local: 'Keel Local',
  stripe: 'Stripe',
  'lemon-squeezy': 'Lemon Squeezy',
};

/**
 * Ends the organization's subscriptions, and expires its open checkouts, at the provider, inside the
 * transaction that deletes it: if the provider refuses, the deletion stops (nothing deleted) and the owner
 * reads why.
 */
export async function cancelSubscriptionsOf(tx: Transaction, organizationId: string): Promise<void> {
  /** Asks the provider; if it fails, the deletion stops with the provider's name. */
  const atProvider = async (provider: BillingProvider, what: Record<string, string>, ask: () => Promise<void>) => {
    try {
      await ask();
    } catch (error) {
      logger.error({ err: error, organizationId, ...what }, 'ending billing at the provider failed');
      throw new AppError('BILLING_PROVIDER_FAILED', {
        messageKey: 'planLimits.cancelFailed',
        values: { provider: PROVIDER_NAMES[provider] },
      });
    }
  };
  // Its open checkouts too: a stale link must not create a subscription for an organization that is gone.
  const checkouts = await tx
    .select({ provider: billingCheckouts.provider, providerCheckoutId: billingCheckouts.providerCheckoutId })
    .from(billingCheckouts)
    .where(and(eq(billingCheckouts.organizationId, organizationId), eq(billingCheckouts.status, 'open')));
  for (const checkout of checkouts)
    await atProvider(checkout.provider, { checkoutId: checkout.providerCheckoutId }, () =>
      expireAtProviders([checkout]),
    );
  const open = await tx
    .select()
    .from(billingSubscriptions)
    .where(and(eq(billingSubscriptions.organizationId, organizationId), ne(billingSubscriptions.status, 'canceled')));
  for (const subscription of open)
    await atProvider(subscription.provider, { subscriptionId: subscription.id }, async () => {
      const gateway = gatewayFor(subscription.provider);
      if (!gateway) throw new Error(`no gateway for ${subscription.provider}`);
      await gateway.cancelNow({ subscriptionId: subscription.providerSubscriptionId });
    });
}

registerOrganizationHooks('billing', {
  async beforeMembershipGrows(tx, { organizationId, joining, countExisting }) {
    const current = await assertWithinLimit(tx, organizationId, 'members', countExisting, joining);
    if (appConfig.billing.seatsBeyondPaid !== 'refuse') return;
    const paid = await paidSeats(tx, current);
    if (paid && (await countExisting()) + joining > paid.seats) throw new PlanLimitReachedError('seats', paid.seats);
  },
  afterMembershipChanged: ({ organizationId }) => queueSeatSync(organizationId),
  beforeOrganizationDeleted: (tx, { organizationId }) => cancelSubscriptionsOf(tx, organizationId),
});
