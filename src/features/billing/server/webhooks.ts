import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { BillingProvider } from '@/platform/config/constants';
import { db, type Transaction } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { ENTITLING_STATUSES, type WebhookOutcome } from '../billing-fields';
import { findPlan } from './catalogue';
import { queueOrderEmails, queueSubscriptionEmails } from './emails';
import type { BillingEvent } from './gateway';
// Cycles (providers.ts and seats.ts reach webhooks.ts back), harmless: neither uses the other while loading.
import { gatewayFor } from './providers';
import { queueSeatSyncWhenShort } from './seats';
import { recordSubscriptionChange } from './audit-events';
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

/** After a checkout link stops paying, how long its first events may still take to arrive (retries, reconciliation). */
const CHECKOUT_EVENT_SLACK_MS = 2 * 60 * 60 * 1000;

/** The organization and customer row of a subscription or order Keel already holds (whoever its customer is now). */
async function holderOf(tx: Transaction, provider: BillingProvider, kind: 'subscription' | 'order', id: string) {
  const table = kind === 'subscription' ? billingSubscriptions : billingOrders;
  const objectId =
    kind === 'subscription' ? billingSubscriptions.providerSubscriptionId : billingOrders.providerOrderId;
  const [held] = await tx
    .select({ id: table.customerId, organizationId: table.organizationId })
    .from(table)
    .where(and(eq(table.provider, provider), eq(objectId, id)));
  return held ?? null;
}

/**
 * The organization of a subscription's or order's customer (decision 0046). One Keel already holds keeps its
 * organization and customer row (a later move of the organization's customer strands nothing). A new one of a
 * customer Keel created or bound is that customer's — unless the provider lets the buyer choose the customer
 * (`customerChosenByBuyer`: Lemon Squeezy, by the email typed at checkout). Then anyone could buy through a
 * public link with an organization's email, skipping Keel's checkout rules, so a new object is applied only
 * with the reference of a checkout this server created for this provider and the customer's organization, not
 * yet paid, recent enough that its link could still pay; and a customer Keel has never seen is bound to the
 * checkout's organization (its customer row moved to it, compare-and-set under the row's lock) only while that
 * checkout is still open, for the same plan, and the organization has no live subscription. Anything else is
 * refused (`null`, logged).
 */
