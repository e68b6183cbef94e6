import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import { adminSubscriptionQuery, adminWebhookQuery } from '@/features/admin';
import {
  failedWebhookEvents,
  grantSuperAdmin,
  listSubscriptions,
  listWebhookEvents,
  RECONCILIATION_JOB_KEY,
  redeliverWebhookEventAction,
  startReconciliationAction,
} from '@/features/admin/server';
import type { AuditAction } from '@/features/audit';
import { auditEvents } from '@/features/audit/server/schema';
import { signIn, verifyTwoFactorCode } from '@/features/auth/server';
import { completeLocalCheckout, signLocalPayload, startCheckout } from '@/features/billing/server';
import {
  billingCustomers,
  billingSubscriptions,
  billingWebhookEvents,
  localGatewayCheckouts,
  localGatewayEvents,
} from '@/features/billing/server/schema';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { insertUser, makeOrganization } from '../../support/organizations';
import { nextTotpCode } from '../../support/totp';
import { createVerifiedUser, enableAuthenticator, type TestUser } from '../../support/users';
import { Visitor } from '../../support/visitor';

/**
 * The admin area's billing operations (docs/admin/overview-and-billing.md): the subscriptions list and the webhook
 * ledger with their filters, redelivering a failed event (once: the second is a no-op), and the reconciliation
 * queued once however often it is asked for — each audited.
 */

const ORIGIN = 'http://localhost:3000';

/** A super admin with two-factor on, signed in just now with password and code. */
async function makeAdmin(): Promise<TestUser> {
  const admin = await createVerifiedUser({ name: 'Operator' });
  await grantSuperAdmin(admin.email);
  const { secret } = await enableAuthenticator(admin);
  const visitor = new Visitor();
  expect(await visitor.run(signIn, { email: admin.email, password: admin.password })).toHaveProperty('redirect');
  expect(await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(secret) })).toHaveProperty('redirect');
  return { ...admin, visitor };
}

const admin = await makeAdmin();

function auditRows(action: AuditAction) {
  return db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.occurredAt));
}

/** Posts one of the local gateway's stored events to the webhook route, signed, as its delivery job would. */
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
  return {
    status: response.status,
    outcomes: response.ok ? ((await response.json()) as { outcomes: string[] }).outcomes : [],
  };
}

/** A paid checkout at the local gateway whose events are not delivered yet: their ids, oldest first. */
async function paidCheckout() {
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
  const events = (await db.select().from(localGatewayEvents).orderBy(asc(localGatewayEvents.createdAt))).filter(
    (row) => {
      const object = (row.payload as { data: { object: { id: string; customer?: string } } }).data.object;
      return [checkout!.resultId, checkout!.customerId].includes(object.customer ?? object.id);
    },
  );
  return { organization, subscriptionId: checkout!.resultId!, eventIds: events.map((event) => event.id) };
}

/** Makes every write of a subscription fail, as a broken deployment or a lost database would. */
async function breakSubscriptionWrites() {
  await db.execute(sql`create or replace function test_refuse_subscriptions() returns trigger language plpgsql as $$
    begin raise exception 'billing store unavailable'; end $$`);
  await db.execute(sql`create trigger test_refuse_subscriptions before insert or update on billing_subscriptions
    for each row execute function test_refuse_subscriptions()`);
}

async function repairSubscriptionWrites() {
  await db.execute(sql`drop trigger if exists test_refuse_subscriptions on billing_subscriptions`);
}

afterEach(repairSubscriptionWrites);

const subscriptionsOf = (organizationId: string) =>
  db.select().from(billingSubscriptions).where(eq(billingSubscriptions.organizationId, organizationId));

