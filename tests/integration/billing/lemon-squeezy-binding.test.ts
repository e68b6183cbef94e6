import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBillingEvent, startCheckout } from '@/features/billing/server';
import {
  billingCheckouts,
  billingCustomers,
  billingOrders,
  billingSubscriptions,
} from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { LemonSqueezyDriver } from '../../support/billing/lemon-squeezy-driver';
import { eventually } from './local-deliveries';

/**
 * Lemon Squeezy decides the customer by the email typed at checkout, so a purchase may come back with a
 * customer Keel never created (decision 0046). Such a customer is bound to an organization only through
 * the reference of a checkout this server created — never through custom data of a checkout it did not.
 */

const driver = new LemonSqueezyDriver();
await driver.start();
afterAll(() => driver.stop());
const { mock } = driver;

async function organizationWithCheckout(planId = 'pro-monthly') {
  const owner = await insertUser();
  const organization = await makeOrganization([[owner, 'owner']]);
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId,
    seats: 2,
    successUrl: 'http://localhost:3000/billing?checkout={CHECKOUT_SESSION_ID}',
    cancelUrl: 'http://localhost:3000/billing',
  });
  if (!started.ok) throw new Error(started.reason);
  const [checkout] = await db
    .select()
    .from(billingCheckouts)
    .where(eq(billingCheckouts.providerCheckoutId, started.checkoutId));
  return { organization, owner, checkoutId: started.checkoutId, reference: checkout!.id };
}

/** Everything Keel holds for an organization's billing. */
async function state(organization: TestOrganization) {
  return {
    customers: await db
      .select()
      .from(billingCustomers)
      .where(eq(billingCustomers.organizationId, organization.id))
      .orderBy(asc(billingCustomers.id)),
    subscriptions: await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organization.id)),
    orders: await db.select().from(billingOrders).where(eq(billingOrders.organizationId, organization.id)),
    checkouts: await db
      .select()
      .from(billingCheckouts)
      .where(eq(billingCheckouts.organizationId, organization.id))
      .orderBy(asc(billingCheckouts.id)),
  };
}

/** A webhook about a subscription of the mock, with the custom data its sender chose. */
async function send(subscriptionId: string, custom: Record<string, unknown>, change: Record<string, unknown> = {}) {
  const subscription = mock.subscriptions.get(subscriptionId)!;
  Object.assign(subscription, change, { updatedAt: mock.now() });
  const webhook = mock.webhook('subscription_updated', mock.subscriptionResource(subscription), custom);
  const response = await fetch(mock.webhookUrl, { method: 'POST', headers: webhook.headers, body: webhook.body });
  return ((await response.json()) as { outcomes: string[] }).outcomes;
}

