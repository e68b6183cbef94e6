import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  assertWithinLimit,
  getLimit,
  getOrganizationSubscription,
  hasFeature,
  PlanFeatureMissingError,
  PlanLimitReachedError,
  requireFeature,
} from '@/features/billing/server';
import { billingCustomers, billingSubscriptions } from '@/features/billing/server/schema';
import { tasks } from '@/features/tasks/server/schema';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';
import { insertUser, makeOrganization } from '../../support/organizations';

/** What an organization's plan allows, read in its tenant transaction, and limits that hold under concurrency. */

const owner = await insertUser({ name: 'Gina Gate' });

async function subscribe(organizationId: string, status: 'active' | 'canceled') {
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId, provider: 'local', providerCustomerId: `cus_${randomUUID()}` })
    .returning();
  await db.insert(billingSubscriptions).values({
    organizationId,
    customerId: customer!.id,
    provider: 'local',
    providerSubscriptionId: `sub_${randomUUID()}`,
    status,
    productId: 'pro',
    planId: 'pro-monthly',
    currency: 'usd',
    periodStartsAt: new Date(),
    periodEndsAt: new Date(Date.now() + 30 * 86_400_000),
    providerUpdatedAt: new Date(),
  });
}

const planOf = (organizationId: string) =>
  withTenant({ userId: owner.id, organizationId }, (tx) => getOrganizationSubscription(tx, organizationId));

describe('the organization’s plan', () => {
  it('is the free product without a subscription, or after it was canceled', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'canceled');
    const current = await planOf(organization.id);
    expect(current.product.id).toBe('free');
    expect(current.subscription).toBeNull();
    expect(getLimit(current, 'tasks')).toBe(100);
    expect(hasFeature(current, 'priority-support')).toBe(false);
    expect(() => requireFeature(current, 'priority-support')).toThrow(PlanFeatureMissingError);
  });

  it('is the subscribed product while the subscription is active, with its limits and entitlements', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'active');
    const current = await planOf(organization.id);
    expect([current.product.id, current.plan?.id]).toEqual(['pro', 'pro-monthly']);
    expect(getLimit(current, 'tasks')).toBeNull();
    expect(hasFeature(current, 'priority-support')).toBe(true);
    expect(() => requireFeature(current, 'priority-support')).not.toThrow();
  });
});

describe('a limit under concurrency', () => {
  it('lets exactly one of twenty simultaneous creations through at 99 of 100 tasks', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await db
      .insert(tasks)
      .values(Array.from({ length: 99 }, (_, index) => ({ organizationId: organization.id, title: `Task ${index}` })));
    // Every transaction that holds a connection waits here until all of them are inside: otherwise the first
    // could commit before the next connection is even open, and no race would be tried.
    const together = Math.min(20, getServerConfig().databasePoolMax);
    let arrived = 0;
    let release!: () => void;
    const allInside = new Promise<void>((resolve) => (release = resolve));
    const create = (index: number) =>
      withTenant({ userId: owner.id, organizationId: organization.id }, async (tx) => {
        await tx.execute(sql`select 1`);
        if (++arrived >= together) release();
        await allInside;
        await assertWithinLimit(tx, organization.id, 'tasks', () => tx.$count(tasks));
        await tx.insert(tasks).values({ organizationId: organization.id, title: `Concurrent ${index}` });
      });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => create(index)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(refusals.every((reason) => reason instanceof PlanLimitReachedError && reason.max === 100)).toBe(true);
    expect(await db.$count(tasks, eq(tasks.organizationId, organization.id))).toBe(100);
    expect(
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from tasks where organization_id = ${organization.id}`,
        )
      ).rows[0]!.n,
    ).toBe(100);
  });
});
