/**
 * Billing's fixed vocabularies, shared by the tables, the server and the pages (client-safe).
 */

/** A subscription's states, as every provider names them (Stripe's `incomplete_expired` counts as canceled). */
export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'unpaid',
  'paused',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The states in which a subscription gives its plan's limits and entitlements. */
export const ENTITLING_STATUSES: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due'];

export const LINE_ITEM_TYPES = ['flat', 'per_seat', 'metered'] as const;
export type LineItemType = (typeof LINE_ITEM_TYPES)[number];

export const ORDER_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** `subscription` for a recurring plan, `payment` for a one-off. */
export const CHECKOUT_MODES = ['subscription', 'payment'] as const;
export type CheckoutMode = (typeof CHECKOUT_MODES)[number];

export const CHECKOUT_STATUSES = ['open', 'completed', 'expired'] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/**
 * What processing a webhook event did: `applied` changed our records; `stale` was older than what we
 * have; `ignored` is a type we do not handle; `unmatched` names a customer or checkout we never created.
 */
export const WEBHOOK_OUTCOMES = ['applied', 'stale', 'ignored', 'unmatched'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];
