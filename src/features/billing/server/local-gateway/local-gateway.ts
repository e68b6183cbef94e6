import 'server-only';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { findPlan } from '../catalogue';
import { WebhookRejectedError, type BillingEvent, type BillingGateway, type ProviderSubscription } from '../gateway';
import { localGatewayCheckouts, localGatewayCustomers, localGatewayOrders, localGatewaySubscriptions } from '../schema';
import { periodEnd } from './clock-steps';
import {
  emitLocalEvent,
  localCheckoutObject,
  localEventEnvelope,
  localId,
  localOrderObject,
  localSubscriptionObject,
  orderObject,
  subscriptionObject,
} from './events';
import { createLocalPortalSession } from './portal';
import { listLocalInvoices, recordCheckoutPayment, saveSubscription } from './records';
import { LOCAL_SIGNATURE_HEADER, verifyLocalSignature } from './signing';

/**
 * The built-in payment provider (decision 0034): it keeps its own records (local_gateway_*) the way
 * a provider does and tells Keel about changes only through signed webhooks, so the whole billing
 * lifecycle runs offline and goes through the same endpoint and code as Stripe's. No money moves.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a local checkout's link can pay, as a provider's session expires (Stripe's: 24 hours). */
const LOCAL_CHECKOUT_LIFETIME_MS = DAY_MS;

/** The subscription's line items as the plan defines them, with this many seats. */
function itemsFor(planId: string, seats: number): ProviderSubscription['items'] {
  const found = findPlan(planId);
  if (!found) throw new Error(`local gateway: no plan "${planId}" in appConfig.billing`);
  return found.plan.lineItems.map((item) => ({
    lineItemId: item.id,
    type: item.type,
    priceId: null,
    quantity: item.type === 'per_seat' ? Math.max(seats, item.minimumSeats) : item.type === 'flat' ? 1 : 0,
  }));
}

async function updateSubscription(
  subscriptionId: string,
  change: Partial<typeof localGatewaySubscriptions.$inferInsert>,
  eventType: 'subscription.updated' | 'subscription.deleted' = 'subscription.updated',
) {
  await db.transaction((tx) => saveSubscription(tx, subscriptionId, change, eventType));
}

/** The test cards of the local checkout page. */
export const LOCAL_TEST_CARDS = ['succeeds', 'declined', 'requires-confirmation'] as const;
export type LocalTestCard = (typeof LOCAL_TEST_CARDS)[number];

/**
 * Pays a local checkout with a test card. `succeeds` creates the subscription (trialing when the checkout
 * carries a trial) or the paid order, and queues its events; `declined` changes nothing and says why;
 * `requires-confirmation` asks for a second step (as 3-D Secure does) and pays once `confirmation` is
 * `confirmed`, while `failed` is declined. A success URL's `{CHECKOUT_SESSION_ID}` becomes the
 * checkout's id, as with Stripe. A checkout past its expiry is not open; a subscription checkout of a
 * customer that already has a subscription that is not canceled is refused (`already-subscribed`).
 */
export async function completeLocalCheckout(
  checkoutId: string,
  card: LocalTestCard,
  confirmation?: 'confirmed' | 'failed',
): Promise<
  | { ok: true; redirectTo: string }
  | {
      ok: false;
      reason: 'card-declined' | 'not-open' | 'requires-confirmation' | 'confirmation-failed' | 'already-subscribed';
    }
