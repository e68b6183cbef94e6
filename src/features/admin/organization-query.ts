import { SUBSCRIPTION_STATUSES } from '@/features/billing';
import { defineTableQuery } from '@/platform/data/table-query';

/** A subscription's status, or `none` for an organization that never had one. */
export const ORGANIZATION_SUBSCRIPTION_STATES = [...SUBSCRIPTION_STATUSES, 'none'] as const;
export type OrganizationSubscriptionState = (typeof ORGANIZATION_SUBSCRIPTION_STATES)[number];

/**
 * What the admin organizations list's URL may ask for (/admin/organizations): search by name or slug, the plan it
 * is on now (a product id of the catalogue: subscription, plan grant or the free one), the status of its latest
 * subscription, newest first by default.
 *
 *   /admin/organizations?q=acme&plan=pro&subscription=past_due&sort=name&page=2
 */
export const adminOrganizationQuery = defineTableQuery({
  sorts: ['createdAt', 'name', 'slug'],
  defaultSort: '-createdAt',
  filters: {
    plan: { kind: 'id' },
    subscription: { kind: 'enum', values: ORGANIZATION_SUBSCRIPTION_STATES },
  },
  search: true,
  pageSizes: [25, 50, 100],
  defaultPageSize: 25,
  pagination: ['offset'],
});

export type AdminOrganizationQuery = typeof adminOrganizationQuery.defaults;
