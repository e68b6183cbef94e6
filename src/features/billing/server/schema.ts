import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '@/features/auth/server/schema';
import { organizations } from '@/features/organizations/server/schema';
import { BILLING_PROVIDERS } from '@/platform/config/constants';
import {
  CHECKOUT_MODES,
  CHECKOUT_STATUSES,
  LINE_ITEM_TYPES,
  ORDER_STATUSES,
  SUBSCRIPTION_STATUSES,
  WEBHOOK_OUTCOMES,
} from '../billing-fields';

/**
 * Billing belongs to the organization (docs/billing/data-model.md). The organization-scoped tables
 * are under row-level security (drizzle/0013_billing.sql): members read their organization's
 * rows through the tenant role, which may write nothing but usage records. Everything else is
 * written by the server on the app's own connection — at checkout, and when a provider's signed
 * webhook is processed — never from what a browser sent.
 */

export const billingProvider = pgEnum('billing_provider', BILLING_PROVIDERS);
export const subscriptionStatus = pgEnum('billing_subscription_status', SUBSCRIPTION_STATUSES);
export const lineItemType = pgEnum('billing_line_item_type', LINE_ITEM_TYPES);
export const orderStatus = pgEnum('billing_order_status', ORDER_STATUSES);
export const checkoutMode = pgEnum('billing_checkout_mode', CHECKOUT_MODES);
export const checkoutStatus = pgEnum('billing_checkout_status', CHECKOUT_STATUSES);
export const webhookOutcome = pgEnum('billing_webhook_outcome', WEBHOOK_OUTCOMES);

const providerId = (name: string) => text(name).notNull();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** The organization as a provider's customer: created by the server before its first checkout there. */
export const billingCustomers = pgTable(
  'billing_customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    provider: billingProvider('provider').notNull(),
    providerCustomerId: providerId('provider_customer_id'),
    createdAt: createdAt(),
  },
  (table) => [
    unique('billing_customers_provider_customer_key').on(table.provider, table.providerCustomerId),
    unique('billing_customers_organization_provider_key').on(table.organizationId, table.provider),
    // The target of the (customer, organization) references below: a subscription's customer is its organization's.
    unique('billing_customers_id_organization_key').on(table.id, table.organizationId),
    check('billing_customers_provider_id_length', sql`char_length(${table.providerCustomerId}) between 1 and 255`),
  ],
);

/**
 * A checkout the server started: the record that ties the provider's session to the organization
 * and the person who asked. A webhook's organization is found from here (or the customer), never
 * from metadata a browser could have written.
 */
export const billingCheckouts = pgTable(
  'billing_checkouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
    provider: billingProvider('provider').notNull(),
    providerCheckoutId: providerId('provider_checkout_id'),
    mode: checkoutMode('mode').notNull(),
    planId: text('plan_id').notNull(),
    seats: integer('seats'),
    status: checkoutStatus('status').notNull().default('open'),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('billing_checkouts_provider_checkout_key').on(table.provider, table.providerCheckoutId),
    foreignKey({
      name: 'billing_checkouts_customer_fk',
      columns: [table.customerId, table.organizationId],
      foreignColumns: [billingCustomers.id, billingCustomers.organizationId],
    }).onDelete('cascade'),
    index('billing_checkouts_organization_idx').on(table.organizationId, table.createdAt),
    check('billing_checkouts_seats_positive', sql`${table.seats} is null or ${table.seats} > 0`),
  ],
);

/**
 * A subscription as the provider last told us. `providerUpdatedAt` is the provider's own time of the
 * change applied last: an event older than it changes nothing (deliveries arrive out of order).
 */
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
    provider: billingProvider('provider').notNull(),
    providerSubscriptionId: providerId('provider_subscription_id'),
    status: subscriptionStatus('status').notNull(),
    /** A plan id of appConfig.billing (its product follows). */
    productId: text('product_id').notNull(),
    planId: text('plan_id').notNull(),
    currency: text('currency').notNull(),
    periodStartsAt: timestamp('period_starts_at', { withTimezone: true }).notNull(),
    periodEndsAt: timestamp('period_ends_at', { withTimezone: true }).notNull(),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    providerUpdatedAt: timestamp('provider_updated_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('billing_subscriptions_provider_subscription_key').on(table.provider, table.providerSubscriptionId),
    unique('billing_subscriptions_id_organization_key').on(table.id, table.organizationId),
    foreignKey({
      name: 'billing_subscriptions_customer_fk',
      columns: [table.customerId, table.organizationId],
      foreignColumns: [billingCustomers.id, billingCustomers.organizationId],
    }).onDelete('cascade'),
    index('billing_subscriptions_organization_idx').on(table.organizationId, table.status),
    check('billing_subscriptions_period_order', sql`${table.periodEndsAt} >= ${table.periodStartsAt}`),
    check('billing_subscriptions_currency_code', sql`${table.currency} ~ '^[a-z]{3}$'`),
  ],
);

