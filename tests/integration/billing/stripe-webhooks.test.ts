import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import {
  billingCheckouts,
  billingCustomers,
  billingOrders,
  billingSubscriptionItems,
  billingSubscriptions,
} from '@/features/billing/server/schema';
import { reconcileSubscriptions } from '@/features/billing/server';
import { STRIPE_WEBHOOK_EVENTS } from '@/features/billing/server/stripe/stripe-webhooks';
import { db } from '@/platform/db/client';
import { STRIPE_TEST_WEBHOOK_SECRET, StripeDriver } from '../../support/billing/stripe-driver';
import { insertUser, makeOrganization } from '../../support/organizations';

/**
 * Every Stripe event Keel handles, from a fixture shaped like Stripe's (tests/fixtures/billing/stripe),
 * signed as Stripe signs it, through the real endpoint: verified, normalised and applied to the
 * organization — and every way a delivery can be forged or replayed refused with nothing written.
 * The adapter fetches the state an event announces, so each case first sets Stripe's state (the mock's).
 */

const driver = new StripeDriver();
await driver.start();
afterAll(() => driver.stop());
const { mock } = driver;

type Json = Record<string, unknown> & { id: string };
const fixture = (name: string) => {
  const body = readFileSync(path.join(import.meta.dirname, '../../fixtures/billing/stripe', `${name}.json`), 'utf8');
  return { body, event: JSON.parse(body) as { id: string; type: string; data: { object: Json } } };
};

async function post(body: string, headers: Record<string, string>) {
  const request = new Request('http://localhost:3000/api/billing/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ provider: 'stripe' }) });
  return { status: response.status, outcomes: ((await response.json()) as { outcomes?: string[] }).outcomes };
}

const signed = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
  post(body, { 'stripe-signature': mock.sign(body, options) });

const count = async (table: string) =>
  (await db.execute<{ count: number }>(sql.raw(`select count(*)::int as count from ${table}`))).rows[0]!.count;

// The fixtures' customer belongs to one organization, as if Keel had created it at its first checkout.
const owner = await insertUser({ name: 'Wendy Webhook' });
const organization = await makeOrganization([[owner, 'owner']]);
const [customer] = await db
  .insert(billingCustomers)
  .values({ organizationId: organization.id, provider: 'stripe', providerCustomerId: 'cus_fixture' })
  .returning();
mock.seed({ customer: 'cus_fixture' });
for (const [providerCheckoutId, mode, planId] of [
  ['cs_fixture_pro', 'subscription', 'pro-monthly'],
  ['cs_fixture_onboarding', 'payment', 'onboarding-once'],
  ['cs_fixture_abandoned', 'subscription', 'pro-monthly'],
] as const)
  await db.insert(billingCheckouts).values({
    organizationId: organization.id,
    customerId: customer!.id,
    provider: 'stripe',
    providerCheckoutId,
    mode,
    planId,
    seats: mode === 'subscription' ? 3 : null,
    createdById: owner.id,
  });

const subscriptionRow = () =>
  db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.providerSubscriptionId, 'sub_fixture_pro'))
    .then(([row]) => row);
const orderStatus = (id: string) =>
  db
    .select({ status: billingOrders.status })
    .from(billingOrders)
    .where(eq(billingOrders.providerOrderId, id))
    .then(([row]) => row?.status);

/** Stripe's subscription now, as the fixture of that name carries it (with a change). */
const subscriptionState = (name: string, change: Record<string, unknown> = {}) => ({
  ...fixture(name).event.data.object,
  ...change,
});

/** A one-off payment's session, PaymentIntent and charge at Stripe, as a fixture's session describes it. */
function seedPayment(sessionFixture: string, intent: { status: string; refunded?: boolean }) {
  const session = fixture(sessionFixture).event.data.object;
  const chargeId = `ch_${session.payment_intent as string}`;
  mock.seed({
    session,
    lineItems: [{ price: driver.priceId('onboarding-once', 'session'), quantity: 1 }],
    paymentIntent: {
      id: session.payment_intent as string,
      object: 'payment_intent',
      amount: 29900,
      currency: 'usd',
      customer: 'cus_fixture',
      status: intent.status,
      latest_charge: intent.status === 'succeeded' ? chargeId : null,
      livemode: false,
    },
    charge: { id: chargeId, object: 'charge', amount: 29900, refunded: intent.refunded ?? false, livemode: false },
  });
}

