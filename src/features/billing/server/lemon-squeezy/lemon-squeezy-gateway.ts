import 'server-only';
import { createHash } from 'node:crypto';
import {
  cancelSubscription,
  createCheckout,
  createCustomer,
  createUsageRecord,
  getCustomer,
  getSubscription,
  lemonSqueezySetup,
  listSubscriptionInvoices,
  updateSubscription,
  updateSubscriptionItem,
} from '@lemonsqueezy/lemonsqueezy.js';
import { and, eq, ne } from 'drizzle-orm';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import { db } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { findPlan } from '../catalogue';
import { WebhookRejectedError, type BillingEvent, type BillingGateway, type ProviderInvoice } from '../gateway';
import { billingCheckouts, billingCustomers, billingSubscriptions, billingWebhookEvents } from '../schema';
import { routeLemonSqueezyApiTo } from './api-routing';
import {
  REFERENCE_KEY,
  invoiceOfOrder,
  invoiceOfSubscription,
  orderResource,
  primaryLineItem,
  referenceIn,
  subscriptionInvoiceResource,
  subscriptionResource,
  toProviderOrder,
  toProviderSubscription,
  verifyLemonSqueezySignature,
  webhookBody,
  type LemonSqueezySubscription,
} from './lemon-squeezy-objects';

export interface LemonSqueezyGatewayOptions {
  apiKey: string;
  storeId: string;
  webhookSecret: string;
  /** Null: Lemon Squeezy's own API; tests point the SDK at a local mock. */
  apiUrl: string | null;
  prices: ProviderPriceIds;
}

/** How long a checkout's link can pay: Lemon Squeezy has no call that closes one (decision 0046). */
const CHECKOUT_LIFETIME_MS = 60 * 60 * 1000;

const SUBSCRIPTION_EVENTS = new Set([
  'subscription_created',
  'subscription_updated',
  'subscription_cancelled',
  'subscription_resumed',
  'subscription_expired',
  'subscription_paused',
  'subscription_unpaused',
]);
const PAYMENT_EVENTS = new Set([
  'subscription_payment_success',
  'subscription_payment_failed',
  'subscription_payment_recovered',
]);
const ORDER_EVENTS = new Set(['order_created', 'order_refunded']);

/** A failed call: its status and Lemon Squeezy's own words, never the API key. */
class LemonSqueezyError extends Error {
  constructor(
    call: string,
    readonly status: number | null,
    cause: unknown,
  ) {
    super(`Lemon Squeezy ${call} failed${status ? ` (${status})` : ''}`, { cause });
    this.name = 'LemonSqueezyError';
  }
}