/** What a subscription charges, one row per line item of its plan, with its quantity (seats). */
export const billingSubscriptionItems = pgTable(
  'billing_subscription_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    /** The line item's id in the plan (appConfig.billing). */
    lineItemId: text('line_item_id').notNull(),
    type: lineItemType('type').notNull(),
    providerPriceId: text('provider_price_id'),
    /** Seats for per_seat, 1 for flat; metered usage is in billing_usage_records. */
    quantity: integer('quantity').notNull(),
  },
  (table) => [
    unique('billing_subscription_items_line_item_key').on(table.subscriptionId, table.lineItemId),
    foreignKey({
      name: 'billing_subscription_items_subscription_fk',
      columns: [table.subscriptionId, table.organizationId],
      foreignColumns: [billingSubscriptions.id, billingSubscriptions.organizationId],
    }).onDelete('cascade'),
    index('billing_subscription_items_organization_idx').on(table.organizationId),
    check('billing_subscription_items_quantity', sql`${table.quantity} >= 0`),
  ],
);

/** A one-off purchase (an add-on). */
export const billingOrders = pgTable(
  'billing_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    provider: billingProvider('provider').notNull(),
    providerOrderId: providerId('provider_order_id'),
    productId: text('product_id').notNull(),
    planId: text('plan_id').notNull(),
    status: orderStatus('status').notNull(),
    currency: text('currency').notNull(),
    /** In the currency's minor unit. */
    totalAmount: integer('total_amount').notNull(),
    providerUpdatedAt: timestamp('provider_updated_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('billing_orders_provider_order_key').on(table.provider, table.providerOrderId),
    foreignKey({
      name: 'billing_orders_customer_fk',
      columns: [table.customerId, table.organizationId],
      foreignColumns: [billingCustomers.id, billingCustomers.organizationId],
    }).onDelete('cascade'),
    index('billing_orders_organization_idx').on(table.organizationId, table.createdAt),
    check('billing_orders_total_amount', sql`${table.totalAmount} >= 0`),
    check('billing_orders_currency_code', sql`${table.currency} ~ '^[a-z]{3}$'`),
  ],
);

/**
 * A product (plan) a super admin gave an organization by hand until a time (a partner, a support gesture, a longer
 * trial; decision 0065). Gating reads it when no subscription entitles the organization; it ends on its own at
 * `endsAt`.
 * Written only by the admin area on the app's own connection; never changed afterwards (a new grant extends).
 */
export const billingPlanGrants = pgTable(
  'billing_plan_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** A product id of appConfig.billing: its limits and entitlements are what the grant gives. */
    productId: text('product_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Why (required): for the operators and the organization's audit log. */
    reason: text('reason').notNull(),
    grantedById: text('granted_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('billing_plan_grants_organization_idx').on(table.organizationId, table.endsAt),
    check('billing_plan_grants_period_order', sql`${table.endsAt} > ${table.startsAt}`),
    check('billing_plan_grants_reason_length', sql`char_length(${table.reason}) between 10 and 500`),
  ],
);

/**
 * Units of a metered line item the app recorded (e.g. a task created), reported to the provider
 * later by a job. `idempotencyKey` makes recording the same thing twice record it once.
 */
export const billingUsageRecords = pgTable(
  'billing_usage_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id').notNull(),
    lineItemId: text('line_item_id').notNull(),
    quantity: integer('quantity').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the provider accepted it; null until then. */
    reportedAt: timestamp('reported_at', { withTimezone: true }),
  },
  (table) => [
    unique('billing_usage_records_idempotency_key').on(table.organizationId, table.idempotencyKey),
    foreignKey({
      name: 'billing_usage_records_subscription_fk',
      columns: [table.subscriptionId, table.organizationId],
      foreignColumns: [billingSubscriptions.id, billingSubscriptions.organizationId],
    }).onDelete('cascade'),
    index('billing_usage_records_unreported_idx')
      .on(table.recordedAt)
      .where(sql`${table.reportedAt} is null`),
    check('billing_usage_records_quantity', sql`${table.quantity} > 0`),
  ],
);

/**
 * Every webhook event processed, one row per provider event id: written in the same transaction as
 * its effect, so a redelivery (or ten at once) finds the row and changes nothing.
 */
export const billingWebhookEvents = pgTable(
  'billing_webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: billingProvider('provider').notNull(),
    providerEventId: providerId('provider_event_id'),
    type: text('type').notNull(),
    /** The organization it concerned, when one was found. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** The provider's time of the event. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null while unprocessed: its processing failed (see `error`) and it waits for a retry or a redelivery. */
    processedAt: timestamp('processed_at', { withTimezone: true }),
    outcome: webhookOutcome('outcome'),
    /** The event as Keel normalised it (a BillingEvent), so an operator can redeliver it (docs/admin/). */
    payload: jsonb('payload'),
    /** Why its last processing failed; cleared when it is processed. */
    error: text('error'),
  },
  (table) => [
    uniqueIndex('billing_webhook_events_provider_event_key').on(table.provider, table.providerEventId),
    index('billing_webhook_events_received_idx').on(table.receivedAt),
    // The ledger's "failed first" and the overview's count read only these few rows.
    index('billing_webhook_events_unprocessed_idx')
      .on(table.receivedAt)
      .where(sql`${table.processedAt} is null`),
  ],
);

