import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import { logger } from '@/platform/logger';
import { WebhookRejectedError, type BillingEvent } from '../gateway';
import { idOf, subscriptionOfInvoice, toProviderOrder, toProviderSubscription } from './stripe-objects';

/**
 * Stripe's webhooks in Keel's terms (docs/billing/stripe.md, decision 0045). The signature is checked by
 * the SDK over the raw body (older than 5 minutes: refused). Deliveries come at least once and in any
 * order, and a subscription carries no time of its last change, so an event is taken as news that its
 * object changed, never as the object's state: the subscription (or one-off payment) is fetched again
 * and that state, stamped with the moment it was asked for, is what Keel applies. A late
 * `customer.subscription.updated` after a cancel fetches the canceled subscription: nothing comes back.
 */

/** The events to subscribe the endpoint to (the guide lists them; anything else is acknowledged, ignored). */
export const STRIPE_WEBHOOK_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
  'charge.refunded',
] as const;

/** What the webhook reads from Stripe's API: the current state of the object an event names. */
export interface StripeReader {
  /** The subscription now (null: Stripe does not know it), and when it was asked for. */
  subscription(id: string): Promise<{ subscription: Stripe.Subscription | null; fetchedAt: Date }>;
  /** A one-off payment's Checkout Session now, with its line items and payment expanded. */
  paymentSession(id: string): Promise<{ session: Stripe.Checkout.Session | null; fetchedAt: Date }>;
  /** The Checkout Session that created a PaymentIntent (refunds name the charge's PaymentIntent). */
  sessionOfPaymentIntent(paymentIntentId: string): Promise<string | null>;
}

const envelope = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created: z.number().int(),
  data: z.object({ object: z.looseObject({ id: z.string().min(1), object: z.string() }) }),
});

/** Checks the signature and returns Stripe's event; every failure is a WebhookRejectedError. */
async function verifiedEvent(stripe: Stripe, rawBody: string, headers: Headers, secret: string) {
  const signature = headers.get('stripe-signature');
  if (!signature) throw new WebhookRejectedError('missing-signature');
  let event: unknown;
  try {
    event = await stripe.webhooks.constructEventAsync(rawBody, signature, secret);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError))
      throw new WebhookRejectedError('malformed-body');
    throw new WebhookRejectedError(
      error.message.includes('Timestamp outside the tolerance zone') ? 'stale-timestamp' : 'bad-signature',
    );
  }
  const parsed = envelope.safeParse(event);
  if (!parsed.success) throw new WebhookRejectedError('malformed-body');
  return parsed.data;
}

type Envelope = z.infer<typeof envelope>;

export async function verifyStripeWebhook(
  stripe: Stripe,
  reader: StripeReader,
  prices: ProviderPriceIds,
  secret: string,
  rawBody: string,
  headers: Headers,
): Promise<BillingEvent[]> {
  const event = await verifiedEvent(stripe, rawBody, headers, secret);
  const base = { id: event.id, type: event.type, occurredAt: new Date(event.created * 1000) };
  const object = event.data.object as Record<string, unknown> & { id: string };

  /** The subscription's state now, as an event with `suffix` added to the ledger id (several per delivery). */
  const subscriptionEvent = async (subscriptionId: string | null, suffix = ''): Promise<BillingEvent> => {
    const id = `${event.id}${suffix}`;
    if (!subscriptionId) return { ...base, id, kind: 'unknown' };
    const { subscription, fetchedAt } = await reader.subscription(subscriptionId);
    // Gone at Stripe: the event's own copy is the last word there is, as of the event.
    const state = subscription ?? (event.type.startsWith('customer.subscription.') ? object : null);
    const normalised =
      state && toProviderSubscription(state as Stripe.Subscription, prices, subscription ? fetchedAt : base.occurredAt);
    return normalised ? { ...base, id, kind: 'subscription', subscription: normalised } : unknown(event, id);
  };

  const orderEvent = async (sessionId: string | null, suffix = ''): Promise<BillingEvent> => {
    const id = `${event.id}${suffix}`;
    if (!sessionId) return { ...base, id, kind: 'unknown' };
    const { session, fetchedAt } = await reader.paymentSession(sessionId);
    const order = session && toProviderOrder(session, prices, fetchedAt);
    return order ? { ...base, id, kind: 'order', order } : unknown(event, id);
  };

  switch (event.type) {
    case 'checkout.session.completed': {
      const session = object as unknown as Stripe.Checkout.Session;
      const customerId = idOf(session.customer);
      if (!customerId) return [unknown(event, event.id)];
      const completed: BillingEvent = { ...base, kind: 'checkout.completed', checkoutId: session.id, customerId };
      // What it bought arrives with it: the subscription's own events may come later, or not first.
      const bought =
        session.mode === 'subscription'
          ? await subscriptionEvent(idOf(session.subscription), ':subscription')
          : await orderEvent(session.id, ':order');
      return [completed, bought];
    }
    case 'checkout.session.expired':
      // Abandoned past its expiry (or closed by Keel itself): final, the event's copy is enough.
      return [{ ...base, kind: 'checkout.expired', checkoutId: object.id }];
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return [await orderEvent(object.id)];
    case 'charge.refunded': {
      const paymentIntent = idOf((object as unknown as Stripe.Charge).payment_intent);
      return [await orderEvent(paymentIntent ? await reader.sessionOfPaymentIntent(paymentIntent) : null)];
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.paused':
    case 'customer.subscription.resumed':
    case 'customer.subscription.trial_will_end':
      return [await subscriptionEvent(object.id)];
    case 'invoice.paid':
    case 'invoice.payment_failed':
      // A one-off payment's invoice bills no subscription: its order has its own events.
      return [await subscriptionEvent(subscriptionOfInvoice(object as unknown as Stripe.Invoice))];
    default:
      return [{ ...base, kind: 'unknown' }];
  }
}

/** An event Keel cannot apply — prices no STRIPE_PRICE_* names, or an object Stripe no longer has: logged. */
function unknown(event: Envelope, id: string): BillingEvent {
  logger.warn(
    { provider: 'stripe', eventId: event.id, type: event.type, objectId: event.data.object.id },
    'a Stripe event Keel cannot apply: unknown prices (check the STRIPE_PRICE_* variables) or a deleted object',
  );
  return { id, type: event.type, occurredAt: new Date(event.created * 1000), kind: 'unknown' };
}
