import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { BillingProvider } from '@/platform/config/constants';
import { db, type Transaction } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { ENTITLING_STATUSES, type WebhookOutcome } from '../billing-fields';
import { findPlan } from './catalogue';
import { queueOrderEmails, queueSubscriptionEmails } from './emails';
import type { BillingEvent } from './gateway';
// A cycle (seats.ts reaches webhooks.ts through providers.ts), harmless: neither uses the other while loading.
import { queueSeatSyncWhenShort } from './seats';
import {
  billingCheckouts,
  billingCustomers,
  billingOrders,
  billingSubscriptionItems,
  billingSubscriptions,
  billingWebhookEvents,
} from './schema';

/**
 * How a provider's webhook becomes billing state (docs/billing/webhooks.md): the ledger row and the
 * effect commit in one transaction, keyed on the provider's event id (a redelivery — or ten at
 * once — changes nothing); an event older than the state we hold is recorded and not applied; the
 * organization comes only from the customer or checkout records the server created.
 */

async function organizationOfCustomer(tx: Transaction, provider: BillingProvider, customerId: string) {
  const [customer] = await tx
    .select({ id: billingCustomers.id, organizationId: billingCustomers.organizationId })
    .from(billingCustomers)
    .where(and(eq(billingCustomers.provider, provider), eq(billingCustomers.providerCustomerId, customerId)));
  return customer ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organization of a subscription's or order's customer (decision 0046). A provider that decides the
 * customer at checkout (Lemon Squeezy: by the email typed there) may name one Keel has never seen; the
 * event then carries the `reference` of the checkout it came from, and a checkout this server created
 * for this provider, still unpaid and for the same plan, binds that customer to its organization (the
 * organization's customer row for the provider is moved to it). Anything else is refused (`null`): a
 * reference to a checkout of another organization than the customer's, a checkout already paid, a
 * reference the server never made, or a move that would strand the organization's live subscription.
 */
async function organizationOf(
  tx: Transaction,
  provider: BillingProvider,
  object: { customerId: string; planId: string; checkoutReference?: string | null },
) {
  const reference = object.checkoutReference && UUID.test(object.checkoutReference) ? object.checkoutReference : null;
  const checkoutWhere = reference
    ? and(eq(billingCheckouts.id, reference), eq(billingCheckouts.provider, provider))
    : undefined;
  const refuse = (reason: string) => {
    logger.warn({ provider, customerId: object.customerId, reference, reason }, 'billing customer not bound');
    return null;
  };
  const known = await organizationOfCustomer(tx, provider, object.customerId);
  if (!checkoutWhere) return known;
  // The checkout's row is the lock two first events of one purchase take turns on.
  const [checkout] = await tx.select().from(billingCheckouts).where(checkoutWhere).for('update');
  if (!checkout) return known ?? refuse('the reference is no checkout of this provider');
  const customer = known ?? (await organizationOfCustomer(tx, provider, object.customerId));
  if (customer) {
    if (customer.organizationId !== checkout.organizationId)
      return refuse("the reference names another organization's checkout");
    await markCompleted(tx, checkout.id);
    return customer;
  }
  if (checkout.status === 'completed') return refuse('the checkout was already paid by its own customer');
  if (checkout.planId !== object.planId) return refuse('the checkout was for another plan');
  const [live] = await tx
    .select({ id: billingSubscriptions.id })
    .from(billingSubscriptions)
    .where(
      and(
        eq(billingSubscriptions.organizationId, checkout.organizationId),
        eq(billingSubscriptions.provider, provider),
        ne(billingSubscriptions.status, 'canceled'),
      ),
    )
    .limit(1);
  if (live) return refuse('the organization has a live subscription under its current customer');
  const [bound] = await tx
    .update(billingCustomers)
    .set({ providerCustomerId: object.customerId })
    .where(and(eq(billingCustomers.id, checkout.customerId), eq(billingCustomers.provider, provider)))
    .returning({ id: billingCustomers.id, organizationId: billingCustomers.organizationId });
  if (!bound) return refuse("the checkout's customer row is gone");
  logger.info(
    { provider, customerId: object.customerId, organizationId: bound.organizationId },
    'billing customer bound',
  );
  await markCompleted(tx, checkout.id);
  return bound;
}

async function markCompleted(tx: Transaction, checkoutId: string) {
  await tx
    .update(billingCheckouts)
    .set({ status: 'completed', updatedAt: sql`now()` })
    .where(and(eq(billingCheckouts.id, checkoutId), ne(billingCheckouts.status, 'completed')));
}

type Effect = { outcome: WebhookOutcome; organizationId: string | null };

/** What applying an event may do besides writing state: queue the emails its change deserves. */
interface ApplyOptions {
  notify: boolean;
}

/**
 * Serialises every change to one provider object (a subscription, an order) for the rest of the
 * transaction, so the row read before the upsert is the row the upsert changes — even when two events
 * about a subscription we do not have yet arrive at once.
 */
async function lockProviderObject(tx: Transaction, provider: BillingProvider, objectId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`billing:${provider}:${objectId}`}, 0))`);
}

async function applySubscription(
  tx: Transaction,
  provider: BillingProvider,
  event: Extract<BillingEvent, { kind: 'subscription' }>,
  options: ApplyOptions,
): Promise<Effect> {
  const { subscription } = event;
  const bySubscription = and(
    eq(billingSubscriptions.provider, provider),
    eq(billingSubscriptions.providerSubscriptionId, subscription.id),
  );
  const found = subscription.planId ? findPlan(subscription.planId) : null;
  // Prices outside the catalogue (a rotated price, a portal switch): only a subscription Keel holds is updated.
  const held = found
    ? null
    : ((await tx.select({ planId: billingSubscriptions.planId }).from(billingSubscriptions).where(bySubscription))[0] ??
      null);
  if (!found && !held) {
    logger.warn(
      { provider, subscriptionId: subscription.id },
      'a subscription Keel does not hold, on prices not in the catalogue',
    );
    return { outcome: 'unmatched', organizationId: null };
  }
  const customer = await organizationOf(tx, provider, { ...subscription, planId: found?.plan.id ?? held!.planId });
  if (!customer) return { outcome: 'unmatched', organizationId: null };
  await lockProviderObject(tx, provider, subscription.id);
  // The state before this event: what changed (a transition into past_due, canceled…) decides the emails.
  const [prior] = await tx.select().from(billingSubscriptions).where(bySubscription);
  // Not in the catalogue: the stored plan stays (decision 0045).
  const plan = found
    ? { productId: found.product.id, planId: found.plan.id, currency: found.plan.currency }
    : prior && { productId: prior.productId, planId: prior.planId, currency: prior.currency };
  if (!plan) return { outcome: 'unmatched', organizationId: null };
  const values = {
    organizationId: customer.organizationId,
    customerId: customer.id,
    provider,
    providerSubscriptionId: subscription.id,
    status: subscription.status,
    ...plan,
    periodStartsAt: subscription.periodStartsAt,
    periodEndsAt: subscription.periodEndsAt,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    trialEndsAt: subscription.trialEndsAt,
    canceledAt: subscription.canceledAt,
    providerUpdatedAt: subscription.updatedAt,
  };
  // One statement decides, under the row's lock: insert, or update only if this state is not older.
  const [row] = await tx
    .insert(billingSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: [billingSubscriptions.provider, billingSubscriptions.providerSubscriptionId],
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`${billingSubscriptions.providerUpdatedAt} <= excluded.provider_updated_at and ${billingSubscriptions.organizationId} = excluded.organization_id`,
    })
    .returning();
  if (!row) return { outcome: 'stale', organizationId: customer.organizationId };
  // Items of prices outside the catalogue cannot be mapped: the stored line items stay.
  if (found) {
    await tx.delete(billingSubscriptionItems).where(eq(billingSubscriptionItems.subscriptionId, row.id));
    await tx.insert(billingSubscriptionItems).values(
      subscription.items.map((item) => ({
        organizationId: customer.organizationId,
        subscriptionId: row.id,
        lineItemId: item.lineItemId,
        type: item.type,
        providerPriceId: item.priceId,
        quantity: item.quantity,
      })),
    );
  }
  const perSeat = found && subscription.items.find((item) => item.type === 'per_seat');
  if (perSeat && ENTITLING_STATUSES.includes(row.status))
    await queueSeatSyncWhenShort(tx, customer.organizationId, perSeat.quantity);
  if (options.notify) await queueSubscriptionEmails(tx, prior, row);
  return { outcome: 'applied', organizationId: customer.organizationId };
}

async function applyOrder(
  tx: Transaction,
  provider: BillingProvider,
  event: Extract<BillingEvent, { kind: 'order' }>,
  options: ApplyOptions,
): Promise<Effect> {
  const { order } = event;
  const found = findPlan(order.planId);
  const customer = found ? await organizationOf(tx, provider, order) : null;
  if (!customer || !found) return { outcome: 'unmatched', organizationId: customer?.organizationId ?? null };
  await lockProviderObject(tx, provider, order.id);
  const [prior] = await tx
    .select({ status: billingOrders.status })
    .from(billingOrders)
    .where(and(eq(billingOrders.provider, provider), eq(billingOrders.providerOrderId, order.id)));
  const values = {
    organizationId: customer.organizationId,
    customerId: customer.id,
    provider,
    providerOrderId: order.id,
    productId: found.product.id,
    planId: found.plan.id,
    status: order.status,
    currency: order.currency,
    totalAmount: order.totalAmount,
    providerUpdatedAt: order.updatedAt,
  };
  const [row] = await tx
    .insert(billingOrders)
    .values(values)
    .onConflictDoUpdate({
      target: [billingOrders.provider, billingOrders.providerOrderId],
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`${billingOrders.providerUpdatedAt} <= excluded.provider_updated_at and ${billingOrders.organizationId} = excluded.organization_id`,
    })
    .returning({ id: billingOrders.id, organizationId: billingOrders.organizationId, status: billingOrders.status });
  if (!row) return { outcome: 'stale', organizationId: customer.organizationId };
  if (options.notify) await queueOrderEmails(tx, prior?.status, row);
  return { outcome: 'applied', organizationId: customer.organizationId };
}

async function applyCheckoutCompleted(
  tx: Transaction,
  provider: BillingProvider,
  event: Extract<BillingEvent, { kind: 'checkout.completed' }>,
): Promise<Effect> {
  const [checkout] = await tx
    .update(billingCheckouts)
    .set({ status: 'completed', updatedAt: sql`now()` })
    .where(and(eq(billingCheckouts.provider, provider), eq(billingCheckouts.providerCheckoutId, event.checkoutId)))
    .returning({ organizationId: billingCheckouts.organizationId });
  return checkout
    ? { outcome: 'applied', organizationId: checkout.organizationId }
    : { outcome: 'unmatched', organizationId: null };
}

/** An open checkout the provider closed unpaid; one already completed or expired here is left as it is. */
async function applyCheckoutExpired(
  tx: Transaction,
  provider: BillingProvider,
  event: Extract<BillingEvent, { kind: 'checkout.expired' }>,
): Promise<Effect> {
  const byProviderId = and(
    eq(billingCheckouts.provider, provider),
    eq(billingCheckouts.providerCheckoutId, event.checkoutId),
  );
  const [expired] = await tx
    .update(billingCheckouts)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(and(byProviderId, eq(billingCheckouts.status, 'open')))
    .returning({ organizationId: billingCheckouts.organizationId });
  if (expired) return { outcome: 'applied', organizationId: expired.organizationId };
  const [held] = await tx
    .select({ organizationId: billingCheckouts.organizationId })
    .from(billingCheckouts)
    .where(byProviderId);
  return held
    ? { outcome: 'ignored', organizationId: held.organizationId }
    : { outcome: 'unmatched', organizationId: null };
}

/**
 * Applies one verified event exactly once. Returns what it did, or `duplicate` when the ledger already
 * has it (nothing is written then). A failure rolls back the ledger row with the effect, so the
 * provider's retry finds the event new. The emails the change deserves are queued in the same
 * transaction (docs/billing/emails.md) unless `notify` is false (demo data is history, not news);
 * `database` may be a transaction to nest in (the seed's).
 */
export async function applyBillingEvent(
  provider: BillingProvider,
  event: BillingEvent,
  { notify = true, database = db }: { notify?: boolean; database?: Pick<Transaction, 'transaction'> } = {},
): Promise<WebhookOutcome | 'duplicate'> {
  return database.transaction(async (tx) => {
    // A concurrent delivery of the same event waits here on the unique index, then finds it taken.
    const [entry] = await tx
      .insert(billingWebhookEvents)
      .values({ provider, providerEventId: event.id, type: event.type, occurredAt: event.occurredAt })
      .onConflictDoNothing()
      .returning({ id: billingWebhookEvents.id });
    if (!entry) return 'duplicate';
    const effect: Effect =
      event.kind === 'subscription'
        ? await applySubscription(tx, provider, event, { notify })
        : event.kind === 'order'
          ? await applyOrder(tx, provider, event, { notify })
          : event.kind === 'checkout.completed'
            ? await applyCheckoutCompleted(tx, provider, event)
            : event.kind === 'checkout.expired'
              ? await applyCheckoutExpired(tx, provider, event)
              : { outcome: 'ignored', organizationId: null };
    await tx
      .update(billingWebhookEvents)
      .set({ processedAt: sql`now()`, outcome: effect.outcome, organizationId: effect.organizationId })
      .where(eq(billingWebhookEvents.id, entry.id));
    if (effect.outcome !== 'applied') {
      logger[effect.outcome === 'unmatched' ? 'warn' : 'info'](
        { provider, eventId: event.id, type: event.type, outcome: effect.outcome },
        'billing webhook event not applied',
      );
    }
    return effect.outcome;
  });
}
