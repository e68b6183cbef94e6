import 'server-only';
import type { BillingProvider } from '@/platform/config/constants';
import type { CheckoutMode, LineItemType, OrderStatus, SubscriptionStatus } from '../billing-fields';

/**
 * What every payment provider offers Keel (docs/billing/webhooks.md, docs/billing/adding-a-provider.md):
 * one implementation per provider — the local gateway, Stripe, Lemon Squeezy (`providers.ts` picks).
 * Identifiers are the provider's. Nothing here trusts the browser: the organization travels only in
 * records the server created.
 */
export interface BillingGateway {
  readonly provider: BillingProvider;

  /**
   * Present for a provider whose checkout lets the buyer choose the customer (Lemon Squeezy: whoever's email
   * is typed there), so an event may name a customer Keel never created. Keel then applies a subscription or
   * order it does not hold yet only through the reference of a checkout it created for that organization and
   * plan, at most `checkoutLifetimeMs` (how long the provider's checkout link can pay) plus some slack ago
   * (docs/billing/adding-a-provider.md, decision 0046). Absent: an unknown customer is never applied.
   */
  readonly customerChosenByBuyer?: { checkoutLifetimeMs: number };

  /** The organization as the provider's customer; `idempotencyKey` makes a retried call create one. */
  createCustomer(input: {
    organizationId: string;
    name: string;
    email: string | null;
    idempotencyKey: string;
  }): Promise<{ customerId: string }>;

  /** A hosted checkout for a subscription or a one-off purchase. */
  createCheckout(input: {
    customerId: string;
    mode: CheckoutMode;
    planId: string;
    /** For a per-seat plan. */
    seats: number;
    /** The trial Keel decided (0: none, a repeat customer); the provider uses it, not the plan's own. */
    trialDays: number;
    /**
     * Keel's id of this checkout (its billing_checkouts row). A provider whose events do not name the
     * checkout carries it in the checkout's server-set custom data, and hands it back as `checkoutReference`.
     */
    reference: string;
    successUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ checkoutId: string; url: string }>;

  /** Closes an open checkout so that its link can no longer pay (one already completed stays so). */
  expireCheckout(input: { checkoutId: string }): Promise<void>;

  /** Where the customer manages payment methods and invoices. */
  createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;

  /** Moves to another plan, prorated where the provider can. */
  changePlan(input: { subscriptionId: string; planId: string }): Promise<void>;

  /** Cancels at the end of the period already paid (`cancel: false` resumes). */
  setCancelAtPeriodEnd(input: { subscriptionId: string; cancel: boolean }): Promise<void>;

  /** Ends the subscription now, with no further charge (the organization is being deleted). */
  cancelNow(input: { subscriptionId: string }): Promise<void>;

  updateSeats(input: { subscriptionId: string; seats: number }): Promise<void>;

  /** The customer's invoices and receipts, newest first (the billing page lists them). */
  listInvoices(input: { customerId: string; limit: number }): Promise<ProviderInvoice[]>;

  reportUsage(input: {
    subscriptionId: string;
    lineItemId: string;
    quantity: number;
    idempotencyKey: string;
  }): Promise<void>;

  /** The subscription as the provider has it now (reconciliation), or null if it does not know it. */
  retrieveSubscription(subscriptionId: string): Promise<ProviderSubscription | null>;

  /** Every subscription of a customer (reconciliation finds the ones whose events never arrived). */
  listSubscriptions(input: { customerId: string }): Promise<ProviderSubscription[]>;

  /**
   * Checks a webhook's signature over the raw body and turns it into events. Throws
   * WebhookRejectedError for a bad or stale signature or a body that is not the provider's.
   */
  verifyWebhook(rawBody: string, headers: Headers): Promise<BillingEvent[]>;
}

/** A subscription as a provider describes it, in Keel's terms. */
export interface ProviderSubscription {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  /**
   * Keel's plan; null when the provider's prices are not in the catalogue (a rotated price, a portal switch
   * outside it): Keel then applies the status, period and cancel fields to a subscription it already holds,
   * keeping its stored plan and line items, and leaves one it does not hold unmatched (decision 0045).
   */
  planId: string | null;
  /** The items Keel can map (all of them when `planId` is set). */
  items: { lineItemId: string; type: LineItemType; priceId: string | null; quantity: number }[];
  periodStartsAt: Date;
  periodEndsAt: Date;
  cancelAtPeriodEnd: boolean;
  trialEndsAt: Date | null;
  canceledAt: Date | null;
  /** The provider's time of this state: older states never overwrite newer ones. */
  updatedAt: Date;
  /** The `reference` of the checkout that created it, when the provider hands it back (see createCheckout). */
  checkoutReference?: string | null;
}

export interface ProviderOrder {
  id: string;
  customerId: string;
  planId: string;
  status: OrderStatus;
  totalAmount: number;
  currency: string;
  updatedAt: Date;
  /** The `reference` of the checkout that created it, when the provider hands it back (see createCheckout). */
  checkoutReference?: string | null;
}

/** An invoice or receipt as a provider describes it. */
export interface ProviderInvoice {
  id: string;
  /** The number the customer sees, e.g. "KEEL-0001"; null while a draft. */
  number: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  /** In the currency's minor unit. */
  totalAmount: number;
  currency: string;
  createdAt: Date;
  /** The provider's hosted page or PDF, when it has one. */
  url: string | null;
}

interface EventBase {
  /** The provider's event id: the webhook ledger's key. */
  id: string;
  /** The provider's own name for the event. */
  type: string;
  occurredAt: Date;
}

/** A provider's event, normalised. */
export type BillingEvent =
  | (EventBase & { kind: 'checkout.completed'; checkoutId: string; customerId: string })
  /** A checkout closed unpaid at the provider (abandoned past its expiry): Keel's row is expired. */
  | (EventBase & { kind: 'checkout.expired'; checkoutId: string })
  | (EventBase & { kind: 'subscription'; subscription: ProviderSubscription })
  | (EventBase & { kind: 'order'; order: ProviderOrder })
  /** A type Keel does not handle: acknowledged and logged. */
  | (EventBase & { kind: 'unknown' });

/** A webhook that must not be processed: answered 400, nothing written. */
export class WebhookRejectedError extends Error {
  constructor(readonly reason: 'missing-signature' | 'bad-signature' | 'stale-timestamp' | 'malformed-body') {
    super(`webhook rejected: ${reason}`);
    this.name = 'WebhookRejectedError';
  }
}