describe('Stripe webhook fixtures, signed, verified and applied in turn', () => {
  const cases: { name: string; stripeHas: () => void; outcomes: string[]; then: () => Promise<void> }[] = [
    {
      name: 'checkout.session.completed.subscription',
      stripeHas: () => {
        mock.seed({ subscription: subscriptionState('customer.subscription.created') });
        mock.seed({ session: fixture('checkout.session.completed.subscription').event.data.object });
      },
      outcomes: ['applied', 'applied'],
      then: async () => {
        const [checkout] = await db
          .select()
          .from(billingCheckouts)
          .where(eq(billingCheckouts.providerCheckoutId, 'cs_fixture_pro'));
        expect(checkout!.status).toBe('completed');
        expect(await subscriptionRow()).toMatchObject({
          organizationId: organization.id,
          status: 'trialing',
          planId: 'pro-monthly',
        });
      },
    },
    {
      name: 'customer.subscription.created',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.created') }),
      outcomes: ['applied'],
      then: async () =>
        expect((await subscriptionRow())!.trialEndsAt).toEqual(new Date((1796000000 + 14 * 86400) * 1000)),
    },
    {
      name: 'customer.subscription.trial_will_end',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.trial_will_end') }),
      outcomes: ['applied'],
      then: async () => expect((await subscriptionRow())!.status).toBe('trialing'),
    },
    {
      name: 'customer.subscription.updated',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.updated') }),
      outcomes: ['applied'],
      then: async () => expect(await subscriptionRow()).toMatchObject({ status: 'active', cancelAtPeriodEnd: true }),
    },
    {
      name: 'customer.subscription.paused',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.paused') }),
      outcomes: ['applied'],
      then: async () => expect((await subscriptionRow())!.status).toBe('paused'),
    },
    {
      name: 'customer.subscription.resumed',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.resumed') }),
      outcomes: ['applied'],
      then: async () => expect(await subscriptionRow()).toMatchObject({ status: 'active', cancelAtPeriodEnd: false }),
    },
    {
      name: 'invoice.payment_failed',
      stripeHas: () =>
        mock.seed({ subscription: subscriptionState('customer.subscription.resumed', { status: 'past_due' }) }),
      outcomes: ['applied'],
      then: async () => expect((await subscriptionRow())!.status).toBe('past_due'),
    },
    {
      name: 'invoice.paid',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.resumed') }),
      outcomes: ['applied'],
      then: async () => expect((await subscriptionRow())!.status).toBe('active'),
    },
    {
      name: 'customer.subscription.deleted',
      stripeHas: () => mock.seed({ subscription: subscriptionState('customer.subscription.deleted') }),
      outcomes: ['applied'],
      then: async () =>
        expect(await subscriptionRow()).toMatchObject({
          status: 'canceled',
          canceledAt: new Date((1796000000 + 50 * 86400) * 1000),
        }),
    },
    {
      name: 'checkout.session.completed.payment',
      stripeHas: () => seedPayment('checkout.session.completed.payment', { status: 'succeeded' }),
      outcomes: ['applied', 'applied'],
      then: async () => {
        expect(await orderStatus('cs_fixture_onboarding')).toBe('paid');
        const [order] = await db
          .select()
          .from(billingOrders)
          .where(eq(billingOrders.providerOrderId, 'cs_fixture_onboarding'));
        expect(order).toMatchObject({ organizationId: organization.id, planId: 'onboarding-once', totalAmount: 29900 });
      },
    },
    {
      name: 'checkout.session.async_payment_succeeded',
      stripeHas: () => seedPayment('checkout.session.async_payment_succeeded', { status: 'succeeded' }),
      outcomes: ['applied'],
      then: async () => expect(await orderStatus('cs_fixture_onboarding_debit')).toBe('paid'),
    },
    {
      name: 'checkout.session.async_payment_failed',
      stripeHas: () => seedPayment('checkout.session.async_payment_failed', { status: 'requires_payment_method' }),
      outcomes: ['applied'],
      then: async () => expect(await orderStatus('cs_fixture_onboarding_declined')).toBe('failed'),
    },
    {
      name: 'charge.refunded',
      stripeHas: () => seedPayment('checkout.session.completed.payment', { status: 'succeeded', refunded: true }),
      outcomes: ['applied'],
      then: async () => expect(await orderStatus('cs_fixture_onboarding')).toBe('refunded'),
    },
    {
      name: 'checkout.session.expired',
      stripeHas: () => undefined,
      outcomes: ['applied'],
      then: async () => {
        const [checkout] = await db
          .select({ status: billingCheckouts.status })
          .from(billingCheckouts)
          .where(eq(billingCheckouts.providerCheckoutId, 'cs_fixture_abandoned'));
        expect(checkout!.status).toBe('expired');
      },
    },
  ];

  it('has a fixture for every event the endpoint subscribes to', () => {
    const types = new Set(cases.map((entry) => fixture(entry.name).event.type));
    expect([...types].sort()).toEqual([...STRIPE_WEBHOOK_EVENTS].sort());
  });

  for (const entry of cases)
    it(entry.name, async () => {
      entry.stripeHas();
      const { body } = fixture(entry.name);
      expect(await signed(body)).toEqual({ status: 200, outcomes: entry.outcomes });
      await entry.then();
      // Delivered again: the ledger has it, nothing changes.
      expect(await signed(body)).toEqual({ status: 200, outcomes: entry.outcomes.map(() => 'duplicate') });
    });
});

