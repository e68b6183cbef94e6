import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { activeGateway, startCheckout } from '@/features/billing/server';
import { billingCheckouts, billingCustomers, billingSubscriptions } from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { LemonSqueezyDriver } from '../../support/billing/lemon-squeezy-driver';
import { eventually } from './local-deliveries';

/**
 * The Lemon Squeezy adapter through the official SDK against the local mock of its API (decision 0046):
 * each gateway call reaches the mock as Lemon Squeezy documents it, and what the mock then sends back as
 * webhooks reaches the organization's records through the real endpoint.
 */

const driver = new LemonSqueezyDriver();
await driver.start();
afterAll(() => driver.stop());
const { mock } = driver;

const ORIGIN = 'http://localhost:3000';
const owner = await insertUser({ name: 'Lena Lemon' });

async function checkout(organization: TestOrganization, planId = 'pro-monthly', seats = 3) {
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId,
    seats,
    successUrl: `${ORIGIN}/dashboard/${organization.slug}/billing?checkout={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${ORIGIN}/dashboard/${organization.slug}/billing`,
  });
  if (!started.ok) throw new Error(started.reason);
  return started.checkoutId;
}

const subscriptionOf = (organization: TestOrganization) =>
  db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.organizationId, organization.id))
    .then((rows) => rows[0]);

async function subscribed(organization: TestOrganization, status?: string) {
  await driver.settled();
  return eventually(async () => {
    const row = await subscriptionOf(organization);
    return row && (!status || row.status === status) ? row : null;
  });
}

const customerOf = async (organization: TestOrganization) =>
  (
    await db
      .select()
      .from(billingCustomers)
      .where(and(eq(billingCustomers.organizationId, organization.id), eq(billingCustomers.provider, 'lemon-squeezy')))
  )[0]!;

const lastRequest = (method: string, path: string) =>
  [...mock.requests].reverse().find((request) => request.method === method && request.path.startsWith(path));

