import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import { gatewayFor } from '@/features/billing/server';
import { signLemonSqueezyBody } from '@/features/billing/server/lemon-squeezy/lemon-squeezy-objects';
import {
  billingCheckouts,
  billingCustomers,
  billingOrders,
  billingSubscriptions,
  billingWebhookEvents,
} from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { LEMON_SQUEEZY_TEST_SECRET, LemonSqueezyDriver } from '../../support/billing/lemon-squeezy-driver';
import type { Subscription } from '../../support/billing/lemon-squeezy-mock';

/**
 * Every Lemon Squeezy event Keel handles, as a fixture shaped like Lemon Squeezy's documented webhooks,
 * signed as Lemon Squeezy signs (hex HMAC-SHA256 of the raw body), verified, normalised and applied
 * through the real endpoint; and every way a delivery can be wrong refused with nothing written.
 */

const driver = new LemonSqueezyDriver();
await driver.start();
afterAll(() => driver.stop());

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/billing/lemon-squeezy');
const REFERENCE = '00000000-0000-4000-8000-00000000f1a7';
/** The one-off purchase's own checkout (the order fixtures' reference): one checkout, one purchase. */
const ORDER_REFERENCE = '00000000-0000-4000-8000-00000000f1a8';
const fixture = (name: string) => readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');

async function post(body: string, headers: Record<string, string>) {
  const response = await POST(
    new Request('http://localhost:3000/api/billing/webhooks/lemon-squeezy', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
    { params: Promise.resolve({ provider: 'lemon-squeezy' }) },
  );
  return { status: response.status, body: (await response.json()) as { outcomes?: string[] } };
}

const eventName = (body: string) => (JSON.parse(body) as { meta: { event_name: string } }).meta.event_name;
const signed = (body: string, secret = LEMON_SQUEEZY_TEST_SECRET) =>
  post(body, { 'x-signature': signLemonSqueezyBody(body, secret), 'x-event-name': eventName(body) });

const ledgerCount = async () =>
  (await db.execute<{ count: number }>(sql`select count(*)::int as count from billing_webhook_events`)).rows[0]!.count;

let organization: TestOrganization;
const subscription = () =>
  db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.providerSubscriptionId, '5001'))
    .then((rows) => rows[0]);

/** The subscription as the mock (Lemon Squeezy) holds it when a payment event makes Keel fetch it. */
function atProvider(change: Partial<Subscription>) {
  driver.mock.subscriptions.set('5001', {
    id: '5001',
    customerId: '901',
    orderId: '6000',
    variantId: '7001',
    itemId: '5002',
    quantity: 3,
    status: 'active',
    cancelled: false,
    pause: null,
    trialEndsAt: '2026-11-15T10:00:00.000Z',
    renewsAt: '2026-12-15T10:00:00.000Z',
    endsAt: null,
    custom: { keel_reference: REFERENCE },
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-15T10:00:06.000Z',
    ...change,
  });
}

beforeAll(async () => {
  // The fixtures' variants are the driver's: the catalogue's line items in order.
  expect(driver.variants.get('pro-monthly/seats')).toBe('7001');
  expect(driver.variants.get('onboarding-once/session')).toBe('7003');
  const owner = await insertUser({ name: 'Fia Fixture' });
  organization = await makeOrganization([[owner, 'owner']]);
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId: organization.id, provider: 'lemon-squeezy', providerCustomerId: '901' })
    .returning();
  await db.insert(billingCheckouts).values({
    id: REFERENCE,
    organizationId: organization.id,
    customerId: customer!.id,
    provider: 'lemon-squeezy',
    providerCheckoutId: '1-ch',
    mode: 'subscription',
    planId: 'pro-monthly',
    seats: 3,
    createdById: owner.id,
  });
  await db.insert(billingCheckouts).values({
    id: ORDER_REFERENCE,
    organizationId: organization.id,
    customerId: customer!.id,
    provider: 'lemon-squeezy',
    providerCheckoutId: '2-ch',
    mode: 'payment',
    planId: 'onboarding-once',
    seats: 1,
    createdById: owner.id,
  });
});

