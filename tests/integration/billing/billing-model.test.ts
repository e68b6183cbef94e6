import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  billingCustomers,
  billingSubscriptionItems,
  billingSubscriptions,
  billingUsageRecords,
  billingWebhookEvents,
} from '@/features/billing/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';
import { insertUser, makeOrganization } from '../../support/organizations';

/**
 * The billing tables at the database: members read their organization's billing and nothing else;
 * the tenant role writes nothing but usage; the constraints refuse what the code would.
 */

const alice = await insertUser({ name: 'Alice' });
const bob = await insertUser({ name: 'Bob' });
const acme = await makeOrganization([[alice, 'member']]);
const globex = await makeOrganization([[bob, 'owner']]);

async function subscribe(organizationId: string) {
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId, provider: 'local', providerCustomerId: `cus_${randomUUID()}` })
    .returning();
  const [subscription] = await db
    .insert(billingSubscriptions)
    .values({
      organizationId,
      customerId: customer!.id,
      provider: 'local',
      providerSubscriptionId: `sub_${randomUUID()}`,
      status: 'active',
      productId: 'pro',
      planId: 'pro-monthly',
      currency: 'usd',
      periodStartsAt: new Date('2026-12-01T00:00:00Z'),
      periodEndsAt: new Date('2027-01-01T00:00:00Z'),
      providerUpdatedAt: new Date('2026-12-01T00:00:00Z'),
    })
    .returning();
  await db
    .insert(billingSubscriptionItems)
    .values({ organizationId, subscriptionId: subscription!.id, lineItemId: 'seats', type: 'per_seat', quantity: 3 });
  return { customer: customer!, subscription: subscription! };
}

const acmeBilling = await subscribe(acme.id);
const globexBilling = await subscribe(globex.id);
const asAlice = <T>(work: Parameters<typeof withTenant<T>>[1]) =>
  withTenant({ userId: alice.id, organizationId: acme.id }, work);

describe('billing under row-level security', () => {
  it('shows a member their organization’s subscription and items only, with no where clause', async () => {
    const seen = await asAlice((tx) =>
      tx.select({ organizationId: billingSubscriptions.organizationId }).from(billingSubscriptions),
    );
    expect(seen).toEqual([{ organizationId: acme.id }]);
    const items = await asAlice((tx) =>
      tx.select({ quantity: billingSubscriptionItems.quantity }).from(billingSubscriptionItems),
    );
    expect(items).toEqual([{ quantity: 3 }]);
    expect((await db.select().from(billingSubscriptions)).length).toBe(2);
  });

  it('lets the tenant role change no billing state, not even its own organization’s', async () => {
    const raise = asAlice((tx) => tx.update(billingSubscriptionItems).set({ quantity: 99 }));
    await expect(raise).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    const resurrect = asAlice((tx) =>
      tx.update(billingSubscriptions).set({ status: 'active', productId: 'enterprise' }),
    );
    await expect(resurrect).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    const ledger = asAlice((tx) => tx.select().from(billingWebhookEvents));
    await expect(ledger).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
  });

  it('records usage for its own organization only', async () => {
    const key = randomUUID();
    await asAlice((tx) =>
      tx.insert(billingUsageRecords).values({
        organizationId: acme.id,
        subscriptionId: acmeBilling.subscription.id,
        lineItemId: 'tasks',
        quantity: 1,
        idempotencyKey: key,
      }),
    );
    const planted = asAlice((tx) =>
      tx.insert(billingUsageRecords).values({
        organizationId: globex.id,
        subscriptionId: globexBilling.subscription.id,
        lineItemId: 'tasks',
        quantity: 1,
        idempotencyKey: key,
      }),
    );
    await expect(planted).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    // The same key twice is one record.
    const again = db.insert(billingUsageRecords).values({
      organizationId: acme.id,
      subscriptionId: acmeBilling.subscription.id,
      lineItemId: 'tasks',
      quantity: 1,
      idempotencyKey: key,
    });
    await expect(again).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_usage_records_idempotency_key' }),
    });
  });
});

describe('billing constraints', () => {
  it('keep a subscription’s customer and items in its own organization', async () => {
    const crossed = db.insert(billingSubscriptionItems).values({
      organizationId: globex.id,
      subscriptionId: acmeBilling.subscription.id,
      lineItemId: 'extra',
      type: 'flat',
      quantity: 1,
    });
    await expect(crossed).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_subscription_items_subscription_fk' }),
    });
    const borrowed = db
      .update(billingSubscriptions)
      .set({ customerId: globexBilling.customer.id })
      .where(eq(billingSubscriptions.id, acmeBilling.subscription.id));
    await expect(borrowed).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_subscriptions_customer_fk' }),
    });
  });

  it('give an organization one customer per provider, and a provider event one ledger row', async () => {
    const second = db
      .insert(billingCustomers)
      .values({ organizationId: acme.id, provider: 'local', providerCustomerId: 'cus_other' });
    await expect(second).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_customers_organization_provider_key' }),
    });
    const event = { provider: 'local' as const, providerEventId: 'evt_1', type: 'x', occurredAt: new Date() };
    await db.insert(billingWebhookEvents).values(event);
    await expect(db.insert(billingWebhookEvents).values(event)).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_webhook_events_provider_event_key' }),
    });
    // The same id from another provider is another event.
    await db.insert(billingWebhookEvents).values({ ...event, provider: 'stripe' });
  });

  it('refuse negative quantities and periods that end before they start', async () => {
    const negative = db
      .update(billingSubscriptionItems)
      .set({ quantity: -1 })
      .where(eq(billingSubscriptionItems.subscriptionId, acmeBilling.subscription.id));
    await expect(negative).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_subscription_items_quantity' }),
    });
    const backwards = db.execute(
      sql`update billing_subscriptions set period_ends_at = period_starts_at - interval '1 day' where id = ${acmeBilling.subscription.id}`,
    );
    await expect(backwards).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'billing_subscriptions_period_order' }),
    });
  });
});

describe('the billing permission', () => {
  it('belongs to owners and admins, not to members', () => {
    const holders = appConfig.organizations.roles
      .filter((role) => role.permissions.includes('billing.manage'))
      .map((role) => role.name);
    expect(holders).toEqual(['owner', 'admin']);
  });
});