describe('forged, stale and unknown deliveries', () => {
  const { body } = fixture('customer.subscription.created');

  it.each([
    ['tampered', () => post(body.replace('"quantity": 3', '"quantity": 30'), { 'stripe-signature': mock.sign(body) })],
    ['signed with another secret', () => signed(body, { secret: `${STRIPE_TEST_WEBHOOK_SECRET}x` })],
    ['older than five minutes', () => signed(body, { timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ['unsigned', () => post(body, {})],
    ['with a header that is not a signature', () => post(body, { 'stripe-signature': 'v1=deadbeef' })],
  ])('refuses a body %s, writing nothing', async (_case, send) => {
    const before = [await count('billing_webhook_events'), await count('billing_subscriptions')];
    const rowBefore = await subscriptionRow();
    mock.seed({ subscription: subscriptionState('customer.subscription.created', { status: 'active' }) });
    expect((await send()).status).toBe(400);
    expect([await count('billing_webhook_events'), await count('billing_subscriptions')]).toEqual(before);
    expect(await subscriptionRow()).toEqual(rowBefore);
  });

  it('accepts a body signed four minutes ago', async () => {
    const fresh = body.replace('evt_fixture_customer_subscription_created', 'evt_fixture_recent');
    expect((await signed(fresh, { timestamp: Math.floor(Date.now() / 1000) - 240 })).status).toBe(200);
  });

  it('acknowledges an event type it does not handle and prices Keel does not sell, applying neither', async () => {
    const other = JSON.stringify({
      ...fixture('invoice.paid').event,
      id: 'evt_fixture_other',
      type: 'invoice.created',
    });
    expect(await signed(other)).toEqual({ status: 200, outcomes: ['ignored'] });
    const foreign = subscriptionState('customer.subscription.created', { id: 'sub_fixture_foreign' }) as Json & {
      items: { data: { price: { id: string } }[] };
    };
    foreign.items.data[0]!.price.id = 'price_not_in_the_catalogue';
    mock.seed({ subscription: foreign });
    const event = JSON.stringify({
      ...fixture('customer.subscription.created').event,
      id: 'evt_fixture_foreign',
      data: { object: foreign },
    });
    // Not held by Keel: unmatched (and logged), nothing written.
    expect(await signed(event)).toEqual({ status: 200, outcomes: ['unmatched'] });
    expect(
      await db
        .select()
        .from(billingSubscriptions)
        .where(eq(billingSubscriptions.providerSubscriptionId, 'sub_fixture_foreign')),
    ).toEqual([]);
  });

  it('keeps updating a subscription Keel holds once its price leaves the catalogue, keeping its plan', async () => {
    const legacy = 'sub_fixture_legacy';
    const created = subscriptionState('customer.subscription.created', { id: legacy });
    mock.seed({ subscription: created });
    const deliver = (name: string, object: Json) =>
      signed(JSON.stringify({ ...fixture(name).event, id: `evt_fixture_legacy_${name}`, data: { object } }));
    expect(await deliver('customer.subscription.created', created)).toEqual({ status: 200, outcomes: ['applied'] });
    const row = async () => {
      const [held] = await db
        .select()
        .from(billingSubscriptions)
        .where(eq(billingSubscriptions.providerSubscriptionId, legacy));
      const items = await db
        .select({ lineItemId: billingSubscriptionItems.lineItemId, quantity: billingSubscriptionItems.quantity })
        .from(billingSubscriptionItems)
        .where(eq(billingSubscriptionItems.subscriptionId, held!.id));
      return { status: held!.status, planId: held!.planId, cancelAtPeriodEnd: held!.cancelAtPeriodEnd, items };
    };
    const before = await row();
    expect(before.planId).toBe('pro-monthly');
    // The price is rotated (a new STRIPE_PRICE_*), the old customer keeps the old one, and cancels at period end.
    const rotated = (change: Record<string, unknown>) => {
      const state = { ...structuredClone(created), ...change } as Json & { items: { data: { price: Json }[] } };
      state.items.data[0]!.price.id = 'price_pro_monthly_retired';
      return state;
    };
    mock.seed({ subscription: rotated({ cancel_at_period_end: true }) });
    await reconcileSubscriptions();
    expect(await row()).toEqual({ ...before, cancelAtPeriodEnd: true });
    const ended = rotated({ status: 'canceled', ended_at: Math.floor(Date.now() / 1000) });
    mock.seed({ subscription: ended });
    expect(await deliver('customer.subscription.deleted', ended)).toEqual({ status: 200, outcomes: ['applied'] });
    expect(await row()).toEqual({ ...before, status: 'canceled', cancelAtPeriodEnd: false });
  });

  it('answers 502 when Stripe cannot be asked, so that Stripe delivers again; nothing is recorded', async () => {
    const retried = body.replace('evt_fixture_customer_subscription_created', 'evt_fixture_retried');
    mock.failNext('GET', /^\/v1\/subscriptions\//, 400, {
      type: 'invalid_request_error',
      message: 'Simulated refusal.',
    });
    const before = await count('billing_webhook_events');
    expect((await signed(retried)).status).toBe(502);
    expect(await count('billing_webhook_events')).toBe(before);
    expect(await signed(retried)).toEqual({ status: 200, outcomes: ['applied'] });
  });
});