describe('Lemon Squeezy webhooks: every handled event, signed, verified, normalised and applied', () => {
  const steps: [name: string, before: (() => void) | null, expected: Record<string, unknown>][] = [
    ['subscription_created', null, { status: 'trialing', planId: 'pro-monthly', cancelAtPeriodEnd: false }],
    ['subscription_updated', null, { status: 'active' }],
    ['subscription_payment_success', () => atProvider({}), { status: 'active' }],
    [
      'subscription_payment_failed',
      () => atProvider({ status: 'past_due', updatedAt: '2026-12-15T10:00:03.000Z' }),
      { status: 'past_due' },
    ],
    [
      'subscription_payment_recovered',
      () =>
        atProvider({ status: 'active', renewsAt: '2027-01-15T10:00:00.000Z', updatedAt: '2026-12-16T08:00:03.000Z' }),
      { status: 'active', periodEndsAt: new Date('2027-01-15T10:00:00.000Z') },
    ],
    ['subscription_cancelled', null, { status: 'active', cancelAtPeriodEnd: true }],
    ['subscription_resumed', null, { status: 'active', cancelAtPeriodEnd: false }],
    ['subscription_paused', null, { status: 'paused' }],
    ['subscription_unpaused', null, { status: 'active' }],
    [
      'subscription_expired',
      null,
      { status: 'canceled', canceledAt: new Date('2027-01-15T10:00:00.000Z'), cancelAtPeriodEnd: false },
    ],
  ];

  for (const [name, before, expected] of steps) {
    it(`${name}: applied to the organization of customer 901; delivered again, a duplicate`, async () => {
      before?.();
      const body = fixture(name);
      const events = await gatewayFor('lemon-squeezy')!.verifyWebhook(
        body,
        new Headers({ 'x-signature': signLemonSqueezyBody(body, LEMON_SQUEEZY_TEST_SECRET) }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: name, kind: 'subscription' });
      const first = await signed(body);
      expect(first).toEqual({ status: 200, body: { received: true, outcomes: ['applied'] } });
      expect(await subscription()).toMatchObject({ organizationId: organization.id, ...expected });
      expect((await signed(body)).body.outcomes).toEqual(['duplicate']);
    });
  }

  it('order_created and order_refunded: a one-off purchase, then its refund', async () => {
    const created = fixture('order_created');
    const [event] = await gatewayFor('lemon-squeezy')!.verifyWebhook(
      created,
      new Headers({ 'x-signature': signLemonSqueezyBody(created, LEMON_SQUEEZY_TEST_SECRET) }),
    );
    expect(event).toMatchObject({
      kind: 'order',
      order: { id: '6001', customerId: '901', planId: 'onboarding-once', status: 'paid', currency: 'usd' },
    });
    expect((await signed(created)).body.outcomes).toEqual(['applied']);
    const orderRow = () =>
      db
        .select()
        .from(billingOrders)
        .where(eq(billingOrders.providerOrderId, '6001'))
        .then((rows) => rows[0]);
    expect(await orderRow()).toMatchObject({ organizationId: organization.id, status: 'paid', totalAmount: 29900 });
    expect((await signed(fixture('order_refunded'))).body.outcomes).toEqual(['applied']);
    expect(await orderRow()).toMatchObject({ status: 'refunded' });
    expect((await signed(created)).body.outcomes).toEqual(['duplicate']);
  });

  it('keeps Keel’s reference from the custom data, and takes nothing else from it', async () => {
    // A body the ledger does not have yet (the one above was applied: a replay is answered before normalising).
    const body = fixture('subscription_updated').replaceAll('2026-11-15T10:00:05', '2026-11-15T10:00:09');
    const [event] = await gatewayFor('lemon-squeezy')!.verifyWebhook(
      body,
      new Headers({ 'x-signature': signLemonSqueezyBody(body, LEMON_SQUEEZY_TEST_SECRET) }),
    );
    expect(event).toMatchObject({ subscription: { checkoutReference: REFERENCE, customerId: '901' } });
    expect(event!.id).toMatch(/^ls_[0-9a-f]{64}$/);
  });

  it('a redelivered payment event (or a captured body replayed) calls Lemon Squeezy no more', async () => {
    const body = fixture('subscription_payment_success');
    const fetches = () =>
      driver.mock.requests.filter(
        (request) => request.method === 'GET' && request.path.startsWith('/v1/subscriptions/'),
      ).length;
    const before = fetches();
    // Applied by its step above: the ledger answers before anything is fetched.
    expect((await signed(body)).body.outcomes).toEqual(['duplicate']);
    expect((await signed(body)).body.outcomes).toEqual(['duplicate']);
    expect(fetches()).toBe(before);
  });

  it('an older state (an earlier updated_at) arriving late is stale and changes nothing', async () => {
    const before = await subscription();
    const late = fixture('subscription_resumed').replaceAll('2026-12-21T10:00:00', '2026-12-01T10:00:00');
    expect((await signed(late)).body.outcomes).toEqual(['stale']);
    expect(await subscription()).toEqual(before);
  });
});

describe('Lemon Squeezy webhooks: refused with a 400 and nothing written', () => {
  const body = fixture('subscription_resumed').replaceAll('2026-12-21T10:00:00', '2027-02-01T10:00:00');
  const good = signLemonSqueezyBody(body, LEMON_SQUEEZY_TEST_SECRET);
  const cases: [string, string, Record<string, string>][] = [
    ['tampered (one byte)', body.replace('"status": "active"', '"status": "activf"'), { 'x-signature': good }],
    ['tampered (a quantity)', body.replace('"quantity": 3', '"quantity": 9'), { 'x-signature': good }],
    ['signed with another secret', body, { 'x-signature': signLemonSqueezyBody(body, 'not-the-secret') }],
    ['unsigned', body, {}],
    ['a signature of unequal length', body, { 'x-signature': good.slice(0, 40) }],
    ['a signature that is not hex', body, { 'x-signature': 'z'.repeat(64) }],
    ['a longer signature', body, { 'x-signature': `${good}00` }],
    ['an event name that is not the body’s', body, { 'x-signature': good, 'x-event-name': 'order_created' }],
    ['not JSON', 'hello', { 'x-signature': signLemonSqueezyBody('hello', LEMON_SQUEEZY_TEST_SECRET) }],
  ];
  for (const [name, sent, headers] of cases) {
    it(name, async () => {
      const ledger = await ledgerCount();
      const before = await subscription();
      const response = await post(sent, headers);
      expect(response.status).toBe(400);
      expect(await ledgerCount()).toBe(ledger);
      expect(await subscription()).toEqual(before);
    });
  }

  it('the untouched body with its own signature is accepted (the refusals above were the changes)', async () => {
    expect((await post(body, { 'x-signature': good })).body.outcomes).toEqual(['applied']);
    expect(
      await db.$count(billingWebhookEvents, eq(billingWebhookEvents.type, 'subscription_resumed')),
    ).toBeGreaterThan(0);
  });
});
