import 'server-only';
import type Stripe from 'stripe';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import type { OrderStatus, SubscriptionStatus } from '../../billing-fields';
import { findPlan } from '../catalogue';
import type { ProviderInvoice, ProviderOrder, ProviderSubscription } from '../gateway';

/**
 * Stripe's objects in Keel's terms, through the price ids the catalogue names (STRIPE_PRICE_* variables):
 * a price Keel does not know makes the object one Keel cannot apply (null), never a guess.
 */

/** The metadata Keel writes on what it creates at Stripe (server-set: a browser cannot change it). */
export const KEEL_REFERENCE = 'keel_reference';
export const KEEL_PLAN = 'keel_plan_id';
export const KEEL_ORGANIZATION = 'keel_organization_id';

const STATUSES: Record<string, SubscriptionStatus | undefined> = {
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  canceled: 'canceled',
  // The first payment never succeeded within 23 hours: Stripe ended it.
  incomplete_expired: 'canceled',
  incomplete: 'incomplete',
  unpaid: 'unpaid',
  paused: 'paused',
};

const idOf = (value: string | { id: string } | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value : value.id;
const time = (seconds: number) => new Date(seconds * 1000);

/** The catalogue's line item a Stripe price stands for, with its plan. */
export function lineItemOfPrice(prices: ProviderPriceIds, priceId: string) {
  const mapped = prices.byPriceId.get(priceId);
  const found = mapped && findPlan(mapped.planId);
  const lineItem = found?.plan.lineItems.find((item) => item.id === mapped!.lineItemId);
  return found && lineItem ? { plan: found.plan, lineItem } : null;
}

/** The one plan every price of a list belongs to, or null (an unknown price, or prices of two plans). */
function planOfPrices(prices: ProviderPriceIds, priceIds: string[]) {
  const plans = new Set(priceIds.map((priceId) => lineItemOfPrice(prices, priceId)?.plan.id ?? null));
  const [planId] = [...plans];
  return plans.size === 1 && planId ? planId : null;
}

/**
 * A Stripe subscription in Keel's terms (null: a status this API version does not list). Prices not all of
 * one catalogue plan give `planId: null` and only the items Keel can map: its status, period and cancel
 * fields still apply to a subscription Keel holds (a rotated price, a portal switch; decision 0045).
 * `fetchedAt` is its `updatedAt`: Stripe's subscription has no time of last change, so the state is
 * as new as the moment it was asked for (decision 0045).
 */
export function toProviderSubscription(
  subscription: Stripe.Subscription,
  prices: ProviderPriceIds,
  fetchedAt: Date,
): ProviderSubscription | null {
  const items = subscription.items.data;
  const planId = planOfPrices(
    prices,
    items.map((item) => item.price.id),
  );
  if (items.length === 0) return null;
  const keelItems = items.flatMap((item) => {
    const lineItem = lineItemOfPrice(prices, item.price.id)?.lineItem;
    if (!lineItem) return [];
    return {
      lineItemId: lineItem.id,
      type: lineItem.type,
      priceId: item.price.id,
      // A metered price has no quantity at Stripe: its meter counts.
      quantity: lineItem.type === 'metered' ? 0 : (item.quantity ?? 1),
    };
  });
  // Since 2025-03-31.basil the billing period lives on each item; Keel's items share one interval.
  const [first] = items;
  // A status newer than this API version's list is not guessed at.
  const status = STATUSES[subscription.status];
  if (!status) return null;
  return {
    id: subscription.id,
    customerId: idOf(subscription.customer)!,
    status,
    planId,
    items: keelItems,
    periodStartsAt: time(first!.current_period_start),
    periodEndsAt: time(first!.current_period_end),
    // A scheduled end (the portal may set cancel_at rather than the flag) is a cancellation at period end.
    cancelAtPeriodEnd: status !== 'canceled' && (subscription.cancel_at_period_end || subscription.cancel_at !== null),
    trialEndsAt: subscription.trial_end ? time(subscription.trial_end) : null,
    canceledAt:
      status === 'canceled'
        ? time(subscription.ended_at ?? subscription.canceled_at ?? Math.floor(fetchedAt.getTime() / 1000))
        : null,
    updatedAt: fetchedAt,
    checkoutReference: subscription.metadata[KEEL_REFERENCE] ?? null,
  };
}

/** What the buyer's one-off payment stands at, from its Checkout Session and PaymentIntent. */
function orderStatus(session: Stripe.Checkout.Session): OrderStatus {
  const intent = typeof session.payment_intent === 'object' ? session.payment_intent : null;
  const charge = intent && typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required')
    return charge?.refunded ? 'refunded' : 'paid';
  if (session.status === 'expired') return 'failed';
  // Paid later (a bank debit): pending while it processes, failed when the bank says no.
  return intent?.status === 'requires_payment_method' || intent?.status === 'canceled' ? 'failed' : 'pending';
}

/**
 * A one-off Checkout Session (retrieved with `line_items` and `payment_intent.latest_charge` expanded) as
 * Keel's order, or null when its prices are not one of the catalogue's plans. The session is the order: it
 * exists from the start, and every later event (paid later, failed, refunded) leads back to it.
 */
export function toProviderOrder(
  session: Stripe.Checkout.Session,
  prices: ProviderPriceIds,
  fetchedAt: Date,
): ProviderOrder | null {
  const priceIds = (session.line_items?.data ?? []).flatMap((item) => (item.price ? [item.price.id] : []));
  const planId = planOfPrices(prices, priceIds);
  const customerId = idOf(session.customer);
  if (!planId || !customerId) return null;
  return {
    id: session.id,
    customerId,
    planId,
    status: orderStatus(session),
    totalAmount: session.amount_total ?? 0,
    currency: session.currency ?? findPlan(planId)!.plan.currency,
    updatedAt: fetchedAt,
    checkoutReference: session.client_reference_id,
  };
}

const INVOICE_STATUSES: ProviderInvoice['status'][] = ['draft', 'open', 'paid', 'void', 'uncollectible'];

export function toProviderInvoice(invoice: Stripe.Invoice): ProviderInvoice {
  return {
    id: invoice.id,
    number: invoice.number,
    status: INVOICE_STATUSES.find((status) => status === invoice.status) ?? 'draft',
    totalAmount: invoice.total,
    currency: invoice.currency,
    createdAt: time(invoice.created),
    url: invoice.hosted_invoice_url ?? invoice.invoice_pdf ?? null,
  };
}

/** The subscription an invoice bills, if any (since basil it is under `parent`). */
export const subscriptionOfInvoice = (invoice: Stripe.Invoice) =>
  idOf(invoice.parent?.subscription_details?.subscription);

export { idOf };