> {
  return db.transaction(async (tx) => {
    const [checkout] = await tx
      .select()
      .from(localGatewayCheckouts)
      .where(
        and(
          eq(localGatewayCheckouts.id, checkoutId),
          eq(localGatewayCheckouts.status, 'open'),
          gt(localGatewayCheckouts.expiresAt, sql`now()`),
        ),
      )
      .for('update');
    if (!checkout) return { ok: false as const, reason: 'not-open' as const };
    if (card === 'declined') return { ok: false as const, reason: 'card-declined' as const };
    if (card === 'requires-confirmation' && confirmation !== 'confirmed')
      return {
        ok: false as const,
        reason: confirmation ? ('confirmation-failed' as const) : ('requires-confirmation' as const),
      };
    const { plan } = findPlan(checkout.planId)!;
    if (plan.interval !== 'one_off') {
      // One subscription per customer, as a provider would refuse a second: the customer's row is the lock
      // that keeps two of its checkouts paid at once from both getting through.
      await tx
        .select({ id: localGatewayCustomers.id })
        .from(localGatewayCustomers)
        .where(eq(localGatewayCustomers.id, checkout.customerId))
        .for('update');
      const [existing] = await tx
        .select({ id: localGatewaySubscriptions.id })
        .from(localGatewaySubscriptions)
        .where(
          and(
            eq(localGatewaySubscriptions.customerId, checkout.customerId),
            ne(localGatewaySubscriptions.status, 'canceled'),
          ),
        )
        .limit(1);
      if (existing) return { ok: false as const, reason: 'already-subscribed' as const };
    }
    const now = new Date();
    let resultId: string;
    if (plan.interval === 'one_off') {
      const total = plan.lineItems.reduce((sum, item) => sum + item.amount, 0);
      const [order] = await tx
        .insert(localGatewayOrders)
        .values({
          id: localId('ord'),
          customerId: checkout.customerId,
          planId: plan.id,
          status: 'paid',
          totalAmount: total,
          currency: plan.currency,
          updatedAt: now,
        })
        .returning();
      resultId = order!.id;
      await emitLocalEvent(tx, 'checkout.completed', { id: checkout.id, customer: checkout.customerId });
      await emitLocalEvent(tx, 'order.paid', orderObject(order!));
    } else {
      // The trial Keel decided when it opened the checkout, not the plan's: a repeat customer gets none.
      const trialEndsAt = checkout.trialDays > 0 ? new Date(now.getTime() + checkout.trialDays * DAY_MS) : null;
      const [subscription] = await tx
        .insert(localGatewaySubscriptions)
        .values({
          id: localId('sub'),
          customerId: checkout.customerId,
          planId: plan.id,
          status: trialEndsAt ? 'trialing' : 'active',
          seats: checkout.seats,
          periodStartsAt: now,
          periodEndsAt: trialEndsAt ?? periodEnd(now, plan.interval),
          trialEndsAt,
          updatedAt: now,
        })
        .returning();
      resultId = subscription!.id;
      await emitLocalEvent(tx, 'checkout.completed', { id: checkout.id, customer: checkout.customerId });
      await emitLocalEvent(tx, 'subscription.created', subscriptionObject(subscription!));
    }
    await recordCheckoutPayment(tx, checkout.customerId, resultId);
    await tx
      .update(localGatewayCheckouts)
      .set({ status: 'completed', resultId })
      .where(eq(localGatewayCheckouts.id, checkout.id));
    return { ok: true as const, redirectTo: checkout.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', checkout.id) };
  });
}

function toProviderSubscription(object: ReturnType<typeof localSubscriptionObject.parse>): ProviderSubscription {
  return {
    id: object.id,
    customerId: object.customer,
    status: object.status,
    planId: object.plan,
    items: itemsFor(object.plan, object.seats),
    periodStartsAt: new Date(object.period_start),
    periodEndsAt: new Date(object.period_end),
    cancelAtPeriodEnd: object.cancel_at_period_end,
    trialEndsAt: object.trial_end ? new Date(object.trial_end) : null,
    canceledAt: object.canceled_at ? new Date(object.canceled_at) : null,
    updatedAt: new Date(object.updated_at),
  };
}

/**
 * The event the local gateway would send about one of its subscriptions, in Keel's terms: for the demo
 * seed, which applies it in its own transaction instead of delivering it over HTTP.
 */
export function localSubscriptionEvent(
  row: typeof localGatewaySubscriptions.$inferSelect,
  event: { id: string; type: 'subscription.created' | 'subscription.updated' },
): BillingEvent {
  return {
    ...event,
    kind: 'subscription',
    occurredAt: row.updatedAt,
    subscription: toProviderSubscription(subscriptionObject(row)),
  };
}

/** The local gateway's events in Keel's terms; a body that is not one of them is rejected. */
function normalise(body: unknown): BillingEvent {
  const envelope = localEventEnvelope.safeParse(body);
  if (!envelope.success) throw new WebhookRejectedError('malformed-body');
  const { id, type, created, data } = envelope.data;
  const base = { id, type, occurredAt: new Date(created) };
  const parse = <T>(schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }) => {
    const result = schema.safeParse(data.object);
    if (!result.success) throw new WebhookRejectedError('malformed-body');
    return result.data;
  };
  switch (type) {
    case 'checkout.completed': {
      const checkout = parse(localCheckoutObject);
      return { ...base, kind: 'checkout.completed', checkoutId: checkout.id, customerId: checkout.customer };
    }
    case 'subscription.created':
    case 'subscription.updated':
    case 'subscription.deleted': {
      const subscription = parse(localSubscriptionObject);
      if (!findPlan(subscription.plan)) throw new WebhookRejectedError('malformed-body');
      return { ...base, kind: 'subscription', subscription: toProviderSubscription(subscription) };
    }
    case 'order.paid':
    case 'order.refunded': {
      const order = parse(localOrderObject);
      return {
        ...base,
        kind: 'order',
        order: {
          id: order.id,
          customerId: order.customer,
          planId: order.plan,
          status: order.status,
          totalAmount: order.total_amount,
          currency: order.currency,
          updatedAt: new Date(order.updated_at),
        },
      };
    }
    default:
      return { ...base, kind: 'unknown' };
  }
}

