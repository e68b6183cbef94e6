import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckout } from '@/features/billing/server';
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
