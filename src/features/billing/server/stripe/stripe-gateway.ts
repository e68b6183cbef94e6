import 'server-only';
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import { logger } from '@/platform/logger';
import { findPlan } from '../catalogue';
import type { BillingGateway, ProviderSubscription } from '../gateway';
import { callStripe, createStripeClient, isInvalidRequest, isMissing } from './stripe-client';
import {
  KEEL_ORGANIZATION,
  KEEL_PLAN,
  KEEL_REFERENCE,
  idOf,
  lineItemOfPrice,
  toProviderInvoice,
  toProviderSubscription,
} from './stripe-objects';
import { verifyStripeWebhook, type StripeReader } from './stripe-webhooks';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** Null: Stripe's own API. */
  apiUrl: string | null;
  prices: ProviderPriceIds;
}

/**
 * Stripe behind the billing gateway (docs/billing/stripe.md, decision 0045): one customer per organization,
 * Checkout Sessions for subscriptions and one-off payments, the Billing Portal, prorated changes, Billing
 * Meters for metered items, and webhooks that fetch the state they announce. Every Stripe refusal or outage
 * is BILLING_PROVIDER_FAILED (stripe-client.ts).
 */
export function createStripeGateway(options: StripeGatewayOptions): BillingGateway {
  const stripe = createStripeClient(options.secretKey, options.apiUrl);
  const { prices } = options;
  /** A meter's event name and payload keys never change: asked once per process. */
  const meters = new Map<string, Stripe.Billing.Meter>();

  const priceOf = (planId: string, lineItemId: string) => {
    const priceId = prices.priceIdOf(planId, lineItemId);
    if (!priceId) throw new Error(`stripe gateway: no price id for ${planId} / ${lineItemId}`);
    return priceId;
  };

  /** The subscription as Stripe has it, or null when it does not know it. */
  const fetchSubscription = (subscriptionId: string) =>
    callStripe('subscriptions.retrieve', async () => {
      try {
        return await stripe.subscriptions.retrieve(subscriptionId);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    });

  const requireSubscription = async (subscriptionId: string) => {
    const subscription = await fetchSubscription(subscriptionId);
    if (!subscription) throw new Error(`stripe gateway: Stripe does not know subscription ${subscriptionId}`);
    return subscription;
  };

  /** The subscription's items with the catalogue's line item each price stands for (null: not Keel's). */
  const itemsOf = (subscription: Stripe.Subscription) =>
    subscription.items.data.map((item) => ({ item, lineItem: lineItemOfPrice(prices, item.price.id)?.lineItem }));

  const inKeelTerms = (subscription: Stripe.Subscription, fetchedAt: Date): ProviderSubscription => {
    const normalised = toProviderSubscription(subscription, prices, fetchedAt);
    if (!normalised) throw new Error(`stripe gateway: subscription ${subscription.id} has a status Keel does not know`);
    return normalised;
  };

  const reader: StripeReader = {
    async subscription(id) {
      // Stamped before asking: a later question can only see a state at least as new (decision 0045).
      const fetchedAt = new Date();
      return { subscription: await fetchSubscription(id), fetchedAt };
    },
    async paymentSession(id) {
      const fetchedAt = new Date();
      const session = await callStripe('checkout.sessions.retrieve', async () => {
        try {
          return await stripe.checkout.sessions.retrieve(id, {
            expand: ['line_items', 'payment_intent.latest_charge'],
          });
        } catch (error) {
          if (isMissing(error)) return null;
          throw error;
        }
      });
      return { session, fetchedAt };
    },
    async sessionOfPaymentIntent(paymentIntentId) {
      const sessions = await callStripe('checkout.sessions.list', () =>
        stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 }),
      );
      return sessions.data[0]?.id ?? null;
    },
  };

  return {
    provider: 'stripe',

    async createCustomer({ organizationId, name, email, idempotencyKey }) {
      const customer = await callStripe('customers.create', () =>
        stripe.customers.create(
          { name, ...(email && { email }), metadata: { [KEEL_ORGANIZATION]: organizationId } },
          { idempotencyKey },
        ),
      );
      return { customerId: customer.id };
    },

    async createCheckout(input) {
      const found = findPlan(input.planId);
      if (!found) throw new Error(`stripe gateway: no plan "${input.planId}"`);
      const { plan } = found;
      const metadata = { [KEEL_REFERENCE]: input.reference, [KEEL_PLAN]: plan.id };
      const lineItems = plan.lineItems.map((item) =>
        // A metered price is counted by its meter: Stripe refuses a quantity for it.
        item.type === 'metered'
          ? { price: priceOf(plan.id, item.id) }
          : {
              price: priceOf(plan.id, item.id),
              quantity: item.type === 'per_seat' ? Math.max(input.seats, item.minimumSeats) : 1,
            },
      );
      const session = await callStripe('checkout.sessions.create', () =>
        stripe.checkout.sessions.create(
          {
            mode: input.mode,
            customer: input.customerId,
            line_items: lineItems,
            client_reference_id: input.reference,
            metadata,
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            ...(input.mode === 'subscription'
              ? {
                  subscription_data: {
                    metadata,
                    // Keel's decision (once per organization), not the price's own trial.
                    ...(input.trialDays > 0 && { trial_period_days: input.trialDays }),
                  },
                }
              : { payment_intent_data: { metadata }, invoice_creation: { enabled: true, invoice_data: { metadata } } }),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      if (!session.url) throw new Error(`stripe gateway: checkout session ${session.id} has no URL`);
      return { checkoutId: session.id, url: session.url };
    },

    async expireCheckout({ checkoutId }) {
      await callStripe('checkout.sessions.expire', async () => {
        try {
          await stripe.checkout.sessions.expire(checkoutId);
        } catch (error) {
          // Only an open session expires; one already completed or expired stays as it is.
          if (!isInvalidRequest(error)) throw error;
          const session = await stripe.checkout.sessions.retrieve(checkoutId);
          if (session.status === 'open') throw error;
        }
      });
    },

    async createPortalSession({ customerId, returnUrl }) {
      const session = await callStripe('billingPortal.sessions.create', () =>
        stripe.billingPortal.sessions.create(
          { customer: customerId, return_url: returnUrl },
          // One key per request: the SDK's retries of it open one session.
          { idempotencyKey: `portal-${randomUUID()}` },
        ),
      );
      return { url: session.url };
    },

    async changePlan({ subscriptionId, planId }) {
      const found = findPlan(planId);
      if (!found) throw new Error(`stripe gateway: no plan "${planId}"`);
      const subscription = await requireSubscription(subscriptionId);
      const current = itemsOf(subscription);
      const seats = current.find(({ lineItem }) => lineItem?.type === 'per_seat')?.item.quantity;
      const kept = new Set<string>();
      const items: Stripe.SubscriptionUpdateParams.Item[] = found.plan.lineItems.map((lineItem) => {
        // The same line item (the per-seat one whatever its id) moves to the new price, keeping its history.
        const match = current.find(
          ({ item, lineItem: theirs }) =>
            !kept.has(item.id) &&
            theirs?.type === lineItem.type &&
            (lineItem.type === 'per_seat' || theirs.id === lineItem.id),
        );
        if (match) kept.add(match.item.id);
        const price = priceOf(planId, lineItem.id);
        const quantity =
          lineItem.type === 'metered'
            ? {}
            : { quantity: lineItem.type === 'per_seat' ? Math.max(seats ?? 1, lineItem.minimumSeats) : 1 };
        return match ? { id: match.item.id, price, ...quantity } : { price, ...quantity };
      });
      for (const { item } of current) if (!kept.has(item.id)) items.push({ id: item.id, deleted: true });
      await callStripe('subscriptions.update', () =>
        stripe.subscriptions.update(subscriptionId, { items, proration_behavior: 'create_prorations' }),
      );
    },

    async setCancelAtPeriodEnd({ subscriptionId, cancel }) {
      let change: Stripe.SubscriptionUpdateParams = { cancel_at_period_end: cancel };
      if (!cancel) {
        // A cancellation the portal scheduled as a date (cancel_at, no flag) is taken back by clearing the date.
        const subscription = await requireSubscription(subscriptionId);
        if (!subscription.cancel_at_period_end && subscription.cancel_at !== null) change = { cancel_at: '' };
      }
      await callStripe('subscriptions.update', () => stripe.subscriptions.update(subscriptionId, change));
    },

    async cancelNow({ subscriptionId }) {
      await callStripe('subscriptions.cancel', async () => {
        try {
          // No final invoice, no proration credit: the organization is going away.
          await stripe.subscriptions.cancel(subscriptionId, { invoice_now: false, prorate: false });
        } catch (error) {
          if (!isInvalidRequest(error)) throw error;
          // Already canceled (or gone) is what was asked.
          const subscription = await stripe.subscriptions.retrieve(subscriptionId).catch((missing: unknown) => {
            if (isMissing(missing)) return null;
            throw missing;
          });
          if (subscription && !['canceled', 'incomplete_expired'].includes(subscription.status)) throw error;
        }
      });
    },

    async updateSeats({ subscriptionId, seats }) {
      const subscription = await requireSubscription(subscriptionId);
      const perSeat = itemsOf(subscription).find(({ lineItem }) => lineItem?.type === 'per_seat');
      if (!perSeat) throw new Error(`stripe gateway: subscription ${subscriptionId} has no per-seat item`);
      await callStripe('subscriptionItems.update', () =>
        stripe.subscriptionItems.update(perSeat.item.id, { quantity: seats, proration_behavior: 'create_prorations' }),
      );
    },

    async listInvoices({ customerId, limit }) {
      const invoices = await callStripe('invoices.list', () => stripe.invoices.list({ customer: customerId, limit }));
      return invoices.data.map(toProviderInvoice);
    },

    async reportUsage({ subscriptionId, lineItemId, quantity, idempotencyKey }) {
      const subscription = await requireSubscription(subscriptionId);
      const metered = itemsOf(subscription).find(
        ({ lineItem }) => lineItem?.type === 'metered' && lineItem.id === lineItemId,
      );
      const meterId = metered?.item.price.recurring?.meter;
      if (!metered || !meterId)
        throw new Error(`stripe gateway: ${subscriptionId} has no metered item "${lineItemId}" with a meter`);
      let meter = meters.get(meterId);
      if (!meter) {
        meter = await callStripe('billing.meters.retrieve', () => stripe.billing.meters.retrieve(meterId));
        meters.set(meterId, meter);
      }
      const { event_name: eventName, customer_mapping: customerKey, value_settings: valueKey } = meter;
      await callStripe('billing.meterEvents.create', () =>
        stripe.billing.meterEvents.create(
          {
            event_name: eventName,
            payload: {
              [customerKey.event_payload_key]: idOf(subscription.customer)!,
              [valueKey.event_payload_key]: String(quantity),
            },
            // Stripe counts an identifier once (for at least 24 hours); the key covers the SDK's retries.
            identifier: idempotencyKey,
          },
          { idempotencyKey: `usage-${idempotencyKey}` },
        ),
      );
    },

    async retrieveSubscription(subscriptionId) {
      const fetchedAt = new Date();
      const subscription = await fetchSubscription(subscriptionId);
      return subscription ? inKeelTerms(subscription, fetchedAt) : null;
    },

    async listSubscriptions({ customerId }) {
      const fetchedAt = new Date();
      const list = await callStripe('subscriptions.list', () =>
        stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 }).autoPagingToArray({
          limit: 1000,
        }),
      );
      return list.flatMap((subscription) => {
        const normalised = toProviderSubscription(subscription, prices, fetchedAt);
        // One Keel does not hold on unknown prices could not be applied; one it holds is reconcileOne's.
        if (!normalised?.planId)
          logger.warn(
            { provider: 'stripe', subscriptionId: subscription.id },
            'a Stripe subscription has prices Keel does not know: left out',
          );
        return normalised ? [normalised] : [];
      });
    },

    verifyWebhook(rawBody, headers) {
      return verifyStripeWebhook(stripe, reader, prices, options.webhookSecret, rawBody, headers);
    },
  };
}