export const localGateway: BillingGateway = {
  provider: 'local',

  async createCustomer({ name }) {
    const customerId = localId('cus');
    await db.insert(localGatewayCustomers).values({ id: customerId, name });
    return { customerId };
  },

  async createCheckout(input) {
    const id = localId('cs');
    await db.insert(localGatewayCheckouts).values({
      id,
      customerId: input.customerId,
      mode: input.mode,
      planId: input.planId,
      seats: input.seats,
      trialDays: input.mode === 'subscription' ? input.trialDays : 0,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      expiresAt: new Date(Date.now() + LOCAL_CHECKOUT_LIFETIME_MS),
    });
    return { checkoutId: id, url: `${appConfig.site.url}/billing/local-checkout/${id}` };
  },

  async expireCheckout({ checkoutId }) {
    await db
      .update(localGatewayCheckouts)
      .set({ status: 'expired' })
      .where(and(eq(localGatewayCheckouts.id, checkoutId), eq(localGatewayCheckouts.status, 'open')));
  },

  async createPortalSession({ customerId, returnUrl }) {
    return { url: await createLocalPortalSession(customerId, returnUrl) };
  },

  async changePlan({ subscriptionId, planId }) {
    if (!findPlan(planId)) throw new Error(`local gateway: no plan "${planId}"`);
    await updateSubscription(subscriptionId, { planId });
  },

  async setCancelAtPeriodEnd({ subscriptionId, cancel }) {
    await updateSubscription(subscriptionId, { cancelAtPeriodEnd: cancel });
  },

  async cancelNow({ subscriptionId }) {
    const now = new Date();
    await updateSubscription(
      subscriptionId,
      { status: 'canceled', canceledAt: now, periodEndsAt: now, cancelAtPeriodEnd: false },
      'subscription.deleted',
    );
  },

  async updateSeats({ subscriptionId, seats }) {
    await updateSubscription(subscriptionId, { seats });
  },

  async listInvoices({ customerId, limit }) {
    return db.transaction((tx) => listLocalInvoices(tx, customerId, limit));
  },

  async reportUsage() {
    // The local gateway keeps no meter: Keel's usage records are the invoice's source.
  },

  async retrieveSubscription(subscriptionId) {
    const [row] = await db
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.id, subscriptionId));
    return row ? toProviderSubscription(subscriptionObject(row)) : null;
  },

  async listSubscriptions({ customerId }) {
    const rows = await db
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.customerId, customerId));
    return rows.map((row) => toProviderSubscription(subscriptionObject(row)));
  },

  async verifyWebhook(rawBody, headers) {
    verifyLocalSignature(rawBody, headers.get(LOCAL_SIGNATURE_HEADER));
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new WebhookRejectedError('malformed-body');
    }
    return [normalise(body)];
  },
};