describe('the Lemon Squeezy gateway', () => {
  it('creates the customer and a checkout carrying only Keel’s reference, prefilled, per seat', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const checkoutId = await checkout(organization, 'pro-monthly', 4);
    const customer = await customerOf(organization);
    expect(mock.customers.get(customer.providerCustomerId)).toMatchObject({ email: owner.email });
    const [row] = await db.select().from(billingCheckouts).where(eq(billingCheckouts.providerCheckoutId, checkoutId));
    const request = lastRequest('POST', '/v1/checkouts')!;
    const data = request.body!.data as {
      attributes: { checkout_data: Record<string, unknown>; product_options: Record<string, unknown> };
      relationships: { variant: { data: { id: string } }; store: { data: { id: string } } };
    };
    const variant = driver.variants.get('pro-monthly/seats')!;
    expect(data.relationships.variant.data.id).toBe(variant);
    expect(data.relationships.store.data.id).toBe(mock.storeId);
    expect(data.attributes.checkout_data).toEqual({
      email: owner.email,
      custom: { keel_reference: row!.id },
      variant_quantities: [{ variant_id: Number(variant), quantity: 4 }],
    });
    expect(data.attributes.product_options.redirect_url).toBe(
      `${ORIGIN}/dashboard/${organization.slug}/billing?checkout=${row!.id}`,
    );
    expect(mock.checkouts.get(checkoutId)!.expiresAt).not.toBeNull();
  });

  it('runs a subscription: paid, plan and seats changed, cancelled and resumed, declined and recovered', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    driver.payCheckout(await checkout(organization, 'pro-monthly', 3));
    const trialing = await subscribed(organization, 'trialing');
    expect(trialing).toMatchObject({ planId: 'pro-monthly', cancelAtPeriodEnd: false });
    const gateway = activeGateway();
    const id = trialing.providerSubscriptionId;

    await gateway.changePlan({ subscriptionId: id, planId: 'pro-yearly' });
    expect(lastRequest('PATCH', `/v1/subscriptions/${id}`)!.body).toMatchObject({
      data: { type: 'subscriptions', id, attributes: { variant_id: Number(driver.variants.get('pro-yearly/seats')) } },
    });
    await driver.settled();
    await eventually(async () => (await subscriptionOf(organization))?.planId === 'pro-yearly');

    await gateway.updateSeats({ subscriptionId: id, seats: 7 });
    const item = mock.subscriptions.get(id)!.itemId;
    expect(lastRequest('PATCH', `/v1/subscription-items/${item}`)!.body).toMatchObject({
      data: { type: 'subscription-items', id: item, attributes: { quantity: 7 } },
    });
    expect(mock.subscriptions.get(id)!.quantity).toBe(7);

    await gateway.setCancelAtPeriodEnd({ subscriptionId: id, cancel: true });
    expect(lastRequest('DELETE', `/v1/subscriptions/${id}`)).toBeDefined();
    await driver.settled();
    await eventually(async () => (await subscriptionOf(organization))?.cancelAtPeriodEnd === true);
    await gateway.setCancelAtPeriodEnd({ subscriptionId: id, cancel: false });
    expect(lastRequest('PATCH', `/v1/subscriptions/${id}`)!.body).toMatchObject({
      data: { attributes: { cancelled: false } },
    });
    await driver.settled();
    await eventually(async () => (await subscriptionOf(organization))?.cancelAtPeriodEnd === false);

    await driver.renew(id, 'declined');
    await subscribed(organization, 'past_due');
    await driver.recover(id);
    const recovered = await subscribed(organization, 'active');
    expect(recovered.planId).toBe('pro-yearly');

    const seen = await gateway.retrieveSubscription(id);
    expect(seen).toMatchObject({ id, status: 'active', planId: 'pro-yearly' });
    expect(seen!.items).toEqual([
      { lineItemId: 'seats', type: 'per_seat', priceId: driver.variants.get('pro-yearly/seats'), quantity: 7 },
    ]);
    expect(await gateway.retrieveSubscription('999999')).toBeNull();
    const customer = await customerOf(organization);
    expect((await gateway.listSubscriptions({ customerId: customer.providerCustomerId })).map((one) => one.id)).toEqual(
      [id],
    );
    const invoices = await gateway.listInvoices({ customerId: customer.providerCustomerId, limit: 10 });
    // A trial's first charge is the renewal declined then recovered; the subscription's order is not listed twice.
    expect(invoices.map((invoice) => invoice.status)).toEqual(['paid']);
    expect(invoices.every((invoice) => invoice.currency === 'usd')).toBe(true);
    const portal = await gateway.createPortalSession({ customerId: customer.providerCustomerId, returnUrl: ORIGIN });
    expect(portal.url).toBe(`https://keel-test.lemonsqueezy.com/billing?c=${customer.providerCustomerId}`);

    await gateway.cancelNow({ subscriptionId: id });
    expect(mock.subscriptions.get(id)).toMatchObject({ status: 'cancelled', cancelled: true });
    mock.expire(id);
    await subscribed(organization, 'canceled');
  });

  it('ends a trial Lemon Squeezy’s variant gives when Keel decided none (a repeat customer)', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    driver.payCheckout(await checkout(organization));
    const first = await subscribed(organization, 'trialing');
    await activeGateway().cancelNow({ subscriptionId: first.providerSubscriptionId });
    mock.expire(first.providerSubscriptionId);
    await subscribed(organization, 'canceled');

    driver.payCheckout(await checkout(organization));
    await driver.settled();
    const second = await eventually(async () => {
      const rows = await db
        .select()
        .from(billingSubscriptions)
        .where(eq(billingSubscriptions.organizationId, organization.id));
      return rows.find((row) => row.id !== first.id && row.status === 'active');
    });
    expect(second.trialEndsAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(lastRequest('PATCH', `/v1/subscriptions/${second.providerSubscriptionId}`)!.body).toMatchObject({
      data: { attributes: { trial_ends_at: expect.any(String) } },
    });
  });

  it('a subscription on a variant gone from the catalogue is an error, never "Lemon Squeezy does not know it"', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    driver.payCheckout(await checkout(organization));
    const row = await subscribed(organization, 'trialing');
    // A grandfathered subscriber: the variant still bills at Lemon Squeezy, Keel's configuration no longer names it.
    mock.addVariant({ id: '79999', interval: 'month', trialDays: 0, usageBased: false, price: 900 });
    mock.subscriptions.get(row.providerSubscriptionId)!.variantId = '79999';
    const gateway = activeGateway();
    await expect(gateway.retrieveSubscription(row.providerSubscriptionId)).rejects.toThrow(/get subscription/);
    // Only a 404 is a subscription Lemon Squeezy does not know (reconciliation then ends it in Keel).
    await expect(gateway.retrieveSubscription('424242')).resolves.toBeNull();
  });

  it('reports usage to a usage-based item, and refuses one the subscription does not have', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    driver.payCheckout(await checkout(organization));
    const row = await subscribed(organization, 'trialing');
    const gateway = activeGateway();
    const id = row.providerSubscriptionId;
    await expect(
      gateway.reportUsage({ subscriptionId: id, lineItemId: 'tasks', quantity: 3, idempotencyKey: 'u1' }),
    ).rejects.toThrow(/usage record/);
    // A legacy subscription on the usage-based variant (Lemon Squeezy charges one variant per subscription).
    mock.subscriptions.get(id)!.variantId = driver.variants.get('team-2025-monthly/tasks')!;
    await gateway.reportUsage({ subscriptionId: id, lineItemId: 'tasks', quantity: 3, idempotencyKey: 'u2' });
    expect(mock.usageRecords.at(-1)).toMatchObject({
      subscriptionItemId: mock.subscriptions.get(id)!.itemId,
      quantity: 3,
    });
    expect(lastRequest('POST', '/v1/usage-records')!.body).toMatchObject({
      data: { type: 'usage-records', attributes: { quantity: 3, action: 'increment' } },
    });
  });

  it('records a one-off purchase and its refund', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const paid = mock.pay(await checkout(organization, 'onboarding-once'));
    await driver.settled();
    const { billingOrders } = await import('@/features/billing/server/schema');
    const order = await eventually(
      async () => (await db.select().from(billingOrders).where(eq(billingOrders.organizationId, organization.id)))[0],
    );
    expect(order).toMatchObject({ planId: 'onboarding-once', status: 'paid', totalAmount: 29900, currency: 'usd' });
    mock.refund(paid.order.id);
    await driver.settled();
    await eventually(async () =>
      (await db.select().from(billingOrders).where(eq(billingOrders.organizationId, organization.id))).find(
        (row) => row.status === 'refunded',
      ),
    );
  });

  it('routes Lemon Squeezy’s origin alone to the mock: other requests go where they were sent', async () => {
    await activeGateway().retrieveSubscription('31337');
    const seen = mock.requests.length;
    const response = await fetch('https://api.lemonsqueezy.com/v1/subscriptions/31337', {
      headers: { authorization: 'Bearer ls-test-key' },
    });
    expect(response.status).toBe(404);
    expect(mock.requests.slice(seen)).toEqual([{ method: 'GET', path: '/v1/subscriptions/31337', body: null }]);
    // The app's webhook endpoint, on another local origin, is reached directly (an empty body: refused).
    const other = await fetch(mock.webhookUrl, { method: 'POST', body: '{}' });
    expect(other.status).toBe(400);
    expect(mock.requests.length).toBe(seen + 1);
  });

  it('turns a failed call into a thrown error that names no secret', async () => {
    const error: unknown = await activeGateway()
      .changePlan({ subscriptionId: '424242', planId: 'pro-monthly' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Lemon Squeezy change variant failed \(404\)/);
    expect(JSON.stringify(error)).not.toContain('ls-test-key');
  });
});
