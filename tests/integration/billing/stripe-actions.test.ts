import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  activeGateway,
  cancelSubscriptionAction,
  changePlanAction,
  openBillingPortalAction,
  recordUsage,
  reportUsage,
  startCheckout,
} from '@/features/billing/server';
import { billingCustomers, billingSubscriptions, billingUsageRecords } from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { StripeDriver } from '../../support/billing/stripe-driver';
import { expectRefusal, makeOrganization } from '../../support/organizations';
import { createVerifiedUser } from '../../support/users';

/**
 * The billing actions and jobs on Stripe, through the same pipeline as a browser's post: they reach the
 * mock of Stripe's API, and Stripe's refusals reach the user as BILLING_PROVIDER_FAILED with its calm,
 * translated message — nothing changed at Stripe or in Keel.
 */

const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock('next/cache', () => cache);

const driver = new StripeDriver();
await driver.start();
afterAll(() => driver.stop());
const { mock } = driver;

const owner = await createVerifiedUser({ name: 'Pia Provider' });

async function subscribedOrganization(planId: string) {
  const organization = await makeOrganization([[owner, 'owner']]);
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId,
    seats: 1,
    successUrl: 'http://localhost:3000/done',
    cancelUrl: 'http://localhost:3000/cancel',
  });
  if (!started.ok) throw new Error(started.reason);
  const { subscription } = mock.payCheckout(started.checkoutId);
  await driver.settled();
  return { organization, subscriptionId: subscription! };
}

const planOf = (organizationId: string) =>
  db
    .select({ planId: billingSubscriptions.planId, cancelAtPeriodEnd: billingSubscriptions.cancelAtPeriodEnd })
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.organizationId, organizationId))
    .then(([row]) => row);

describe('the billing actions on Stripe', () => {
  it('change the plan and cancel at Stripe; the webhooks bring the change back', async () => {
    const { organization } = await subscribedOrganization('pro-monthly');
    expect(
      await owner.visitor.run(changePlanAction, { organizationId: organization.id, planId: 'pro-yearly' }),
    ).toEqual({ ok: true, data: { planId: 'pro-yearly' } });
    expect(await owner.visitor.run(cancelSubscriptionAction, { organizationId: organization.id })).toMatchObject({
      ok: true,
    });
    await driver.settled();
    expect(await planOf(organization.id)).toEqual({ planId: 'pro-yearly', cancelAtPeriodEnd: true });
  });

  it('answer BILLING_PROVIDER_FAILED, calmly, when Stripe refuses; nothing changes', async () => {
    const { organization, subscriptionId } = await subscribedOrganization('pro-monthly');
    mock.failNext('POST', /^\/v1\/subscriptions\//, 402, {
      type: 'card_error',
      code: 'card_declined',
      message: 'Your card was declined.',
    });
    const refused = await owner.visitor.run(changePlanAction, {
      organizationId: organization.id,
      planId: 'pro-yearly',
    });
    expectRefusal(refused, 'BILLING_PROVIDER_FAILED', { key: 'BILLING_PROVIDER_FAILED' });
    expect(refused).toMatchObject({ error: { status: 502 } });
    mock.failNext('POST', /^\/v1\/billing_portal\/sessions$/, 500, {
      type: 'api_error',
      message: 'An unknown error occurred.',
    });
    mock.failNext('POST', /^\/v1\/billing_portal\/sessions$/, 500, { type: 'api_error', message: 'Again.' });
    mock.failNext('POST', /^\/v1\/billing_portal\/sessions$/, 500, { type: 'api_error', message: 'And again.' });
    expectRefusal(
      await owner.visitor.run(openBillingPortalAction, { organizationId: organization.id }),
      'BILLING_PROVIDER_FAILED',
      { key: 'BILLING_PROVIDER_FAILED' },
    );
    await driver.settled();
    expect(await planOf(organization.id)).toEqual({ planId: 'pro-monthly', cancelAtPeriodEnd: false });
    expect(mock.subscription(subscriptionId).items).toMatchObject({
      data: [{ price: { id: driver.priceId('pro-monthly', 'seats') } }],
    });
  });
});

describe('metered usage on Stripe', () => {
  it('the usage job reports each recorded unit to the Billing Meter once, keyed by the usage record', async () => {
    // team-2025 is hidden (not for sale): its subscribers got it before; the checkout is made as then.
    const organization = await makeOrganization([[owner, 'owner']]);
    const gatewayCheckout = await startCheckout({
      organizationId: organization.id,
      organizationName: organization.name,
      userId: owner.id,
      planId: 'team-2025-monthly',
      seats: 1,
      successUrl: 'http://localhost:3000/done',
      cancelUrl: 'http://localhost:3000/cancel',
    });
    expect(gatewayCheckout).toEqual({ ok: false, reason: 'not-for-sale' });
    const { customerId } = await activeGateway().createCustomer({
      organizationId: organization.id,
      name: organization.name,
      email: null,
      idempotencyKey: `customer-${organization.id}`,
    });
    await db
      .insert(billingCustomers)
      .values({ organizationId: organization.id, provider: 'stripe', providerCustomerId: customerId });
    const { checkoutId } = await activeGateway().createCheckout({
      customerId,
      mode: 'subscription',
      planId: 'team-2025-monthly',
      seats: 1,
      trialDays: 0,
      reference: crypto.randomUUID(),
      successUrl: 'http://localhost:3000/done',
      cancelUrl: 'http://localhost:3000/cancel',
      idempotencyKey: `checkout-${crypto.randomUUID()}`,
    });
    mock.payCheckout(checkoutId);
    await driver.settled();
    expect(await planOf(organization.id)).toMatchObject({ planId: 'team-2025-monthly' });

    const recorded = await db.transaction(async (tx) => {
      await recordUsage(tx, organization.id, 'tasks', 'task-1');
      await recordUsage(tx, organization.id, 'tasks', 'task-2', 2);
      return recordUsage(tx, organization.id, 'tasks', 'task-1');
    });
    expect(recorded).toBe(true);
    const context = { attempt: 1, maxAttempts: 1, jobId: 'stripe-usage', logger };
    await reportUsage.run({}, context);
    await reportUsage.run({}, context);
    const records = await db
      .select()
      .from(billingUsageRecords)
      .where(eq(billingUsageRecords.organizationId, organization.id));
    expect(records.every((record) => record.reportedAt !== null)).toBe(true);
    const sent = mock.meterEvents.filter((event) => records.some((record) => record.id === event.identifier));
    expect(sent.map((event) => event.payload)).toEqual(
      expect.arrayContaining([
        { stripe_customer_id: customerId, value: '1' },
        { stripe_customer_id: customerId, value: '2' },
      ]),
    );
    expect(sent).toHaveLength(2);
  });
});
