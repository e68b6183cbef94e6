import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import type { SubscriptionStatus } from '../../billing-fields';
import { findPlan } from '../catalogue';
import { WebhookRejectedError, type ProviderInvoice, type ProviderOrder, type ProviderSubscription } from '../gateway';

/**
 * Lemon Squeezy's JSON:API objects (subscriptions, orders, subscription invoices) as Keel reads them, and
 * its webhook signature (docs/billing/lemon-squeezy.md). Ids are strings in `data.id` and numbers in
 * attributes: Keel keeps them as strings. A variant id is Keel's "price id" for Lemon Squeezy.
 */

const id = z.union([z.number(), z.string()]).transform(String);
const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const subscriptionAttributes = z.object({
  customer_id: id,
  order_id: id,
  variant_id: id,
  status: z.enum(['on_trial', 'active', 'paused', 'pause', 'past_due', 'unpaid', 'cancelled', 'expired']),
  cancelled: z.boolean(),
  trial_ends_at: date.nullable(),
  first_subscription_item: z
    .object({ id, price_id: id.optional(), quantity: z.number().int().min(0), is_usage_based: z.boolean() })
    .nullable(),
  urls: z.object({ customer_portal: z.string().nullable().optional() }).partial().optional(),
  renews_at: date.nullable(),
  ends_at: date.nullable(),
  created_at: date,
  updated_at: date,
});
export const subscriptionResource = z.object({
  type: z.literal('subscriptions'),
  id,
  attributes: subscriptionAttributes,
});
export type LemonSqueezySubscription = z.output<typeof subscriptionResource>;

export const orderResource = z.object({
  type: z.literal('orders'),
  id,
  attributes: z.object({
    customer_id: id,
    order_number: z.number().int().nullable().optional(),
    identifier: z.string().optional(),
    currency: z.string(),
    total: z.number().int(),
    status: z.enum(['pending', 'failed', 'paid', 'refunded', 'partial_refund']),
    refunded: z.boolean().optional(),
    first_order_item: z.object({ variant_id: id, quantity: z.number().int().optional() }),
    urls: z.object({ receipt: z.string().nullable().optional() }).partial().optional(),
    created_at: date,
    updated_at: date,
  }),
});
export type LemonSqueezyOrder = z.output<typeof orderResource>;

export const subscriptionInvoiceResource = z.object({
  type: z.literal('subscription-invoices'),
  id,
  attributes: z.object({
    subscription_id: id,
    customer_id: id,
    billing_reason: z.string(),
    currency: z.string(),
    total: z.number().int(),
    status: z.enum(['pending', 'paid', 'void', 'refunded', 'partial_refund']),
    urls: z.object({ invoice_url: z.string().nullable().optional() }).partial().optional(),
    created_at: date,
    updated_at: date,
  }),
});
export type LemonSqueezySubscriptionInvoice = z.output<typeof subscriptionInvoiceResource>;

/** A webhook's body: the event's name and the checkout's custom data in `meta`, the resource in `data`. */
export const webhookBody = z.object({
  meta: z.object({
    event_name: z.string().min(1),
    custom_data: z.record(z.string(), z.unknown()).nullable().optional(),
  }),
  data: z.object({ type: z.string(), id }).passthrough(),
});

/** The key under which a checkout carries Keel's reference in its custom data. */
export const REFERENCE_KEY = 'keel_reference';

/** Keel's reference from a webhook's custom data: a string, or nothing (whoever built the checkout). */
export function referenceIn(customData: Record<string, unknown> | null | undefined): string | null {
  const value = customData?.[REFERENCE_KEY];
  return typeof value === 'string' && value.length > 0 && value.length <= 255 ? value : null;
}

/**
 * Checks `X-Signature`: the hex HMAC-SHA256 of the raw body with the webhook's signing secret. Compared in
 * constant time once the lengths agree; anything that is not 64 hex digits is refused before comparing.
 */
export function verifyLemonSqueezySignature(rawBody: string, signature: string | null, secret: string): void {
  if (!signature) throw new WebhookRejectedError('missing-signature');
  if (!/^[0-9a-f]{64}$/i.test(signature)) throw new WebhookRejectedError('bad-signature');
  const expected = createHmac('sha256', secret).update(rawBody, 'utf8').digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new WebhookRejectedError('bad-signature');
}