async function organizationOf(
  tx: Transaction,
  provider: BillingProvider,
  kind: 'subscription' | 'order',
  object: { id: string; customerId: string; planId: string; checkoutReference?: string | null },
) {
  const held = await holderOf(tx, provider, kind, object.id);
  if (held) return held;
  const reference = object.checkoutReference && UUID.test(object.checkoutReference) ? object.checkoutReference : null;
  const refuse = (reason: string) => {
    logger.warn({ provider, customerId: object.customerId, reference, reason }, 'billing customer not bound');
    return null;
  };
  const known = await organizationOfCustomer(tx, provider, object.customerId);
  const chosenByBuyer = gatewayFor(provider)?.customerChosenByBuyer;
  if (!chosenByBuyer) return known ?? refuse('an unknown customer of a provider whose customers Keel creates');
  if (!reference) return refuse('a purchase through no checkout of Keel’s');
  // The checkout's row is the lock two first events of one purchase take turns on.
  const [checkout] = await tx
    .select()
    .from(billingCheckouts)
    .where(and(eq(billingCheckouts.id, reference), eq(billingCheckouts.provider, provider)))
    .for('update');
  if (!checkout) return refuse('the reference is no checkout of this provider');
  if (checkout.status === 'completed') return refuse('the checkout was already paid');
  const age = Date.now() - checkout.createdAt.getTime();
  if (age > chosenByBuyer.checkoutLifetimeMs + CHECKOUT_EVENT_SLACK_MS) return refuse('the checkout is too old');
  if (known) {
    if (known.organizationId !== checkout.organizationId)
      return refuse("the reference names another organization's checkout");
    // Its plan may differ from the checkout's: events arrive in any order, and the first one Keel sees of a
    // subscription may follow a change of plan (the customer is the organization's own already).
    await markCompleted(tx, checkout.id);
    return known;
  }
  if (checkout.planId !== object.planId) return refuse('the checkout was for another plan');
  // A leaked reference (it is in the return URL) must not move a customer once its checkout is done with.
  if (checkout.status !== 'open') return refuse('the checkout is no longer open');
  // The organization's customer row is the lock two purchases with two new emails take turns on.
  const [current] = await tx
    .select({ providerCustomerId: billingCustomers.providerCustomerId })
    .from(billingCustomers)
    .where(and(eq(billingCustomers.id, checkout.customerId), eq(billingCustomers.provider, provider)))
    .for('update');
  if (!current) return refuse("the checkout's customer row is gone");
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
    .where(
      and(
        eq(billingCustomers.id, checkout.customerId),
        eq(billingCustomers.providerCustomerId, current.providerCustomerId),
      ),
    )
    .returning({ id: billingCustomers.id, organizationId: billingCustomers.organizationId });
  if (!bound) return refuse("the organization's customer changed meanwhile");
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
  // Locked first: whether Keel holds it already decides its organization (organizationOf) and its plan.
  await lockProviderObject(tx, provider, subscription.id);
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
  const customer = await organizationOf(tx, provider, 'subscription', {
    ...subscription,
    planId: found?.plan.id ?? held!.planId,
  });
  if (!customer) return { outcome: 'unmatched', organizationId: null };
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
  await recordSubscriptionChange(tx, prior, row);
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
  if (found) await lockProviderObject(tx, provider, order.id);
  const customer = found ? await organizationOf(tx, provider, 'order', order) : null;
  if (!customer || !found) return { outcome: 'unmatched', organizationId: customer?.organizationId ?? null };
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

/** The event as stored in the ledger's `payload` (JSON: its dates become strings). */
type StoredEvent = Record<string, unknown>;

const EVENT_DATES = new Set(['occurredAt', 'periodStartsAt', 'periodEndsAt', 'trialEndsAt', 'canceledAt', 'updatedAt']);

/** A stored payload back as the BillingEvent it was (the dates revived). */
function eventFromPayload(payload: unknown): BillingEvent {
  return JSON.parse(JSON.stringify(payload), (key, value) =>
    EVENT_DATES.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as BillingEvent;
}

/** Error messages kept in the ledger are cut to this length. */
const MAX_ERROR_LENGTH = 2000;

/**
 * What went wrong, for an operator: the innermost cause's message (the database's own words), not a query error's
 * wrapper, which carries the statement and its parameters (customers' data).
 */
function reasonOf(error: unknown): string {
  let reason = error;
  while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
  return reason instanceof Error ? reason.message : String(reason);
}

/**
 * A processing that threw: the ledger keeps the event, unprocessed, with its error — in a transaction of its own,
 * the effect's having rolled back. The provider's retry, reconciliation or an operator's redelivery
 * (`redeliverWebhookEvent`) processes it later; a row already processed is left alone.
 */
async function recordFailure(
  provider: BillingProvider,
  event: BillingEvent,
  error: unknown,
  inTransaction?: (tx: Transaction) => Promise<void>,
): Promise<void> {
  const message = reasonOf(error).slice(0, MAX_ERROR_LENGTH);
  await db.transaction(async (tx) => {
    await tx
      .insert(billingWebhookEvents)
      .values({
        provider,
        providerEventId: event.id,
        type: event.type,
        occurredAt: event.occurredAt,
        payload: event as unknown as StoredEvent,
        error: message,
      })
      .onConflictDoUpdate({
        target: [billingWebhookEvents.provider, billingWebhookEvents.providerEventId],
        set: { error: message },
        setWhere: sql`${billingWebhookEvents.processedAt} is null`,
      });
    await inTransaction?.(tx);
  });
}

/**
 * Applies one verified event exactly once. Returns what it did, or `duplicate` when the ledger already
 * has it processed (nothing is written then). A failure rolls back the effect; the ledger then keeps the
 * event unprocessed with its error (when not nested in a caller's transaction), and the provider's retry or an
 * operator's redelivery claims it again. The emails the change deserves are queued in the same
 * transaction (docs/billing/emails.md) unless `notify` is false (demo data is history, not news);
 * `database` may be a transaction to nest in (the seed's).
 */
export async function applyBillingEvent(
  provider: BillingProvider,
  event: BillingEvent,
  { notify = true, database = db }: { notify?: boolean; database?: Pick<Transaction, 'transaction'> } = {},
): Promise<WebhookOutcome | 'duplicate'> {
  try {
    return await processEvent(provider, event, { notify, database });
  } catch (error) {
    // Nested in a caller's transaction, the caller decides (it rolls back whole).
    if (database === db)
      await recordFailure(provider, event, error).catch((recordError: unknown) =>
        logger.error({ provider, eventId: event.id, err: recordError }, 'billing webhook failure not recorded'),
      );
    throw error;
  }
}

async function processEvent(
  provider: BillingProvider,
  event: BillingEvent,
  { notify, database }: { notify: boolean; database: Pick<Transaction, 'transaction'> },
): Promise<WebhookOutcome | 'duplicate'> {
  return database.transaction(async (tx) => {
    // A concurrent delivery of the same event waits here on the unique index, then finds it processed. A row left
    // unprocessed by a failure is claimed again (its lock held to the end of this transaction).
    const [entry] = await tx
      .insert(billingWebhookEvents)
      .values({
        provider,
        providerEventId: event.id,
        type: event.type,
        occurredAt: event.occurredAt,
        payload: event as unknown as StoredEvent,
      })
      .onConflictDoUpdate({
        target: [billingWebhookEvents.provider, billingWebhookEvents.providerEventId],
        set: { payload: sql`excluded.payload` },
        setWhere: sql`${billingWebhookEvents.processedAt} is null`,
      })
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
      .set({ processedAt: sql`now()`, outcome: effect.outcome, organizationId: effect.organizationId, error: null })
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

/**
 * An operator's redelivery (docs/admin/overview-and-billing.md#the-webhook-ledger): runs Keel's own processing of
 * a stored event again, exactly as a provider's retry would. An event already processed is a `duplicate` and
 * nothing is written; one stored before payloads were kept cannot be redelivered (`null`). `inTransaction` runs in
 * the transaction of what the redelivery wrote (the caller's audit row): the processing's, or on failure the one
 * storing the new error (`failed`).
 */
export async function redeliverWebhookEvent(
  ledgerId: string,
  inTransaction?: (tx: Transaction, outcome: WebhookOutcome | 'failed') => Promise<void>,
): Promise<WebhookOutcome | 'duplicate' | 'failed' | null> {
  const [row] = await db
    .select({
      provider: billingWebhookEvents.provider,
      processedAt: billingWebhookEvents.processedAt,
      payload: billingWebhookEvents.payload,
    })
    .from(billingWebhookEvents)
    .where(eq(billingWebhookEvents.id, ledgerId));
  if (!row) return null;
  if (row.processedAt) return 'duplicate';
  if (!row.payload) return null;
  const event = eventFromPayload(row.payload);
  try {
    return await db.transaction(async (tx) => {
      const outcome = await processEvent(row.provider, event, { notify: true, database: tx });
      if (outcome !== 'duplicate') await inTransaction?.(tx, outcome);
      return outcome;
    });
  } catch (error) {
    logger.error({ provider: row.provider, eventId: event.id, err: error }, 'billing webhook redelivery failed');
    await recordFailure(row.provider, event, error, (tx) => inTransaction?.(tx, 'failed') ?? Promise.resolve());
    return 'failed';
  }
}