/** Lemon Squeezy behind the billing gateway (docs/billing/lemon-squeezy.md, decision 0046). */
export function createLemonSqueezyGateway(options: LemonSqueezyGatewayOptions): BillingGateway {
  const { prices } = options;
  const routed = options.apiUrl ? routeLemonSqueezyApiTo(options.apiUrl) : Promise.resolve();

  /**
   * One SDK call. Its configuration is process-wide, so it is set right before each call (the SDK reads it
   * synchronously when the call starts); it answers errors instead of throwing, so they are thrown here.
   */
  async function call<T>(
    name: string,
    run: () => Promise<{ data: T | null; error: Error | null; statusCode: number | null }>,
  ): Promise<T> {
    await routed;
    lemonSqueezySetup({ apiKey: options.apiKey });
    const result = await run();
    if (result.error || !result.data) throw new LemonSqueezyError(name, result.statusCode, result.error?.cause);
    return result.data;
  }

  /** The subscription as Lemon Squeezy has it now, or null when it does not know it. */
  async function fetchSubscription(subscriptionId: string): Promise<LemonSqueezySubscription | null> {
    await routed;
    lemonSqueezySetup({ apiKey: options.apiKey });
    const result = await getSubscription(subscriptionId);
    if (result.statusCode === 404) return null;
    if (result.error || !result.data)
      throw new LemonSqueezyError('get subscription', result.statusCode, result.error?.cause);
    return subscriptionResource.parse(result.data.data);
  }

  async function subscriptionItemOf(subscriptionId: string) {
    const subscription = await fetchSubscription(subscriptionId);
    const item = subscription?.attributes.first_subscription_item;
    if (!subscription || !item) throw new LemonSqueezyError('subscription item', 404, { subscriptionId });
    return { subscription, item };
  }

  function variantOf(planId: string): string {
    const line = primaryLineItem(planId);
    const variant = line && prices.priceIdOf(planId, line.id);
    if (!variant) throw new Error(`Lemon Squeezy: no variant for plan "${planId}"`);
    return variant;
  }

  /**
   * Lemon Squeezy sets a trial on the variant, not per checkout: a subscription created on trial for an
   * organization that has had one before (decision 0040) gets its trial ended through the API, so Keel's
   * decision holds. Returns the subscription as it now is.
   */
  async function withKeelsTrial(subscription: LemonSqueezySubscription, reference: string | null) {
    if (subscription.attributes.status !== 'on_trial') return subscription;
    const organizationId = await organizationFor(subscription.attributes.customer_id, reference);
    if (!organizationId) return subscription;
    const before = await db.$count(
      billingSubscriptions,
      and(
        eq(billingSubscriptions.organizationId, organizationId),
        ne(billingSubscriptions.providerSubscriptionId, subscription.id),
      ),
    );
    if (before === 0) return subscription;
    const updated = await call('end trial', () =>
      updateSubscription(subscription.id, { trialEndsAt: new Date().toISOString() }),
    );
    logger.info({ subscriptionId: subscription.id }, 'Lemon Squeezy trial ended: the organization had its trial');
    return subscriptionResource.parse(updated.data);
  }

  /**
   * The organization a new subscription would be applied to (webhooks.ts decides for good): its customer's,
   * when Keel knows the customer, else the referenced checkout's. Without a reference to a checkout of Keel's
   * it is not applied at all (decision 0046), so its trial is not Keel's to end: none.
   */
  async function organizationFor(customerId: string, reference: string | null): Promise<string | null> {
    if (!reference || !/^[0-9a-f-]{36}$/i.test(reference)) return null;
    const [customer] = await db
      .select({ organizationId: billingCustomers.organizationId })
      .from(billingCustomers)
      .where(and(eq(billingCustomers.provider, 'lemon-squeezy'), eq(billingCustomers.providerCustomerId, customerId)));
    if (customer) return customer.organizationId;
    const [checkout] = await db
      .select({ organizationId: billingCheckouts.organizationId })
      .from(billingCheckouts)
      .where(and(eq(billingCheckouts.id, reference), eq(billingCheckouts.provider, 'lemon-squeezy')));
    return checkout?.organizationId ?? null;
  }

  /** Whether the webhook ledger has this event already (a redelivery, or a captured body replayed). */
  async function recorded(eventId: string): Promise<boolean> {
    const count = await db.$count(
      billingWebhookEvents,
      and(eq(billingWebhookEvents.provider, 'lemon-squeezy'), eq(billingWebhookEvents.providerEventId, eventId)),
    );
    return count > 0;
  }

  /** One verified body in Keel's terms. Its ledger id is a hash of the body: Lemon Squeezy sends no event id. */
  async function normalise(rawBody: string, body: unknown): Promise<BillingEvent> {
    const parsed = webhookBody.safeParse(body);
    if (!parsed.success) throw new WebhookRejectedError('malformed-body');
    const { meta, data } = parsed.data;
    const type = meta.event_name;
    const reference = referenceIn(meta.custom_data);
    const base = { id: `ls_${createHash('sha256').update(rawBody).digest('hex')}`, type };
    const unknown = (occurredAt: Date): BillingEvent => ({ ...base, kind: 'unknown', occurredAt });
    // Calls to Lemon Squeezy (fetching a subscription, ending a repeat trial) only for an event the ledger does
    // not have: a replay is answered `duplicate` by the ledger without them. Two copies at once may both call;
    // both calls are idempotent (decision 0046).
    if (await recorded(base.id)) return unknown(new Date());
    if (SUBSCRIPTION_EVENTS.has(type) || PAYMENT_EVENTS.has(type)) {
      let resource: LemonSqueezySubscription | null;
      if (SUBSCRIPTION_EVENTS.has(type)) {
        const result = subscriptionResource.safeParse(data);
        if (!result.success) throw new WebhookRejectedError('malformed-body');
        resource = result.data;
      } else {
        // A payment event carries the invoice: the subscription it changed is fetched as it is now.
        const invoice = subscriptionInvoiceResource.safeParse(data);
        if (!invoice.success) throw new WebhookRejectedError('malformed-body');
        resource = await fetchSubscription(invoice.data.attributes.subscription_id);
        if (!resource) return unknown(invoice.data.attributes.updated_at);
      }
      if (type === 'subscription_created') resource = await withKeelsTrial(resource, reference);
      const subscription = toProviderSubscription(prices, resource, reference);
      if (!subscription) {
        logger.warn({ type, variantId: resource.attributes.variant_id }, 'Lemon Squeezy event for an unknown variant');
        return unknown(resource.attributes.updated_at);
      }
      return { ...base, kind: 'subscription', occurredAt: subscription.updatedAt, subscription };
    }
    if (ORDER_EVENTS.has(type)) {
      const result = orderResource.safeParse(data);
      if (!result.success) throw new WebhookRejectedError('malformed-body');
      const order = toProviderOrder(prices, result.data, reference);
      if (!order) {
        logger.warn({ type, orderId: result.data.id }, 'Lemon Squeezy order for an unknown variant');
        return unknown(result.data.attributes.updated_at);
      }
      // A subscription's first payment is an order too: the subscription's own events carry it.
      if (findPlan(order.planId)?.plan.interval !== 'one_off') return unknown(order.updatedAt);
      return { ...base, kind: 'order', occurredAt: order.updatedAt, order };
    }
    return unknown(new Date());
  }

  return {
    provider: 'lemon-squeezy',
    // The customer is whoever's email the buyer types at checkout (decision 0046).
    customerChosenByBuyer: { checkoutLifetimeMs: CHECKOUT_LIFETIME_MS },

    async createCustomer({ name, email }) {
      // Lemon Squeezy takes no idempotency key; a retried first checkout finds Keel's row (checkout.ts).
      const customer = await call('create customer', () =>
        createCustomer(options.storeId, { name, email: email ?? '' }),
      );
      return { customerId: customer.data.id };
    },

    async createCheckout(input) {
      const variant = variantOf(input.planId);
      const line = primaryLineItem(input.planId)!;
      const customer = await call('get customer', () => getCustomer(input.customerId));
      const checkout = await call('create checkout', () =>
        createCheckout(options.storeId, variant, {
          checkoutData: {
            email: customer.data.attributes.email,
            // Only Keel's own reference: the organization is found from Keel's records, never from here.
            custom: { [REFERENCE_KEY]: input.reference },
            variantQuantities:
              line.type === 'per_seat'
                ? [{ variantId: Number(variant), quantity: Math.max(input.seats, line.minimumSeats) }]
                : undefined,
          },
          productOptions: {
            enabledVariants: [Number(variant)],
            // The billing page finds the checkout by Keel's id (Lemon Squeezy substitutes nothing).
            redirectUrl: input.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', input.reference),
          },
          expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS).toISOString(),
        }),
      );
      return { checkoutId: checkout.data.id, url: checkout.data.attributes.url };
    },

    async expireCheckout() {
      // Lemon Squeezy has no call to close a checkout: its link pays until its expires_at (an hour, set at
      // creation). Keel marks its own record expired; a late payment is still applied (decision 0046).
    },

    async createPortalSession({ customerId }) {
      const customer = await call('get customer', () => getCustomer(customerId));
      const url = customer.data.attributes.urls.customer_portal;
      if (!url) throw new LemonSqueezyError('customer portal', null, 'the customer has no subscription yet');
      return { url };
    },

    async changePlan({ subscriptionId, planId }) {
      const variantId = Number(variantOf(planId));
      await call('change variant', () => updateSubscription(subscriptionId, { variantId }));
    },

    async setCancelAtPeriodEnd({ subscriptionId, cancel }) {
      if (cancel) await call('cancel subscription', () => cancelSubscription(subscriptionId));
      else await call('resume subscription', () => updateSubscription(subscriptionId, { cancelled: false }));
    },

    async cancelNow({ subscriptionId }) {
      // Lemon Squeezy cannot end a subscription before its period does: cancelled, it is never charged again.
      const subscription = await fetchSubscription(subscriptionId);
      if (!subscription || ['cancelled', 'expired'].includes(subscription.attributes.status)) return;
      await call('cancel subscription', () => cancelSubscription(subscriptionId));
    },

    async updateSeats({ subscriptionId, seats }) {
      const { item } = await subscriptionItemOf(subscriptionId);
      await call('update quantity', () => updateSubscriptionItem(item.id, { quantity: seats }));
    },

    async listInvoices({ customerId, limit }) {
      const customer = await call('get customer', () =>
        getCustomer(customerId, { include: ['subscriptions', 'orders'] }),
      );
      const included = (customer.included ?? []) as unknown[];
      const subscriptions = included.flatMap((resource) => {
        const parsed = subscriptionResource.safeParse(resource);
        return parsed.success ? [parsed.data] : [];
      });
      const invoices: ProviderInvoice[] = [];
      for (const subscription of subscriptions) {
        const list = await call('list subscription invoices', () =>
          listSubscriptionInvoices({ filter: { subscriptionId: subscription.id }, page: { size: limit } }),
        );
        for (const resource of list.data)
          invoices.push(invoiceOfSubscription(subscriptionInvoiceResource.parse(resource)));
      }
      // A subscription's first payment is also an order: those are listed once, as its invoice.
      const subscriptionOrders = new Set(subscriptions.map((subscription) => subscription.attributes.order_id));
      for (const resource of included) {
        const order = orderResource.safeParse(resource);
        if (order.success && !subscriptionOrders.has(order.data.id)) invoices.push(invoiceOfOrder(order.data));
      }
      return invoices.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
    },

    async reportUsage({ subscriptionId, lineItemId, quantity }) {
      const { subscription, item } = await subscriptionItemOf(subscriptionId);
      const line = prices.byPriceId.get(subscription.attributes.variant_id);
      // One item per subscription: usage goes to it only when it is the usage-based variant of that line item.
      if (!item.is_usage_based || line?.lineItemId !== lineItemId)
        throw new LemonSqueezyError('usage record', null, `no usage-based item "${lineItemId}" on ${subscriptionId}`);
      await call('usage record', () =>
        createUsageRecord({ subscriptionItemId: item.id, quantity, action: 'increment' }),
      );
    },

    async retrieveSubscription(subscriptionId) {
      const subscription = await fetchSubscription(subscriptionId);
      if (!subscription) return null;
      // Null is "Lemon Squeezy does not know it" (a 404): a variant gone from the catalogue (a grandfathered
      // subscriber's) is an error reconciliation reports, never a reason to cancel the subscription.
      const normalised = toProviderSubscription(prices, subscription, null);
      if (!normalised)
        throw new LemonSqueezyError('get subscription', null, `variant ${subscription.attributes.variant_id} unknown`);
      return normalised;
    },

    async listSubscriptions({ customerId }) {
      // The subscriptions API has no customer filter: the customer's own, included with it.
      const customer = await call('get customer', () => getCustomer(customerId, { include: ['subscriptions'] }));
      return ((customer.included ?? []) as unknown[]).flatMap((resource) => {
        const parsed = subscriptionResource.safeParse(resource);
        const subscription = parsed.success ? toProviderSubscription(prices, parsed.data, null) : null;
        return subscription ? [subscription] : [];
      });
    },

    async verifyWebhook(rawBody, headers) {
      verifyLemonSqueezySignature(rawBody, headers.get('x-signature'), options.webhookSecret);
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new WebhookRejectedError('malformed-body');
      }
      const event = await normalise(rawBody, body);
      const named = headers.get('x-event-name');
      if (named && named !== event.type) throw new WebhookRejectedError('malformed-body');
      return [event];
    },
  };
}