/*
 * The local gateway's own records: what a payment provider keeps on its side. Keel's tables above
 * learn about them only through signed webhooks, as they would from Stripe (decision 0034).
 */

export const localGatewayCheckouts = pgTable('local_gateway_checkouts', {
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  mode: checkoutMode('mode').notNull(),
  planId: text('plan_id').notNull(),
  seats: integer('seats').notNull().default(1),
  status: checkoutStatus('status').notNull().default('open'),
  successUrl: text('success_url').notNull(),
  cancelUrl: text('cancel_url').notNull(),
  /** The subscription or order the completed checkout created. */
  resultId: text('result_id'),
  /** The trial Keel decided for this checkout (a repeat customer gets none), not the plan's. */
  trialDays: integer('trial_days').notNull().default(0),
  /** Past it the checkout cannot be paid, like a provider's session (24 hours). */
  expiresAt: timestamp('expires_at', { withTimezone: true })
    .notNull()
    .default(sql`now() + interval '24 hours'`),
  createdAt: createdAt(),
});

export const localGatewaySubscriptions = pgTable(
  'local_gateway_subscriptions',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    planId: text('plan_id').notNull(),
    status: subscriptionStatus('status').notNull(),
    seats: integer('seats').notNull(),
    periodStartsAt: timestamp('period_starts_at', { withTimezone: true }).notNull(),
    periodEndsAt: timestamp('period_ends_at', { withTimezone: true }).notNull(),
    trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    updatedAt: updatedAt(),
    createdAt: createdAt(),
  },
  (table) => [index('local_gateway_subscriptions_customer_idx').on(table.customerId)],
);

export const localGatewayOrders = pgTable('local_gateway_orders', {
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  planId: text('plan_id').notNull(),
  status: orderStatus('status').notNull(),
  totalAmount: integer('total_amount').notNull(),
  currency: text('currency').notNull(),
  updatedAt: updatedAt(),
  createdAt: createdAt(),
});

/** The test cards of the local gateway: what the customer's next charge does. */
export const localTestCard = pgEnum('local_gateway_test_card', ['succeeds', 'declined']);
export const localInvoiceStatus = pgEnum('local_gateway_invoice_status', [
  'draft',
  'open',
  'paid',
  'void',
  'uncollectible',
]);

/** Invoice numbers: never reused, even when an invoice's transaction rolls back. */
export const localInvoiceNumber = pgSequence('local_gateway_invoice_number');

/** A customer at the local gateway, with the test card its next charge uses (null: none on file yet). */
export const localGatewayCustomers = pgTable('local_gateway_customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  paymentMethod: localTestCard('payment_method'),
  /** What the portal shows, e.g. "Visa •••• 4242". */
  cardLabel: text('card_label'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A charge the local gateway made (or tried): one per paid checkout and per renewal or trial end. */
export const localGatewayInvoices = pgTable(
  'local_gateway_invoices',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    /** The subscription it bills, or the order it receipts. */
    subscriptionId: text('subscription_id'),
    orderId: text('order_id'),
    /** The number the customer sees, LOCAL-000123, from a sequence (unique, never reused). */
    number: text('number')
      .notNull()
      .unique('local_gateway_invoices_number_key')
      .default(sql`('LOCAL-' || lpad(nextval('local_gateway_invoice_number')::text, 6, '0'))`),
    status: localInvoiceStatus('status').notNull(),
    totalAmount: integer('total_amount').notNull(),
    currency: text('currency').notNull(),
    periodStartsAt: timestamp('period_starts_at', { withTimezone: true }),
    periodEndsAt: timestamp('period_ends_at', { withTimezone: true }),
    /** Failed charges of an open invoice (the clock cancels after LOCAL_MAX_FAILED_CHARGES). */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('local_gateway_invoices_customer_idx').on(table.customerId, table.createdAt),
    index('local_gateway_invoices_subscription_idx').on(table.subscriptionId, table.status),
  ],
);

/** A portal link: an unguessable id that opens one customer's portal for an hour (like Stripe's). */
export const localGatewayPortalSessions = pgTable('local_gateway_portal_sessions', {
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  returnUrl: text('return_url').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** Events the local gateway sends, kept so a delivery job can retry the same signed body. */
export const localGatewayEvents = pgTable('local_gateway_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: createdAt(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
});

export type BillingPlanGrantRow = typeof billingPlanGrants.$inferSelect;
export type BillingSubscriptionRow = typeof billingSubscriptions.$inferSelect;
export type BillingWebhookEventRow = typeof billingWebhookEvents.$inferSelect;