describe('binding a Lemon Squeezy customer through the checkout reference', () => {
  it('a buyer who types another email becomes another customer: bound to the checkout’s organization', async () => {
    const { organization, reference } = await organizationWithCheckout();
    const before = await state(organization);
    const { subscription } = mock.pay(before.checkouts[0]!.providerCheckoutId, { email: 'someone-else@example.com' });
    await driver.settled();
    const row = await eventually(async () => (await state(organization)).subscriptions[0]);
    expect(row).toMatchObject({ providerSubscriptionId: subscription!.id, status: 'trialing' });
    const after = await state(organization);
    expect(after.customers).toEqual([{ ...before.customers[0]!, providerCustomerId: subscription!.customerId }]);
    expect(after.customers[0]!.providerCustomerId).not.toBe(before.customers[0]!.providerCustomerId);
    expect(after.checkouts[0]).toMatchObject({ id: reference, status: 'completed' });
  });

  it('the attack: a subscription of one organization naming another organization’s checkout stays its own', async () => {
    const victim = await organizationWithCheckout();
    const attacker = await organizationWithCheckout();
    const { subscription } = mock.pay(attacker.checkoutId);
    await driver.settled();
    await eventually(async () => (await state(attacker.organization)).subscriptions[0]);
    const victimBefore = await state(victim.organization);
    const attackerBefore = await state(attacker.organization);
    // Its custom data names the victim's open checkout: a checkout URL built by hand can carry anything. A
    // subscription Keel holds stays with its organization, whatever reference its events carry.
    expect(await send(subscription!.id, { keel_reference: victim.reference }, { quantity: 40 })).toEqual(['applied']);
    expect(await state(victim.organization)).toEqual(victimBefore);
    const attackerAfter = await state(attacker.organization);
    expect(attackerAfter.customers).toEqual(attackerBefore.customers);
    expect(attackerAfter.subscriptions).toMatchObject([{ providerSubscriptionId: subscription!.id }]);
  });

  it('an unknown customer naming a checkout already paid, another plan’s, or none of Keel’s is refused', async () => {
    const paid = await organizationWithCheckout();
    mock.pay(paid.checkoutId);
    await driver.settled();
    await eventually(async () => (await state(paid.organization)).subscriptions[0]);
    const open = await organizationWithCheckout('pro-yearly');
    const paidBefore = await state(paid.organization);
    const openBefore = await state(open.organization);

    // A stranger's own purchase (another email, so another customer) whose custom data it wrote itself.
    const stranger = await organizationWithCheckout();
    const { subscription } = mock.pay(stranger.checkoutId, { email: 'stranger@example.com' });
    await driver.settled();
    await eventually(async () => (await state(stranger.organization)).subscriptions[0]);
    const strangerCustomer = mock.subscriptions.get(subscription!.id)!.customerId;
    const lone = mock.subscriptions.get(subscription!.id)!;
    mock.subscriptions.set('77001', { ...lone, id: '77001', customerId: `${strangerCustomer}0` });
    for (const custom of [
      { keel_reference: paid.reference }, // already paid by its own customer
      { keel_reference: open.reference }, // a pro-yearly checkout; this is pro-monthly
      { keel_reference: randomUUID() }, // no checkout of Keel's
      { keel_reference: 'not-a-uuid' },
      { organization_id: paid.organization.id }, // anything else in custom data is ignored
      {},
    ])
      expect(await send('77001', custom)).toEqual(['unmatched']);
    expect(await state(paid.organization)).toEqual(paidBefore);
    expect(await state(open.organization)).toEqual(openBefore);
    const bound = await db
      .select()
      .from(billingCustomers)
      .where(and(eq(billingCustomers.provider, 'lemon-squeezy'), eq(billingCustomers.providerCustomerId, '77001')));
    expect(bound).toEqual([]);
  });

  it('an order of an unknown customer naming a one-off checkout already paid is refused', async () => {
    const bought = await organizationWithCheckout('onboarding-once');
    const { order } = mock.pay(bought.checkoutId);
    await driver.settled();
    await eventually(async () => (await state(bought.organization)).orders[0]);
    const before = await state(bought.organization);
    expect(before.checkouts[0]!.status).toBe('completed');
    // The same purchase replayed by someone else: their own customer, Keel's reference copied into custom data.
    const copy = { ...order, id: '88001', customerId: '88002', updatedAt: mock.now() };
    const webhook = mock.webhook('order_created', mock.orderResource(copy), { keel_reference: bought.reference });
    const response = await fetch(mock.webhookUrl, { method: 'POST', headers: webhook.headers, body: webhook.body });
    expect(((await response.json()) as { outcomes: string[] }).outcomes).toEqual(['unmatched']);
    expect(await state(bought.organization)).toEqual(before);
  });

  it('does not move the customer of an organization whose subscription is live', async () => {
    const { organization, checkoutId } = await organizationWithCheckout();
    mock.pay(checkoutId);
    await driver.settled();
    await eventually(async () => (await state(organization)).subscriptions[0]);
    const addOn = await startCheckout({
      organizationId: organization.id,
      organizationName: organization.name,
      userId: (await insertUser()).id,
      planId: 'onboarding-once',
      seats: 1,
      successUrl: 'http://localhost:3000/billing',
      cancelUrl: 'http://localhost:3000/billing',
    });
    if (!addOn.ok) throw new Error(addOn.reason);
    const before = await state(organization);
    mock.pay(addOn.checkoutId, { email: 'finance@example.com' });
    await driver.settled();
    const after = await state(organization);
    expect(after.customers).toEqual(before.customers);
    expect(after.orders).toEqual([]);
  });
});

/** Another checkout for an organization that has one (startCheckout expires the earlier one of its mode). */
async function anotherCheckout(organization: TestOrganization, planId: string) {
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: (await insertUser()).id,
    planId,
    seats: 2,
    successUrl: 'http://localhost:3000/billing',
    cancelUrl: 'http://localhost:3000/billing',
  });
  if (!started.ok) throw new Error(started.reason);
  const [checkout] = await db
    .select()
    .from(billingCheckouts)
    .where(eq(billingCheckouts.providerCheckoutId, started.checkoutId));
  return { checkoutId: started.checkoutId, reference: checkout!.id };
}

/** Webhooks the mock sends while `run` runs, held back (the test delivers them). */
async function heldWhile(run: () => void | Promise<void>) {
  await driver.settled();
  const from = mock.sent().length;
  mock.hold(true);
  try {
    await run();
  } finally {
    mock.hold(false);
  }
  return mock.sent().slice(from);
}