describe('redelivering a webhook event from the ledger', () => {
  it('keeps a failed event with its error, fixes it on redelivery, and a second redelivery changes nothing', async () => {
    const { organization, eventIds } = await paidCheckout();
    await breakSubscriptionWrites();
    const statuses = [];
    for (const id of eventIds) statuses.push((await deliver(id)).status);
    expect(statuses).toContain(500);
    expect(await subscriptionsOf(organization.id)).toEqual([]);

    // The ledger keeps it, unprocessed, with the error and the event to process again.
    const failedPage = await listWebhookEvents({
      ...adminWebhookQuery.defaults,
      filters: { state: { in: ['failed'] } },
    });
    const failed = failedPage.rows.find((row) => row.organizationId === null && row.type.startsWith('subscription'));
    expect(failed).toMatchObject({
      processedAt: null,
      outcome: null,
      redeliverable: true,
      error: expect.stringContaining('billing store unavailable'),
    });
    expect(await failedWebhookEvents()).toBeGreaterThanOrEqual(1);

    // Redelivered while the cause is still there: it fails again, and says so (the attempt is recorded).
    expect(await admin.visitor.run(redeliverWebhookEventAction, { eventId: failed!.id })).toEqual({
      ok: true,
      data: { outcome: 'failed' },
    });
    expect(await subscriptionsOf(organization.id)).toEqual([]);

    // Fixed: the redelivery applies it, in the transaction of the audit row.
    await repairSubscriptionWrites();
    expect(await admin.visitor.run(redeliverWebhookEventAction, { eventId: failed!.id })).toEqual({
      ok: true,
      data: { outcome: 'applied' },
    });
    const [subscription] = await subscriptionsOf(organization.id);
    expect(subscription).toMatchObject({ status: 'trialing', planId: 'pro-monthly' });
    const [entry] = await db.select().from(billingWebhookEvents).where(eq(billingWebhookEvents.id, failed!.id));
    expect(entry).toMatchObject({ outcome: 'applied', error: null, organizationId: organization.id });
    expect(entry!.processedAt).toBeInstanceOf(Date);

    // Again, and the provider's own retry of the same event: nothing more is applied or recorded.
    expect(await admin.visitor.run(redeliverWebhookEventAction, { eventId: failed!.id })).toEqual({
      ok: true,
      data: { outcome: 'duplicate' },
    });
    const retried = [];
    for (const id of eventIds) retried.push(await deliver(id));
    // The event that failed, and was redelivered, is a duplicate to the provider's retry: the ledger says so.
    expect(retried.map(({ status }) => status)).toEqual(eventIds.map(() => 200));
    expect(retried.flatMap(({ outcomes }) => outcomes)).toContain('duplicate');
    expect(retried.flatMap(({ outcomes }) => outcomes)).not.toContain('applied');
    expect(await subscriptionsOf(organization.id)).toHaveLength(1);
    const started = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'billing.subscriptionStarted'), eq(auditEvents.organizationId, organization.id)),
      );
    expect(started).toHaveLength(1);

    const redeliveries = (await auditRows('admin.webhookRedelivered')).filter((row) => row.targetId === failed!.id);
    expect(redeliveries.map((row) => [row.actorUserId, row.targetType, row.details])).toEqual([
      [admin.id, 'webhookEvent', { outcome: 'failed' }],
      [admin.id, 'webhookEvent', { outcome: 'applied' }],
    ]);
  });

  it('answers 404 for an event the ledger does not have', async () => {
    expect(await admin.visitor.run(redeliverWebhookEventAction, { eventId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('running the reconciliation now', () => {
  it('queues the job once however often it is asked, each request audited', async () => {
    const queued = async () =>
      (
        await db.execute<{ key: string | null; count: number }>(sql`
          select key, count(*)::int as count from graphile_worker.jobs
          where task_identifier = 'billing.reconcile-subscriptions' group by key`)
      ).rows;
    expect(await queued()).toEqual([]);
    expect(await admin.visitor.run(startReconciliationAction, {})).toEqual({ ok: true, data: { queued: true } });
    expect(await admin.visitor.run(startReconciliationAction, {})).toEqual({ ok: true, data: { queued: true } });
    expect(await queued()).toEqual([{ key: RECONCILIATION_JOB_KEY, count: 1 }]);
    expect((await auditRows('admin.reconciliationStarted')).map((row) => row.actorUserId)).toEqual([
      admin.id,
      admin.id,
    ]);
  });
});

describe('the admin billing lists', () => {
  const config = getServerConfig();
  const stripeBefore = config.billing.stripe;
  afterEach(() => {
    (config.billing as { stripe: typeof stripeBefore }).stripe = stripeBefore;
  });

  async function subscription(
    name: string,
    values: { provider: 'local' | 'stripe'; status: 'active' | 'past_due'; planId: string },
  ) {
    const organization = await makeOrganization([], { name });
    const [customer] = await db
      .insert(billingCustomers)
      .values({ organizationId: organization.id, provider: values.provider, providerCustomerId: `cus_${randomUUID()}` })
      .returning();
    const providerSubscriptionId = `sub_${randomUUID().slice(0, 8)}`;
    await db.insert(billingSubscriptions).values({
      ...values,
      organizationId: organization.id,
      customerId: customer!.id,
      providerSubscriptionId,
      productId: 'pro',
      currency: 'usd',
      periodStartsAt: new Date('2026-12-01T00:00:00Z'),
      periodEndsAt: new Date('2027-01-01T00:00:00Z'),
      providerUpdatedAt: new Date('2026-12-01T00:00:00Z'),
    });
    return { organization, providerSubscriptionId };
  }

  it('lists subscriptions by organization, status, plan and provider, with links to the provider', async () => {
    const tag = randomUUID().slice(0, 6);
    const umbrella = await subscription(`Umbrella ${tag}`, {
      provider: 'stripe',
      status: 'past_due',
      planId: 'pro-yearly',
    });
    await subscription(`Initech ${tag}`, { provider: 'local', status: 'active', planId: 'pro-monthly' });
    const query = (filters: typeof adminSubscriptionQuery.defaults.filters, search = tag) =>
      listSubscriptions({ ...adminSubscriptionQuery.defaults, search, filters });
    const names = async (filters: typeof adminSubscriptionQuery.defaults.filters, search?: string) =>
      (await query(filters, search)).rows.map((row) => row.organizationName).sort();

    expect(await names({})).toEqual([`Initech ${tag}`, `Umbrella ${tag}`]);
    expect(await names({}, `umbrella ${tag}`)).toEqual([`Umbrella ${tag}`]);
    expect(await names({ status: { in: ['past_due'] } })).toEqual([`Umbrella ${tag}`]);
    expect(await names({ plan: { equals: 'pro-monthly' } })).toEqual([`Initech ${tag}`]);
    expect(await names({ provider: { in: ['local'] } })).toEqual([`Initech ${tag}`]);

    const links = async () =>
      Object.fromEntries((await query({})).rows.map((row) => [row.organizationName, row.dashboardUrl]));
    expect(await links()).toEqual({
      [`Initech ${tag}`]: null,
      [`Umbrella ${tag}`]: `https://dashboard.stripe.com/subscriptions/${umbrella.providerSubscriptionId}`,
    });
    (config.billing as { stripe: unknown }).stripe = {
      secretKey: 'sk_test_123',
      webhookSecret: 'whsec_1',
      apiUrl: null,
    };
    expect((await links())[`Umbrella ${tag}`]).toBe(
      `https://dashboard.stripe.com/test/subscriptions/${umbrella.providerSubscriptionId}`,
    );
  });

  it('filters the webhook ledger by state, provider and type', async () => {
    const tag = randomUUID().slice(0, 6);
    const now = new Date();
    await db.insert(billingWebhookEvents).values([
      { provider: 'stripe', providerEventId: `evt_${tag}_1`, type: `t${tag}.updated`, occurredAt: now, error: 'boom' },
      {
        provider: 'stripe',
        providerEventId: `evt_${tag}_2`,
        type: `t${tag}.updated`,
        occurredAt: now,
        processedAt: now,
        outcome: 'applied',
      },
      {
        provider: 'lemon-squeezy',
        providerEventId: `evt_${tag}_3`,
        type: `t${tag}.created`,
        occurredAt: now,
        processedAt: now,
        outcome: 'unmatched',
      },
    ]);
    const ids = async (filters: typeof adminWebhookQuery.defaults.filters) =>
      (await listWebhookEvents({ ...adminWebhookQuery.defaults, filters })).rows
        .map((row) => row.providerEventId)
        .filter((id) => id.includes(tag))
        .sort();
    expect(await ids({})).toEqual([`evt_${tag}_1`, `evt_${tag}_2`, `evt_${tag}_3`]);
    expect(await ids({ state: { in: ['failed'] } })).toEqual([`evt_${tag}_1`]);
    expect(await ids({ state: { in: ['applied'] } })).toEqual([`evt_${tag}_2`]);
    expect(await ids({ state: { in: ['failed', 'unmatched'] } })).toEqual([`evt_${tag}_1`, `evt_${tag}_3`]);
    expect(await ids({ provider: { in: ['lemon-squeezy'] } })).toEqual([`evt_${tag}_3`]);
    expect(await ids({ type: { equals: `t${tag}.updated` } })).toEqual([`evt_${tag}_1`, `evt_${tag}_2`]);
  });
});
