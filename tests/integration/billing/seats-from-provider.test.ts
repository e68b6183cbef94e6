import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBillingEvent, findPlan, syncSeats } from '@/features/billing/server';
import { billingCustomers, localGatewaySubscriptions } from '@/features/billing/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { insertUser, makeOrganization } from '../../support/organizations';

/**
 * Seats lowered at the provider (the local portal, a provider's dashboard) below the organization's
 * members: in raise-quantity the webhook that reports it queues the seat sync, which raises them again.
 */

const hex = () => randomBytes(6).toString('hex');
afterEach(() => {
  appConfig.billing.seatsBeyondPaid = 'raise-quantity';
});

/** Three members, subscribed to pro-monthly at the local gateway with three seats. */
async function teamOfThree() {
  const [owner, admin, member] = await Promise.all([insertUser(), insertUser(), insertUser()]);
  const organization = await makeOrganization([
    [owner, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
  ]);
  const customerId = `cus_local_${hex()}`;
  const subscriptionId = `sub_local_${hex()}`;
  await db
    .insert(billingCustomers)
    .values({ organizationId: organization.id, provider: 'local', providerCustomerId: customerId });
  const periodStartsAt = new Date();
  const periodEndsAt = new Date(Date.now() + 30 * 86_400_000);
  await db.insert(localGatewaySubscriptions).values({
    id: subscriptionId,
    customerId,
    planId: 'pro-monthly',
    status: 'active',
    seats: 3,
    periodStartsAt,
    periodEndsAt,
  });
  /** The provider's event: the subscription now has `seats` seats (and the gateway agrees). */
  const seatsChangedTo = async (seats: number) => {
    await db.update(localGatewaySubscriptions).set({ seats }).where(eq(localGatewaySubscriptions.id, subscriptionId));
    const { plan } = findPlan('pro-monthly')!;
    return applyBillingEvent('local', {
      kind: 'subscription',
      id: `evt_${hex()}`,
      type: 'subscription.updated',
      occurredAt: new Date(),
      subscription: {
        id: subscriptionId,
        customerId,
        status: 'active',
        planId: plan.id,
        items: plan.lineItems.map((item) => ({
          lineItemId: item.id,
          type: item.type,
          priceId: null,
          quantity: item.type === 'per_seat' ? seats : 1,
        })),
        periodStartsAt,
        periodEndsAt,
        cancelAtPeriodEnd: false,
        trialEndsAt: null,
        canceledAt: null,
        updatedAt: new Date(),
      },
    });
  };
  return { organization, subscriptionId, seatsChangedTo };
}

const queuedSync = async (organizationId: string) =>
  (
    await db.execute<{ count: number }>(
      sql`select count(*)::int as count from graphile_worker.jobs where key = ${`billing.sync-seats:${organizationId}`}`,
    )
  ).rows[0]!.count;

const gatewaySeats = async (subscriptionId: string) =>
  (await db.select().from(localGatewaySubscriptions).where(eq(localGatewaySubscriptions.id, subscriptionId)))[0]!.seats;

describe('seats lowered at the provider below the members', () => {
  it('are raised again (raise-quantity): the webhook queues the seat sync in its transaction', async () => {
    const { organization, subscriptionId, seatsChangedTo } = await teamOfThree();
    expect(await seatsChangedTo(3)).toBe('applied');
    expect(await queuedSync(organization.id)).toBe(0); // enough seats: nothing to do
    expect(await seatsChangedTo(1)).toBe('applied');
    expect(await queuedSync(organization.id)).toBe(1);
    await syncSeats.run({ organizationId: organization.id }, { attempt: 1, maxAttempts: 10, jobId: 'test', logger });
    expect(await gatewaySeats(subscriptionId)).toBe(3);
  });

  it('stay lowered in refuse mode (the members stay; nobody new joins until seats are bought)', async () => {
    appConfig.billing.seatsBeyondPaid = 'refuse';
    const { organization, subscriptionId, seatsChangedTo } = await teamOfThree();
    expect(await seatsChangedTo(1)).toBe('applied');
    expect(await queuedSync(organization.id)).toBe(0);
    expect(await gatewaySeats(subscriptionId)).toBe(1);
  });
});
