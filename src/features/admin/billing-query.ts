import { SUBSCRIPTION_STATUSES, WEBHOOK_OUTCOMES } from '@/features/billing';
import { BILLING_PROVIDERS } from '@/platform/config/constants';
import { defineTableQuery } from '@/platform/data/table-query';

/**
 * What the admin subscriptions list's URL may ask for (/admin/billing/subscriptions): search by organization,
 * filter by status, plan and provider, newest first by default.
 *
 *   /admin/billing/subscriptions?q=acme&status=past_due&provider=stripe&plan=pro-monthly&sort=periodEndsAt
 */
export const adminSubscriptionQuery = defineTableQuery({
  sorts: ['createdAt', 'periodEndsAt'],
  defaultSort: '-createdAt',
  filters: {
    status: { kind: 'enum', values: SUBSCRIPTION_STATUSES },
    provider: { kind: 'enum', values: BILLING_PROVIDERS },
    plan: { kind: 'text' },
  },
  search: true,
  pageSizes: [25, 50, 100],
  defaultPageSize: 25,
  pagination: ['offset'],
});

export type AdminSubscriptionQuery = typeof adminSubscriptionQuery.defaults;

/** A ledger row's state: `failed` (processing threw; waiting for a retry or a redelivery) or its outcome. */
export const WEBHOOK_STATES = ['failed', ...WEBHOOK_OUTCOMES] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

/**
 * What the webhook ledger's URL may ask for (/admin/billing/webhooks): filter by state, provider and event type,
 * newest first.
 *
 *   /admin/billing/webhooks?state=failed&provider=stripe&type=customer.subscription.updated
 */
export const adminWebhookQuery = defineTableQuery({
  sorts: ['receivedAt'],
  defaultSort: '-receivedAt',
  filters: {
    state: { kind: 'enum', values: WEBHOOK_STATES },
    provider: { kind: 'enum', values: BILLING_PROVIDERS },
    type: { kind: 'text' },
  },
  pageSizes: [25, 50, 100],
  defaultPageSize: 25,
  pagination: ['offset'],
});

export type AdminWebhookQuery = typeof adminWebhookQuery.defaults;
