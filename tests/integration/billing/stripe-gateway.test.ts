import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { cancelSubscriptionsOf, gatewayFor, startCheckout } from '@/features/billing/server';
import {
  billingCheckouts,
  billingCustomers,
  billingOrders,
  billingSubscriptionItems,
  billingSubscriptions,
} from '@/features/billing/server/schema';
import { STRIPE_API_VERSION } from '@/features/billing/server/stripe/stripe-client';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { StripeDriver } from '../../support/billing/stripe-driver';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { eventually } from './local-deliveries';

/**
 * The Stripe gateway against a local mock of Stripe's API (tests/support/billing/stripe-mock.ts): each call
 * reaches Stripe with the parameters Stripe documents, and what the buyer and Stripe then do comes back
 * through signed webhooks to the real endpoint, into the organization's subscription or order.
 */

const ORIGIN = 'http://localhost:3000';
const driver = new StripeDriver();
await driver.start();
afterAll(() => driver.stop());
const { mock } = driver;

const owner = await insertUser({ name: 'Stella Stripe', email: `stella-${Date.now()}@example.com` });
const gateway = () => gatewayFor('stripe')!;

async function checkout(organization: TestOrganization, planId: string, seats = 3) {
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId,
    seats,
    successUrl: `${ORIGIN}/dashboard/${organization.slug}/billing?checkout=done`,
    cancelUrl: `${ORIGIN}/dashboard/${organization.slug}/billing/plans`,
  });
  if (!started.ok) throw new Error(started.reason);
  return started;
}

const subscriptionOf = (organization: TestOrganization) =>
  db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.organizationId, organization.id))
    .then(([row]) => row);

const seatsOf = async (organization: TestOrganization) => {
  const row = await subscriptionOf(organization);
  const [item] = await db
    .select()
    .from(billingSubscriptionItems)
    .where(and(eq(billingSubscriptionItems.subscriptionId, row!.id), eq(billingSubscriptionItems.lineItemId, 'seats')));
  return item?.quantity;
};

/** A paid pro-monthly subscription, its webhooks applied. */
async function subscribed(planId = 'pro-monthly', seats = 3) {
  const organization = await makeOrganization([[owner, 'owner']]);
  const { checkoutId } = await checkout(organization, planId, seats);
  const { subscription } = mock.payCheckout(checkoutId);
  await driver.settled();
  await eventually(() => subscriptionOf(organization));
  return { organization, checkoutId, subscriptionId: subscription! };
}

