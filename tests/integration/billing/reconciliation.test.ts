import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import {
  billingJobs,
  completeLocalCheckout,
  localGateway,
  reconcileSubscriptions,
  signLocalPayload,
  startCheckout,
} from '@/features/billing/server';
import {
  billingSubscriptionItems,
  billingSubscriptions,
  billingWebhookEvents,
  localGatewayCheckouts,
  localGatewayEvents,
  localGatewaySubscriptions,
} from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { startJobRunner } from '@/platform/jobs/runner';
import { insertUser, makeOrganization } from '../../support/organizations';

/**
 * Reconciliation against the local gateway's own records: drift left by a missed event, by a failed
 * delivery overtaken by an older one, and by a subscription the provider no longer knows is repaired
 * through the webhook path, once. No job runner here: the gateway's deliveries are made by hand, so
 * the test decides which events Keel hears.
 */

const ORIGIN = 'http://localhost:3000';

async function deliver(eventId: string) {
  const [event] = await db.select().from(localGatewayEvents).where(eq(localGatewayEvents.id, eventId));
  const body = JSON.stringify(event!.payload);
  const response = await POST(
    new Request(`${ORIGIN}/api/billing/webhooks/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'keel-signature': signLocalPayload(body) },
      body,
    }),
    { params: Promise.resolve({ provider: 'local' }) },
  );
  return response.status;
}

/** The local gateway's events about this subscription or customer, oldest first (their ids). */
async function eventsAbout(...ids: string[]) {
  const rows = await db.select().from(localGatewayEvents).orderBy(asc(localGatewayEvents.createdAt));
  return rows
    .filter((row) => {
      const object = (row.payload as { data: { object: { id: string; customer?: string } } }).data.object;
      return ids.includes(object.id) || ids.includes(object.customer ?? '');
    })
    .map((row) => row.id);
}

/** An organization whose paid checkout Keel has heard about in full: a trialing subscription in sync. */
async function subscribed() {
  const owner = await insertUser();
  const organization = await makeOrganization([[owner, 'owner']]);
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId: 'pro-monthly',
    seats: 2,
    successUrl: `${ORIGIN}/done`,
    cancelUrl: `${ORIGIN}/cancel`,
  });
  if (!started.ok) throw new Error(started.reason);
  await completeLocalCheckout(started.checkoutId, 'succeeds');
  const [checkout] = await db
    .select()
    .from(localGatewayCheckouts)
    .where(eq(localGatewayCheckouts.id, started.checkoutId));
  const subscriptionId = checkout!.resultId!;
  for (const id of await eventsAbout(subscriptionId, checkout!.customerId)) expect(await deliver(id)).toBe(200);
  return { organization, subscriptionId };
}

async function keelState(subscriptionId: string) {
  const [row] = await db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.providerSubscriptionId, subscriptionId));
  const items = await db
    .select({ quantity: billingSubscriptionItems.quantity })
    .from(billingSubscriptionItems)
    .where(eq(billingSubscriptionItems.subscriptionId, row!.id));
  return { status: row!.status, cancelAtPeriodEnd: row!.cancelAtPeriodEnd, seats: items.map((item) => item.quantity) };
}

const repairsOf = (subscriptionId: string) =>
  db
    .select({ type: billingWebhookEvents.type, outcome: billingWebhookEvents.outcome })
    .from(billingWebhookEvents)
    .where(sql`${billingWebhookEvents.providerEventId} like ${`reconcile:${subscriptionId}:%`}`);

describe('billing reconciliation', () => {
  it('leaves subscriptions in sync alone', async () => {
    const { subscriptionId } = await subscribed();
    await reconcileSubscriptions();
    expect(await repairsOf(subscriptionId)).toEqual([]);
  });

  it('repairs the drift a missed event left, once however often it runs', async () => {
    const { subscriptionId } = await subscribed();
    await localGateway.setCancelAtPeriodEnd({ subscriptionId, cancel: true });
    // That event is never delivered: Keel still thinks the subscription renews.
    expect(await keelState(subscriptionId)).toEqual({ status: 'trialing', cancelAtPeriodEnd: false, seats: [2] });

    const first = await reconcileSubscriptions();
    expect(first.repaired).toBeGreaterThanOrEqual(1);
    expect(await keelState(subscriptionId)).toEqual({ status: 'trialing', cancelAtPeriodEnd: true, seats: [2] });
    const [second, third] = await Promise.all([reconcileSubscriptions(), reconcileSubscriptions()]);
    expect(second.repaired + third.repaired).toBe(0);
    expect(await repairsOf(subscriptionId)).toEqual([{ type: 'reconciliation.drift', outcome: 'applied' }]);
  });

  it('repairs the drift of a failed delivery overtaken by an older event, and the late redelivery changes nothing', async () => {
    const { subscriptionId } = await subscribed();
    await localGateway.updateSeats({ subscriptionId, seats: 5 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await localGateway.changePlan({ subscriptionId, planId: 'pro-yearly' });
    const [older, newer] = (await eventsAbout(subscriptionId)).slice(-2);
    expect(older && newer).toBeTruthy();
    // The newer event meets a database that is down (a 5xx); the older one then arrives and is applied.
    const holder = globalThis as unknown as { keelPool?: pg.Pool };
    const working = holder.keelPool;
    holder.keelPool = new pg.Pool({
      connectionString: 'postgres://nobody:x@127.0.0.1:1/none',
      connectionTimeoutMillis: 300,
    });
    try {
      expect(await deliver(newer!).catch(() => 500)).toBeGreaterThanOrEqual(500);
    } finally {
      await holder.keelPool.end().catch(() => undefined);
      holder.keelPool = working;
    }
    expect(await deliver(older!)).toBe(200);
    const [drifted] = await db
      .select({ planId: billingSubscriptions.planId })
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.providerSubscriptionId, subscriptionId));
    expect(drifted!.planId).toBe('pro-monthly');

    await reconcileSubscriptions();
    const [repaired] = await db
      .select({ planId: billingSubscriptions.planId })
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.providerSubscriptionId, subscriptionId));
    expect(repaired!.planId).toBe('pro-yearly');
    expect((await keelState(subscriptionId)).seats).toEqual([5]);
    expect(await deliver(newer!)).toBe(200);
    expect(await deliver(older!)).toBe(200);
    const [after] = await db
      .select({ planId: billingSubscriptions.planId })
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.providerSubscriptionId, subscriptionId));
    expect(after!.planId).toBe('pro-yearly');
    expect(await repairsOf(subscriptionId)).toHaveLength(1);
  });

  it('marks canceled a subscription the provider no longer knows, and tells its billing managers', async () => {
    const { organization, subscriptionId } = await subscribed();
    await db.delete(localGatewaySubscriptions).where(eq(localGatewaySubscriptions.id, subscriptionId));
    const report = await reconcileSubscriptions();
    expect(report.missing).toBeGreaterThanOrEqual(1);
    expect((await keelState(subscriptionId)).status).toBe('canceled');
    expect(await repairsOf(subscriptionId)).toEqual([{ type: 'reconciliation.missing', outcome: 'applied' }]);
    const queued = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from graphile_worker._private_jobs
          where payload->>'kind' = 'canceled' and payload->>'organizationId' = ${organization.id}`,
    );
    expect(queued.rows[0]!.count).toBe(1);
    await reconcileSubscriptions();
    expect(await repairsOf(subscriptionId)).toHaveLength(1);
  });

  it('cancels none when the provider knows none of most subscriptions (a wrong key, store or mode)', async () => {
    const subscriptions = await Promise.all([subscribed(), subscribed(), subscribed()]);
    // A wrong key or test-mode keys against live data: every subscription comes back unknown.
    const saved = await db.select().from(localGatewaySubscriptions);
    await db.delete(localGatewaySubscriptions);
    const lines: { msg: string; level: number; provider?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    try {
      const report = await reconcileSubscriptions(logger);
      expect(report.missing).toBe(0);
      expect(report.failed).toBeGreaterThanOrEqual(3);
      for (const { subscriptionId } of subscriptions) {
        expect((await keelState(subscriptionId)).status).toBe('trialing');
        expect(await repairsOf(subscriptionId)).toEqual([]);
      }
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 50,
          provider: 'local',
          msg: expect.stringContaining('Check its API key, store and test-vs-live mode'),
        }),
      );
    } finally {
      await db.insert(localGatewaySubscriptions).values(saved);
    }
  });

  it('finds a paid subscription none of whose events arrived, logs it, and applies it once', async () => {
    const owner = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const started = await startCheckout({
      organizationId: organization.id,
      organizationName: organization.name,
      userId: owner.id,
      planId: 'pro-monthly',
      seats: 3,
      successUrl: `${ORIGIN}/done`,
      cancelUrl: `${ORIGIN}/cancel`,
    });
    if (!started.ok) throw new Error(started.reason);
    // An abandoned checkout beside it (another organization): its customer has nothing to find.
    const other = await makeOrganization([[owner, 'owner']]);
    const abandoned = await startCheckout({
      organizationId: other.id,
      organizationName: other.name,
      userId: owner.id,
      planId: 'pro-monthly',
      seats: 1,
      successUrl: `${ORIGIN}/done`,
      cancelUrl: `${ORIGIN}/cancel`,
    });
    expect(abandoned.ok).toBe(true);
    await completeLocalCheckout(started.checkoutId, 'succeeds');
    const [paid] = await db
      .select()
      .from(localGatewayCheckouts)
      .where(eq(localGatewayCheckouts.id, started.checkoutId));
    const subscriptionId = paid!.resultId!;
    // None of its events is ever delivered (Lemon Squeezy gives up after three retries).
    const [before] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organization.id));
    expect(before).toBeUndefined();

    const lines: { msg: string; subscriptionId?: string; organizationId?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const first = await reconcileSubscriptions(logger);
    expect(first.discovered).toBeGreaterThanOrEqual(1);
    expect(await keelState(subscriptionId)).toEqual({ status: 'trialing', cancelAtPeriodEnd: false, seats: [3] });
    expect(lines.filter((line) => line.subscriptionId === subscriptionId)).toEqual([
      expect.objectContaining({
        msg: 'billing reconciliation found a subscription none of whose events arrived',
        organizationId: organization.id,
      }),
    ]);
    expect(await repairsOf(subscriptionId)).toEqual([{ type: 'reconciliation.discovered', outcome: 'applied' }]);

    const [second, third] = await Promise.all([reconcileSubscriptions(), reconcileSubscriptions()]);
    expect(second.discovered + third.discovered + second.repaired + third.repaired).toBe(0);
    expect(await repairsOf(subscriptionId)).toHaveLength(1);
    // The events delivered late find that state already there: nothing changes.
    for (const id of await eventsAbout(subscriptionId, paid!.customerId)) expect(await deliver(id)).toBe(200);
    expect(await keelState(subscriptionId)).toEqual({ status: 'trialing', cancelAtPeriodEnd: false, seats: [3] });
  });

  it('is scheduled hourly on the queue by every job runner', async () => {
    const runner = await startJobRunner({
      databaseUrl: process.env.DATABASE_URL!,
      jobs: billingJobs,
      concurrency: 1,
      schedules: true,
    });
    try {
      // The scheduler registers its schedules just after the runner starts.
      let known: { identifier: string }[] = [];
      for (let waited = 0; known.length === 0 && waited < 10_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        known = (
          await db.execute<{ identifier: string }>(sql`select identifier from graphile_worker._private_known_crontabs`)
        ).rows;
      }
      expect(known).toEqual([{ identifier: 'billing.reconcile-subscriptions' }]);
    } finally {
      await runner.stop();
    }
  });
});