describe('a customer the buyer chose is applied only through a recent checkout of Keel’s', () => {
  it('a purchase through no checkout of Keel’s (a public buy link) with an organization’s email is refused', async () => {
    const victim = await organizationWithCheckout();
    mock.pay(victim.checkoutId);
    await driver.settled();
    const own = await eventually(async () => (await state(victim.organization)).subscriptions[0]);
    const before = await state(victim.organization);
    // An outsider types the victim's billing email on the variant's public buy link: the victim's customer, no
    // custom data. Keel must not add the subscription to the organization (nor end its trial, a repeat one).
    const template = mock.subscriptions.get(own.providerSubscriptionId)!;
    const trialEndsAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
    mock.subscriptions.set('77201', { ...template, id: '77201', status: 'on_trial', trialEndsAt, custom: null });
    const requestsBefore = mock.requests.length;
    const webhook = mock.webhook(
      'subscription_created',
      mock.subscriptionResource(mock.subscriptions.get('77201')!),
      null,
    );
    const response = await fetch(mock.webhookUrl, { method: 'POST', headers: webhook.headers, body: webhook.body });
    expect(((await response.json()) as { outcomes: string[] }).outcomes).toEqual(['unmatched']);
    expect(await state(victim.organization)).toEqual(before);
    expect(mock.requests.slice(requestsBefore).filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('a leaked reference binds no new customer once its checkout is expired, or older than its link pays', async () => {
    const replaced = await organizationWithCheckout();
    await anotherCheckout(replaced.organization, 'pro-monthly'); // expires the first one in Keel
    const old = await organizationWithCheckout();
    await db
      .update(billingCheckouts)
      .set({ createdAt: sql`now() - interval '4 hours'` })
      .where(eq(billingCheckouts.id, old.reference));
    for (const { organization, checkoutId } of [replaced, old]) {
      const before = await state(organization);
      mock.pay(checkoutId, { email: `thief-${checkoutId}@example.com` });
      await driver.settled();
      expect(await state(organization)).toEqual(before);
    }
  });

  it('two purchases with two new emails at once: one binds, the other is refused, none is stranded', async () => {
    const first = await organizationWithCheckout();
    const second = await anotherCheckout(first.organization, 'pro-monthly');
    // Both open at once (a second tab): each paid with a new email.
    await db.update(billingCheckouts).set({ status: 'open' }).where(eq(billingCheckouts.id, first.reference));
    const held = await heldWhile(() => {
      mock.pay(first.checkoutId, { email: 'one@example.com' });
      mock.pay(second.checkoutId, { email: 'two@example.com' });
    });
    expect(await Promise.all(held.map((webhook) => mock.deliver(webhook)))).toEqual(held.map(() => 200));
    const after = await state(first.organization);
    expect(after.subscriptions).toHaveLength(1);
    const bound = mock.subscriptions.get(after.subscriptions[0]!.providerSubscriptionId)!.customerId;
    expect(after.customers.map((customer) => customer.providerCustomerId)).toEqual([bound]);
  });

  it('after a legitimate move, the old customer’s earlier purchase is still the organization’s: its refund applies', async () => {
    const bought = await organizationWithCheckout('onboarding-once');
    const { order } = mock.pay(bought.checkoutId, { email: 'first-buyer@example.com' });
    await driver.settled();
    await eventually(async () => (await state(bought.organization)).orders[0]);
    const later = await anotherCheckout(bought.organization, 'pro-monthly');
    const { subscription } = mock.pay(later.checkoutId, { email: 'second-buyer@example.com' });
    await driver.settled();
    await eventually(async () => (await state(bought.organization)).subscriptions[0]);
    expect((await state(bought.organization)).customers.map((customer) => customer.providerCustomerId)).toEqual([
      subscription!.customerId,
    ]);
    mock.refund(order!.id);
    await driver.settled();
    expect((await state(bought.organization)).orders).toMatchObject([
      { providerOrderId: order!.id, status: 'refunded' },
    ]);
  });
});

describe('a provider whose customers Keel creates (Stripe)', () => {
  it('an order of a customer Keel never created is unmatched, whatever checkout its reference names', async () => {
    const owner = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const [customer] = await db
      .insert(billingCustomers)
      .values({ organizationId: organization.id, provider: 'stripe', providerCustomerId: 'cus_keels' })
      .returning();
    const [checkout] = await db
      .insert(billingCheckouts)
      .values({
        organizationId: organization.id,
        customerId: customer!.id,
        provider: 'stripe',
        providerCheckoutId: 'cs_open',
        mode: 'payment',
        planId: 'onboarding-once',
        seats: 1,
        createdById: owner.id,
      })
      .returning();
    const before = await state(organization);
    // A one-off Checkout Session's client_reference_id names Keel's open checkout; its customer is someone else's.
    const outcome = await applyBillingEvent('stripe', {
      kind: 'order',
      id: `evt_${randomUUID()}`,
      type: 'checkout.session.completed',
      occurredAt: new Date(),
      order: {
        id: 'cs_elsewhere',
        customerId: 'cus_stranger',
        planId: 'onboarding-once',
        status: 'paid',
        totalAmount: 29900,
        currency: 'usd',
        updatedAt: new Date(),
        checkoutReference: checkout!.id,
      },
    });
    expect(outcome).toBe('unmatched');
    expect(await state(organization)).toEqual(before);
  });
});
