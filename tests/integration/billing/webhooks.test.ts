import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import { completeLocalCheckout, signLocalPayload, startCheckout } from '@/features/billing/server';
import {
  billingCheckouts,
  billingSubscriptions,
  billingWebhookEvents,
  localGatewayEvents,
} from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { proxy } from '@/proxy';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { deliverLocalEventsOverHttp, eventually } from './local-deliveries';

/**
 * Billing webhooks through the real endpoint handler, signed as the local gateway signs them: the
 * whole path from a paid checkout to the organization's subscription, and every way a delivery can
 * go wrong (tampered, stale, wrong secret, repeated, reordered, unknown, database down).
 */

const ORIGIN = 'http://localhost:3000';

async function post(body: string, headers: Record<string, string>) {
  const request = new Request(`${ORIGIN}/api/billing/webhooks/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ provider: 'local' }) });
  return { status: response.status, body: (await response.json()) as { outcomes?: string[] } };
}

const signed = (body: string, options: { secret?: string; at?: Date } = {}) =>
  post(body, { 'keel-signature': signLocalPayload(body, options) });

// The local gateway's deliveries reach the same handler over HTTP, as they do in the app.
await deliverLocalEventsOverHttp({ pollIntervalMs: 200 });

const owner = await insertUser({ name: 'Olga Owner' });

async function organizationWithCheckout(planId = 'pro-monthly', seats = 3) {
  const organization = await makeOrganization([[owner, 'owner']]);
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId,
    seats,
    successUrl: `${ORIGIN}/dashboard/${organization.slug}/billing?checkout=done`,
    cancelUrl: `${ORIGIN}/dashboard/${organization.slug}/billing`,
  });
  if (!started.ok) throw new Error(started.reason);
  return { organization, checkoutId: started.checkoutId };
}

const subscriptionsOf = (organization: TestOrganization) =>
  db.select().from(billingSubscriptions).where(eq(billingSubscriptions.organizationId, organization.id));
const ledgerCount = async () =>
  (await db.execute<{ count: number }>(sql`select count(*)::int as count from billing_webhook_events`)).rows[0]!.count;

/** A subscription event as the local gateway writes it, for the organization's customer. */
async function subscriptionEvent(
  organization: TestOrganization,
  change: { id: string; status: string; updatedAt: string; cancelAtPeriodEnd?: boolean; customer?: string },
) {
  const customer =
    change.customer ??
    (await db.select().from(billingCheckouts).where(eq(billingCheckouts.organizationId, organization.id)))[0]!;
  const customerId =
    typeof customer === 'string'
      ? customer
      : (
          await db.execute<{ id: string }>(
            sql`select provider_customer_id as id from billing_customers where id = ${customer.customerId}`,
          )
        ).rows[0]!.id;
  return JSON.stringify({
    id: `evt_test_${change.id}`,
    type: 'subscription.updated',
    created: change.updatedAt,
    data: {
      object: {
        id: `sub_test_${organization.id}`,
        customer: customerId,
        status: change.status,
        plan: 'pro-monthly',
        seats: 4,
        period_start: '2026-12-01T00:00:00.000Z',
        period_end: '2027-01-01T00:00:00.000Z',
        trial_end: null,
        cancel_at_period_end: change.cancelAtPeriodEnd ?? false,
        canceled_at: null,
        updated_at: change.updatedAt,
        // Metadata a client could have set is never read.
        organization_id: '00000000-0000-0000-0000-000000000000',
      },
    },
  });
}

describe('a paid local checkout', () => {
  it('reaches the organization as a trialing subscription through signed deliveries of the job queue', async () => {
    const { organization, checkoutId } = await organizationWithCheckout('pro-monthly', 3);
    expect(await completeLocalCheckout(checkoutId, 'succeeds')).toEqual({
      ok: true,
      redirectTo: expect.stringContaining('checkout=done'),
    });
    const [subscription] = await eventually(async () => {
      const rows = await subscriptionsOf(organization);
      return rows.length > 0 && rows;
    });
    expect(subscription).toMatchObject({
      status: 'trialing',
      productId: 'pro',
      planId: 'pro-monthly',
      provider: 'local',
      cancelAtPeriodEnd: false,
    });
    expect(subscription!.trialEndsAt).not.toBeNull();
    const items = await db.execute<{ line_item_id: string; quantity: number }>(
      sql`select line_item_id, quantity from billing_subscription_items where subscription_id = ${subscription!.id}`,
    );
    expect(items.rows).toEqual([{ line_item_id: 'seats', quantity: 3 }]);
    const checkout = await eventually(async () =>
      (await db.select().from(billingCheckouts).where(eq(billingCheckouts.providerCheckoutId, checkoutId))).find(
        (row) => row.status === 'completed',
      ),
    );
    expect(checkout.organizationId).toBe(organization.id);
    // Both events delivered, each applied once.
    const delivered = await eventually(async () => {
      const events = await db.select().from(localGatewayEvents);
      return events.filter((event) => event.deliveredAt).length >= 2 && events;
    });
    expect(delivered.every((event) => event.attempts >= 1)).toBe(true);
  });

  it('with a declined card changes nothing and says why', async () => {
    const { organization, checkoutId } = await organizationWithCheckout();
    const before = (await db.select().from(localGatewayEvents)).length;
    expect(await completeLocalCheckout(checkoutId, 'declined')).toEqual({ ok: false, reason: 'card-declined' });
    expect((await db.select().from(localGatewayEvents)).length).toBe(before);
    expect(await subscriptionsOf(organization)).toEqual([]);
  });
});

describe('a webhook that is not the gateway’s own', () => {
  it('is refused with 400 and nothing written: tampered, wrong secret, stale, malformed or unsigned', async () => {
    const { organization } = await organizationWithCheckout();
    const body = await subscriptionEvent(organization, {
      id: 'forged',
      status: 'active',
      updatedAt: new Date().toISOString(),
    });
    const header = signLocalPayload(body);
    const before = await ledgerCount();
    const attempts = [
      post(body.replace('"active"', '"trialing"'), { 'keel-signature': header }),
      signed(body, { secret: 'not-the-secret' }),
      signed(body, { at: new Date(Date.now() - 10 * 60 * 1000) }),
      post(body, { 'keel-signature': header.replace(/v1=.*/, 'v1=abc') }),
      post(body, { 'keel-signature': 't=abc' }),
      post(body, {}),
    ];
    for (const result of await Promise.all(attempts)) expect(result.status).toBe(400);
    expect(await ledgerCount()).toBe(before);
    expect(await subscriptionsOf(organization)).toEqual([]);
    // The same body, properly signed, is accepted.
    expect((await signed(body)).status).toBe(200);
    expect(await subscriptionsOf(organization)).toHaveLength(1);
  });

  it('from another site passes the proxy and is judged by its signature alone (400, not 403)', async () => {
    const { organization } = await organizationWithCheckout();
    const body = await subscriptionEvent(organization, {
      id: `cross-${organization.id}`,
      status: 'active',
      updatedAt: new Date().toISOString(),
    });
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const url = `${ORIGIN}/api/billing/webhooks/local`;
    expect(proxy(new NextRequest(url, { method: 'POST', headers: crossSite, body })).status).toBe(200);
    expect((await post(body, { ...crossSite, 'keel-signature': 't=abc' })).status).toBe(400);
    expect(await subscriptionsOf(organization)).toEqual([]);
  });

  it('is refused with 413 when larger than 256 KB, reading no further than the cap even without a length', async () => {
    const before = await ledgerCount();
    // Chunked (no Content-Length), 4 MB of it: the endpoint must stop reading soon after 256 KB.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 4 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${ORIGIN}/api/billing/webhooks/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'keel-signature': 't=1,v1=abc' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const response = await POST(request, { params: Promise.resolve({ provider: 'local' }) });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(512 * 1024);
    expect(await ledgerCount()).toBe(before);
  });

  it('is refused for a provider that is not in use, or not one at all', async () => {
    // BILLING_PROVIDER is local here: Stripe's and Lemon Squeezy's routes answer as if they did not exist.
    for (const provider of ['stripe', 'lemon-squeezy', 'paddle']) {
      const response = await POST(
        new Request(`${ORIGIN}/api/billing/webhooks/${provider}`, { method: 'POST', body: '{}' }),
        { params: Promise.resolve({ provider }) },
      );
      expect(response.status, provider).toBe(404);
    }
  });
});

describe('deliveries', () => {
  it('of the same event ten times at once have one effect', async () => {
    const { organization } = await organizationWithCheckout();
    const body = await subscriptionEvent(organization, {
      id: `dup-${organization.id}`,
      status: 'active',
      updatedAt: new Date().toISOString(),
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => signed(body)));
    expect(results.map((result) => result.status)).toEqual(Array(10).fill(200));
    const outcomes = results.flatMap((result) => result.body.outcomes ?? []);
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(9);
    expect(await subscriptionsOf(organization)).toHaveLength(1);
    const ledger = await db
      .select()
      .from(billingWebhookEvents)
      .where(eq(billingWebhookEvents.providerEventId, `evt_test_dup-${organization.id}`));
    expect(ledger).toMatchObject([{ outcome: 'applied', organizationId: organization.id }]);
  });

  it('out of order never let an older state overwrite a newer one', async () => {
    const { organization } = await organizationWithCheckout();
    const canceled = await subscriptionEvent(organization, {
      id: `new-${organization.id}`,
      status: 'canceled',
      updatedAt: '2026-12-05T10:00:00.000Z',
    });
    const olderActive = await subscriptionEvent(organization, {
      id: `old-${organization.id}`,
      status: 'active',
      updatedAt: '2026-12-05T09:00:00.000Z',
    });
    expect((await signed(canceled)).body.outcomes).toEqual(['applied']);
    expect((await signed(olderActive)).body.outcomes).toEqual(['stale']);
    expect((await subscriptionsOf(organization)).map((row) => row.status)).toEqual(['canceled']);
    const newer = await subscriptionEvent(organization, {
      id: `newer-${organization.id}`,
      status: 'active',
      updatedAt: '2026-12-05T11:00:00.000Z',
      cancelAtPeriodEnd: true,
    });
    expect((await signed(newer)).body.outcomes).toEqual(['applied']);
    expect((await subscriptionsOf(organization)).map((row) => [row.status, row.cancelAtPeriodEnd])).toEqual([
      ['active', true],
    ]);
  });

  it('of an unknown event type are acknowledged and recorded as ignored', async () => {
    const body = JSON.stringify({
      id: 'evt_test_unknown',
      type: 'invoice.upcoming',
      created: new Date().toISOString(),
      data: { object: {} },
    });
    expect(await signed(body)).toEqual({ status: 200, body: { received: true, outcomes: ['ignored'] } });
    expect(
      await db
        .select({ outcome: billingWebhookEvents.outcome })
        .from(billingWebhookEvents)
        .where(eq(billingWebhookEvents.providerEventId, 'evt_test_unknown')),
    ).toEqual([{ outcome: 'ignored' }]);
  });

  it('for a customer or checkout the server never created reach no organization', async () => {
    const { organization } = await organizationWithCheckout();
    const stranger = await subscriptionEvent(organization, {
      id: `stranger-${organization.id}`,
      status: 'active',
      updatedAt: new Date().toISOString(),
      customer: 'cus_made_up',
    });
    expect((await signed(stranger)).body.outcomes).toEqual(['unmatched']);
    expect(await subscriptionsOf(organization)).toEqual([]);
    const checkout = JSON.stringify({
      id: 'evt_test_checkout',
      type: 'checkout.completed',
      created: new Date().toISOString(),
      data: { object: { id: 'cs_made_up', customer: 'cus_made_up' } },
    });
    expect((await signed(checkout)).body.outcomes).toEqual(['unmatched']);
  });

  it('while the database is down get a 5xx, and the redelivery is applied once', async () => {
    const { organization } = await organizationWithCheckout();
    const body = await subscriptionEvent(organization, {
      id: `down-${organization.id}`,
      status: 'active',
      updatedAt: new Date().toISOString(),
    });
    const holder = globalThis as unknown as { keelPool?: pg.Pool };
    const working = holder.keelPool;
    holder.keelPool = new pg.Pool({
      connectionString: 'postgres://nobody:nothing@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    });
    try {
      const down = await signed(body);
      expect(down.status).toBeGreaterThanOrEqual(500);
    } finally {
      await holder.keelPool.end().catch(() => undefined);
      holder.keelPool = working;
    }
    expect(await subscriptionsOf(organization)).toEqual([]);
    expect((await signed(body)).body.outcomes).toEqual(['applied']);
    expect((await signed(body)).body.outcomes).toEqual(['duplicate']);
    expect(await subscriptionsOf(organization)).toHaveLength(1);
  });
});