describe('the Stripe gateway', () => {
  it('creates one customer per organization, and a checkout with the trial, the seats and the reference', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const first = await checkout(organization, 'pro-monthly', 4);
    const [customerCall, ...others] = mock.requestsTo('POST', /^\/v1\/customers$/).slice(-1);
    expect(others).toEqual([]);
    expect(customerCall).toMatchObject({
      idempotencyKey: `customer-${organization.id}`,
      stripeVersion: STRIPE_API_VERSION,
      params: { name: organization.name, email: owner.email, metadata: { keel_organization_id: organization.id } },
    });
    const [customer] = await db
      .select()
      .from(billingCustomers)
      .where(eq(billingCustomers.organizationId, organization.id));
    const [row] = await db
      .select()
      .from(billingCheckouts)
      .where(eq(billingCheckouts.providerCheckoutId, first.checkoutId));
    const sessionCall = mock.requestsTo('POST', /^\/v1\/checkout\/sessions$/).at(-1)!;
    expect(sessionCall.idempotencyKey).toBe(`checkout-${row!.id}`);
    expect(sessionCall.params).toMatchObject({
      mode: 'subscription',
      customer: customer!.providerCustomerId,
      client_reference_id: row!.id,
      line_items: [{ price: driver.priceId('pro-monthly', 'seats'), quantity: '4' }],
      subscription_data: { trial_period_days: '14', metadata: { keel_reference: row!.id } },
      success_url: `${ORIGIN}/dashboard/${organization.slug}/billing?checkout=done`,
    });
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);

    // A second checkout of the same organization reuses its customer and expires the first session.
    await checkout(organization, 'pro-yearly', 4);
    expect(
      mock.requestsTo('POST', /^\/v1\/customers$/).filter((r) => r.idempotencyKey === customerCall!.idempotencyKey),
    ).toHaveLength(1);
    expect(mock.sessions.get(first.checkoutId)!.status).toBe('expired');
  });

  it('pays a checkout: the webhooks complete it and give the organization its trialing subscription', async () => {
    const { organization, checkoutId, subscriptionId } = await subscribed('pro-monthly', 3);
    const row = await subscriptionOf(organization);
    expect(row).toMatchObject({ provider: 'stripe', providerSubscriptionId: subscriptionId, status: 'trialing' });
    expect(row!.planId).toBe('pro-monthly');
    expect(await seatsOf(organization)).toBe(3);
    const [checkoutRow] = await db
      .select()
      .from(billingCheckouts)
      .where(eq(billingCheckouts.providerCheckoutId, checkoutId));
    expect(checkoutRow!.status).toBe('completed');
    expect(mock.deliveries.every((delivery) => delivery.status === 200)).toBe(true);
  });

  it('changes the plan with proration, updates seats, cancels at period end and resumes', async () => {
    const { organization, subscriptionId } = await subscribed('pro-monthly', 3);
    const itemId = (mock.subscription(subscriptionId).items as { data: { id: string }[] }).data[0]!.id;

    await gateway().changePlan({ subscriptionId, planId: 'pro-yearly' });
    expect(mock.requestsTo('POST', new RegExp(`^/v1/subscriptions/${subscriptionId}$`)).at(-1)!.params).toEqual({
      items: [{ id: itemId, price: driver.priceId('pro-yearly', 'seats'), quantity: '3' }],
      proration_behavior: 'create_prorations',
    });
    await driver.settled();
    expect((await subscriptionOf(organization))!.planId).toBe('pro-yearly');

    await gateway().updateSeats({ subscriptionId, seats: 5 });
    expect(mock.requestsTo('POST', new RegExp(`^/v1/subscription_items/${itemId}$`)).at(-1)!.params).toEqual({
      quantity: '5',
      proration_behavior: 'create_prorations',
    });
    await driver.settled();
    expect(await seatsOf(organization)).toBe(5);

    await gateway().setCancelAtPeriodEnd({ subscriptionId, cancel: true });
    await driver.settled();
    expect((await subscriptionOf(organization))!.cancelAtPeriodEnd).toBe(true);
    await gateway().setCancelAtPeriodEnd({ subscriptionId, cancel: false });
    expect(mock.requestsTo('POST', new RegExp(`^/v1/subscriptions/${subscriptionId}$`)).at(-1)!.params).toEqual({
      cancel_at_period_end: 'false',
    });
    await driver.settled();
    expect((await subscriptionOf(organization))!.cancelAtPeriodEnd).toBe(false);
  });

  it('a declined renewal is past due, a fixed card active again; cancelling now ends it, twice is fine', async () => {
    const { organization, subscriptionId } = await subscribed();
    mock.renew(subscriptionId, 'declined');
    await driver.settled();
    expect((await subscriptionOf(organization))!.status).toBe('past_due');
    mock.recover(subscriptionId);
    await driver.settled();
    expect((await subscriptionOf(organization))!.status).toBe('active');

    await gateway().cancelNow({ subscriptionId });
    expect(mock.requestsTo('DELETE', new RegExp(`^/v1/subscriptions/${subscriptionId}$`)).at(-1)!.params).toEqual({
      invoice_now: 'false',
      prorate: 'false',
    });
    await driver.settled();
    expect((await subscriptionOf(organization))!.status).toBe('canceled');
    await expect(gateway().cancelNow({ subscriptionId })).resolves.toBeUndefined();
  });

  it('a late subscription event never brings a canceled subscription back', async () => {
    const { organization, subscriptionId } = await subscribed();
    await gateway().setCancelAtPeriodEnd({ subscriptionId, cancel: true });
    await driver.settled();
    const update = mock.sent
      .filter(
        (sent) =>
          sent.event.type === 'customer.subscription.updated' &&
          (sent.event.data as { object: { id: string } }).object.id === subscriptionId,
      )
      .at(-1)!;
    await gateway().cancelNow({ subscriptionId });
    await driver.settled();
    expect((await subscriptionOf(organization))!.status).toBe('canceled');

    // The same update delivered again, and a new event carrying the subscription as it was before the cancel.
    expect(await driver.deliver(update)).toBe(200);
    const stale = mock.emit(
      'customer.subscription.updated',
      (update.event.data as { object: Record<string, unknown> }).object,
    );
    await driver.settled();
    expect(stale.event.id).not.toBe(update.event.id);
    const row = (await subscriptionOf(organization))!;
    expect(row.status).toBe('canceled');
    expect(row.cancelAtPeriodEnd).toBe(false);
  });

  it('reports metered usage to the price’s Billing Meter, once per usage record', async () => {
    // The hidden team-2025 plan is not for sale any more: its checkout is made here as when it was.
    const organization = await makeOrganization([[owner, 'owner']]);
    const customerId = (
      await gateway().createCustomer({
        organizationId: organization.id,
        name: organization.name,
        email: null,
        idempotencyKey: `customer-${organization.id}`,
      })
    ).customerId;
    const { checkoutId } = await gateway().createCheckout({
      customerId,
      mode: 'subscription',
      planId: 'team-2025-monthly',
      seats: 1,
      trialDays: 0,
      reference: crypto.randomUUID(),
      successUrl: `${ORIGIN}/done`,
      cancelUrl: `${ORIGIN}/cancel`,
      idempotencyKey: `checkout-${crypto.randomUUID()}`,
    });
    const sessionCall = mock.requestsTo('POST', /^\/v1\/checkout\/sessions$/).at(-1)!;
    expect(sessionCall.params.line_items).toEqual([
      { price: driver.priceId('team-2025-monthly', 'base'), quantity: '1' },
      { price: driver.priceId('team-2025-monthly', 'tasks') },
    ]);
    expect(sessionCall.params).not.toHaveProperty('subscription_data.trial_period_days');
    const { subscription } = mock.payCheckout(checkoutId);
    const usage = {
      subscriptionId: subscription!,
      lineItemId: 'tasks',
      quantity: 7,
      idempotencyKey: crypto.randomUUID(),
    };
    await gateway().reportUsage(usage);
    expect(mock.meterEvents.at(-1)).toMatchObject({
      event_name: 'keel_tasks',
      identifier: usage.idempotencyKey,
      payload: { stripe_customer_id: customerId, value: '7' },
    });
    // The usage job's retry after a rollback sends the same record: the SDK's key replays Stripe's answer.
    await gateway().reportUsage(usage);
    expect(mock.meterEvents.filter((event) => event.identifier === usage.idempotencyKey)).toHaveLength(1);
    expect(await gateway().retrieveSubscription(subscription!)).toMatchObject({
      planId: 'team-2025-monthly',
      items: [
        { lineItemId: 'base', type: 'flat', quantity: 1 },
        { lineItemId: 'tasks', type: 'metered', quantity: 0 },
      ],
    });
  });

  it('sells the one-off add-on: paid, then refunded, into the organization’s order', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const { checkoutId } = await checkout(organization, 'onboarding-once');
    expect(mock.requestsTo('POST', /^\/v1\/checkout\/sessions$/).at(-1)!.params).toMatchObject({
      mode: 'payment',
      line_items: [{ price: driver.priceId('onboarding-once', 'session'), quantity: '1' }],
      payment_intent_data: { metadata: { keel_plan_id: 'onboarding-once' } },
      invoice_creation: { enabled: 'true' },
    });
    mock.payCheckout(checkoutId);
    await driver.settled();
    const orderOf = () =>
      db
        .select()
        .from(billingOrders)
        .where(eq(billingOrders.organizationId, organization.id))
        .then(([row]) => row);
    expect(await orderOf()).toMatchObject({ providerOrderId: checkoutId, status: 'paid', totalAmount: 29900 });
    mock.refund(checkoutId);
    await driver.settled();
    expect((await orderOf())!.status).toBe('refunded');
    // Its invoice is listed for the billing page.
    const [customer] = await db
      .select()
      .from(billingCustomers)
      .where(eq(billingCustomers.organizationId, organization.id));
    const invoices = await gateway().listInvoices({ customerId: customer!.providerCustomerId, limit: 10 });
    expect(invoices).toEqual([
      expect.objectContaining({
        status: 'paid',
        totalAmount: 29900,
        currency: 'usd',
        url: expect.stringMatching(/^https:/),
      }),
    ]);
  });

  it('a bank debit: pending while it clears, failed when refused', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const { checkoutId } = await checkout(organization, 'onboarding-once');
    mock.payCheckout(checkoutId, { async: true });
    await driver.settled();
    const status = () =>
      db
        .select({ status: billingOrders.status })
        .from(billingOrders)
        .where(eq(billingOrders.providerOrderId, checkoutId))
        .then(([row]) => row?.status);
    expect(await status()).toBe('pending');
    mock.settleAsyncPayment(checkoutId, false);
    await driver.settled();
    expect(await status()).toBe('failed');
  });

  it('opens the Billing Portal, expires checkouts, retrieves and lists subscriptions (unknown: null)', async () => {
    const { organization, subscriptionId } = await subscribed();
    const [customer] = await db
      .select()
      .from(billingCustomers)
      .where(eq(billingCustomers.organizationId, organization.id));
    const { url } = await gateway().createPortalSession({
      customerId: customer!.providerCustomerId,
      returnUrl: `${ORIGIN}/dashboard/${organization.slug}/billing`,
    });
    expect(url).toMatch(/^https:\/\/billing\.stripe\.com\//);
    const portalCall = mock.requestsTo('POST', /^\/v1\/billing_portal\/sessions$/).at(-1)!;
    expect(portalCall.params).toEqual({
      customer: customer!.providerCustomerId,
      return_url: `${ORIGIN}/dashboard/${organization.slug}/billing`,
    });
    expect(portalCall.idempotencyKey).toMatch(/^portal-/);

    const open = await checkout(await makeOrganization([[owner, 'owner']]), 'onboarding-once');
    await gateway().expireCheckout({ checkoutId: open.checkoutId });
    expect(mock.sessions.get(open.checkoutId)!.status).toBe('expired');
    const paid = [...mock.sessions.values()].find((session) => session.subscription === subscriptionId)!;
    await expect(gateway().expireCheckout({ checkoutId: paid.id as string })).resolves.toBeUndefined();
    expect(paid.status).toBe('complete');

    expect(await gateway().retrieveSubscription('sub_test_unknown')).toBeNull();
    const listed = await gateway().listSubscriptions({ customerId: customer!.providerCustomerId });
    expect(listed.map((subscription) => subscription.id)).toEqual([subscriptionId]);
    expect(listed[0]).toMatchObject({
      customerId: customer!.providerCustomerId,
      planId: 'pro-monthly',
      status: 'trialing',
    });
  });

  it('Stripe’s refusals become BILLING_PROVIDER_FAILED, and deleting an organization stops on them', async () => {
    const { organization, subscriptionId } = await subscribed();
    mock.failNext('POST', /^\/v1\/subscriptions\//, 402, {
      type: 'card_error',
      code: 'card_declined',
      message: 'Your card was declined.',
    });
    const refused = await gateway()
      .changePlan({ subscriptionId, planId: 'pro-yearly' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('BILLING_PROVIDER_FAILED');
    expect(mock.subscription(subscriptionId).items).toMatchObject({
      data: [{ price: { id: driver.priceId('pro-monthly', 'seats') } }],
    });

    mock.failNext('DELETE', /^\/v1\/subscriptions\//, 400, {
      type: 'invalid_request_error',
      message: 'This account cannot cancel subscriptions right now.',
    });
    const stopped = await db
      .transaction((tx) => cancelSubscriptionsOf(tx, organization.id))
      .catch((error: unknown) => error);
    expect(stopped).toMatchObject({ code: 'BILLING_PROVIDER_FAILED', messageKey: 'planLimits.cancelFailed' });
    expect(mock.subscription(subscriptionId).status).toBe('trialing');
  });
});