/** Signs a body as Lemon Squeezy does (the tests' mock and fixtures). */
export function signLemonSqueezyBody(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

const STATUS: Record<LemonSqueezySubscription['attributes']['status'], SubscriptionStatus> = {
  on_trial: 'trialing',
  active: 'active',
  paused: 'paused',
  pause: 'paused',
  past_due: 'past_due',
  unpaid: 'unpaid',
  // Lemon Squeezy's "cancelled" is Keel's cancel at period end: it runs until `ends_at`.
  cancelled: 'active',
  expired: 'canceled',
};

function minusInterval(end: Date, interval: 'month' | 'year' | 'one_off'): Date {
  const start = new Date(end);
  if (interval === 'year') start.setUTCFullYear(start.getUTCFullYear() - 1);
  else start.setUTCMonth(start.getUTCMonth() - 1);
  return start;
}

/** The line item of a plan that Lemon Squeezy charges as the subscription's one item (its variant). */
export function primaryLineItem(planId: string) {
  const found = findPlan(planId);
  if (!found) return null;
  const items = found.plan.lineItems;
  return items.find((item) => item.type === 'per_seat') ?? items.find((item) => item.type === 'flat') ?? items[0]!;
}

/**
 * A Lemon Squeezy subscription in Keel's terms, or null when its variant is none of the catalogue's
 * (an event Keel cannot apply). Lemon Squeezy has one item per subscription, the variant; a plan's other
 * line items (a legacy plan's) are listed with their own variant and no quantity of their own.
 */
export function toProviderSubscription(
  prices: ProviderPriceIds,
  resource: LemonSqueezySubscription,
  checkoutReference: string | null,
): ProviderSubscription | null {
  const { attributes } = resource;
  const line = prices.byPriceId.get(attributes.variant_id);
  const found = line && findPlan(line.planId);
  if (!line || !found) return null;
  const { plan } = found;
  const status =
    attributes.status === 'cancelled' && attributes.trial_ends_at && attributes.trial_ends_at > attributes.updated_at
      ? 'trialing'
      : STATUS[attributes.status];
  const finishing = attributes.status === 'cancelled' || attributes.status === 'expired';
  const periodEndsAt =
    (finishing ? attributes.ends_at : attributes.status === 'on_trial' ? attributes.trial_ends_at : null) ??
    attributes.renews_at ??
    attributes.ends_at ??
    attributes.updated_at;
  const periodStartsAt =
    attributes.status === 'on_trial'
      ? attributes.created_at
      : new Date(Math.max(minusInterval(periodEndsAt, plan.interval).getTime(), attributes.created_at.getTime()));
  return {
    id: resource.id,
    customerId: attributes.customer_id,
    status,
    planId: plan.id,
    items: plan.lineItems.map((item) => ({
      lineItemId: item.id,
      type: item.type,
      priceId: prices.priceIdOf(plan.id, item.id) ?? null,
      quantity:
        item.id === line.lineItemId
          ? (attributes.first_subscription_item?.quantity ?? 1)
          : item.type === 'flat'
            ? 1
            : 0,
    })),
    periodStartsAt,
    periodEndsAt,
    cancelAtPeriodEnd: attributes.status === 'cancelled' || (attributes.cancelled && !finishing),
    trialEndsAt: attributes.trial_ends_at,
    canceledAt: attributes.status === 'expired' ? (attributes.ends_at ?? attributes.updated_at) : null,
    updatedAt: attributes.updated_at,
    checkoutReference,
  };
}

/** An order in Keel's terms, or null when its variant is none of the catalogue's. */
export function toProviderOrder(
  prices: ProviderPriceIds,
  resource: LemonSqueezyOrder,
  checkoutReference: string | null,
): ProviderOrder | null {
  const { attributes } = resource;
  const line = prices.byPriceId.get(attributes.first_order_item.variant_id);
  if (!line) return null;
  return {
    id: resource.id,
    customerId: attributes.customer_id,
    planId: line.planId,
    // A partial refund leaves the purchase standing; Keel records a full refund only.
    status: attributes.status === 'partial_refund' ? 'paid' : attributes.status,
    totalAmount: attributes.total,
    currency: attributes.currency.toLowerCase(),
    updatedAt: attributes.updated_at,
    checkoutReference,
  };
}

export function invoiceOfSubscription(resource: LemonSqueezySubscriptionInvoice): ProviderInvoice {
  const { attributes } = resource;
  const status = ({ pending: 'open', paid: 'paid', void: 'void', refunded: 'paid', partial_refund: 'paid' } as const)[
    attributes.status
  ];
  return {
    id: resource.id,
    number: null,
    status,
    totalAmount: attributes.total,
    currency: attributes.currency.toLowerCase(),
    createdAt: attributes.created_at,
    url: attributes.urls?.invoice_url ?? null,
  };
}

export function invoiceOfOrder(resource: LemonSqueezyOrder): ProviderInvoice {
  const { attributes } = resource;
  return {
    id: resource.id,
    number: attributes.identifier ?? (attributes.order_number != null ? String(attributes.order_number) : null),
    status: attributes.status === 'pending' ? 'open' : attributes.status === 'failed' ? 'uncollectible' : 'paid',
    totalAmount: attributes.total,
    currency: attributes.currency.toLowerCase(),
    createdAt: attributes.created_at,
    url: attributes.urls?.receipt ?? null,
  };
}
