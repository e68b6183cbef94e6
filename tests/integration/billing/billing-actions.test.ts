import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  applyBillingEvent,
  buyAddOnAction,
  cancelSubscriptionAction,
  changePlanAction,
  completeLocalCheckout,
  findLocalCheckout,
  localGateway,
  openBillingPortalAction,
  payLocalCheckoutAction,
  requestedChange,
  resumeSubscriptionAction,
  signLocalPayload,
  startCheckout,
  startCheckoutAction,
} from '@/features/billing/server';
import {
  billingCheckouts,
  billingCustomers,
  billingSubscriptions,
  localGatewayCheckouts,
  localGatewayEvents,
  localGatewayInvoices,
  localGatewayOrders,
  localGatewaySubscriptions,
} from '@/features/billing/server/schema';
import { deleteOrganization } from '@/features/organizations/server';
import { db } from '@/platform/db/client';
import {
  expectFieldRefusal,
  expectRefusal,
  insertUser,
  makeOrganization,
  type TestOrganization,
} from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { Visitor } from '../../support/visitor';

/**
 * The billing actions through the same pipeline as a browser's post (CSRF, validation, rate limit,
 * the billing.manage guard). They only ask the gateway: what they did is read from the local
 * gateway's own records (local_gateway_*); our tables change when its events are delivered, which
 * these tests do by hand (the job queue's delivery is tested in webhooks.test.ts).
 */

const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock('next/cache', () => cache);

let owner: TestUser;
let admin: TestUser;
let member: TestUser;
let outsider: TestUser;
/** Owns the organizations of the hosted checkout's tests: checkouts are rate limited per session. */
let buyer: TestUser;

beforeAll(async () => {
  [owner, admin, member, outsider, buyer] = await Promise.all([
    createVerifiedUser({ name: 'Olga Owner' }),
    createVerifiedUser({ name: 'Adam Admin' }),
    createVerifiedUser({ name: 'Mia Member', locale: 'es' }),
    createVerifiedUser({ name: 'Otto Outsider' }),
    createVerifiedUser({ name: 'Bea Buyer' }),
  ]);
});

/** An organization with an owner, an admin, a member and one listed person: four members. */
async function organization(by: TestUser = owner): Promise<TestOrganization> {
  const listed = await insertUser();
  return makeOrganization([
    [by, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
    [listed, 'member'],
  ]);
}

/** Delivers the local gateway's undelivered events to our webhook processing, signed as it signs them. */
async function deliverEvents() {
  const events = await db
    .select()
    .from(localGatewayEvents)
    .where(isNull(localGatewayEvents.deliveredAt))
    .orderBy(asc(localGatewayEvents.createdAt));
  for (const event of events) {
    const body = JSON.stringify(event.payload);
    for (const parsed of await localGateway.verifyWebhook(
      body,
      new Headers({ 'keel-signature': signLocalPayload(body) }),
    ))
      await applyBillingEvent('local', parsed);
    await db.update(localGatewayEvents).set({ deliveredAt: new Date() }).where(eq(localGatewayEvents.id, event.id));
  }
}

const checkoutIdOf = (url: string) => url.split('/').pop()!;

/** Starts a checkout as the owner and returns the local gateway's checkout id. */
async function checkout(
  org: TestOrganization,
  input: Record<string, unknown> = { planId: 'pro-monthly' },
  by: TestUser = owner,
) {
  const outcome = await by.visitor.run(startCheckoutAction, { organizationId: org.id, ...input });
  if (!('redirect' in outcome)) throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  return checkoutIdOf(outcome.redirect);
}

/** An organization subscribed to Pro monthly through the local checkout, events delivered. */
async function subscribed() {
  const org = await organization();
  const id = await checkout(org);
  expect(await completeLocalCheckout(id, 'succeeds')).toMatchObject({ ok: true });
  await deliverEvents();
  const [subscription] = await db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.organizationId, org.id));
  return { org, subscription: subscription! };
}

const gatewaySubscription = async (id: string) =>
  (await db.select().from(localGatewaySubscriptions).where(eq(localGatewaySubscriptions.id, id)))[0]!;

describe('starting a checkout', () => {
  it('sends an owner or admin to the hosted checkout, with seats for every member and the way back', async () => {
    const org = await organization();
    for (const actor of [owner, admin]) {
      const outcome = await actor.visitor.run(startCheckoutAction, { organizationId: org.id, planId: 'pro-monthly' });
      expect(outcome).toEqual({ redirect: expect.stringMatching(/\/billing\/local-checkout\/cs_local_[0-9a-f]{24}$/) });
      const id = checkoutIdOf((outcome as { redirect: string }).redirect);
      const [recorded] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
      expect(recorded).toMatchObject({
        mode: 'subscription',
        planId: 'pro-monthly',
        seats: 4,
        status: 'open',
        successUrl: `http://localhost:3000/dashboard/${org.slug}/billing?checkout={CHECKOUT_SESSION_ID}`,
        cancelUrl: `http://localhost:3000/dashboard/${org.slug}/billing/plans`,
      });
      const [ours] = await db.select().from(billingCheckouts).where(eq(billingCheckouts.providerCheckoutId, id));
      expect(ours).toMatchObject({ organizationId: org.id, planId: 'pro-monthly', seats: 4, createdById: actor.id });
    }
  });

  it('takes the seats asked for', async () => {
    const org = await organization();
    const id = await checkout(org, { planId: 'pro-yearly', seats: '9' });
    const [recorded] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    expect(recorded).toMatchObject({ planId: 'pro-yearly', seats: 9 });
  });

  it('refuses a member without billing.manage, and anyone outside the organization', async () => {
    const org = await organization();
    const before = await db.select().from(localGatewayCheckouts);
    expectRefusal(
      await member.visitor.run(startCheckoutAction, { organizationId: org.id, planId: 'pro-monthly' }),
      'FORBIDDEN',
      { key: 'organizations.forbidden', locale: 'es' },
    );
    expectRefusal(
      await outsider.visitor.run(startCheckoutAction, { organizationId: org.id, planId: 'pro-monthly' }),
      'NOT_FOUND',
      { key: 'NOT_FOUND' },
    );
    expectRefusal(
      await new Visitor().run(startCheckoutAction, { organizationId: org.id, planId: 'pro-monthly' }),
      'UNAUTHENTICATED',
      { key: 'UNAUTHENTICATED' },
    );
    expect(await db.select().from(localGatewayCheckouts)).toHaveLength(before.length);
  });

  it('refuses unknown, free, contact-us and add-on plans, bad seats, and a second subscription', async () => {
    const org = await organization();
    const run = (input: Record<string, unknown>) =>
      owner.visitor.run(startCheckoutAction, { organizationId: org.id, ...input });
    expectFieldRefusal(await run({ planId: 'platinum' }), 'VALIDATION_FAILED', 'planId', {
      key: 'billingActions.unknownPlan',
    });
    // The free and contact-us products have no plans at all; an add-on is not a subscription.
    for (const planId of ['free', 'enterprise'])
      expectFieldRefusal(await run({ planId }), 'VALIDATION_FAILED', 'planId', { key: 'billingActions.unknownPlan' });
    expectFieldRefusal(await run({ planId: 'onboarding-once' }), 'VALIDATION_FAILED', 'planId', {
      key: 'billingActions.notForSale',
    });
    for (const seats of [0, -1, 1.5, 'many', 10_001])
      expect(await run({ planId: 'pro-monthly', seats })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fieldErrors: { seats: [expect.any(String)] } },
      });
    expect(await run({ planId: 'Pro Monthly!' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { planId: [expect.any(String)] } },
    });
    const { org: paying } = await subscribed();
    expectRefusal(
      await owner.visitor.run(startCheckoutAction, { organizationId: paying.id, planId: 'pro-yearly' }),
      'CONFLICT',
      { key: 'billingActions.alreadySubscribed' },
    );
  });

  it('refuses a request without the CSRF token', async () => {
    const org = await organization();
    const form = new FormData();
    form.set('organizationId', org.id);
    form.set('planId', 'pro-monthly');
    const { executeAction } = await import('@/platform/http/action');
    const outcome = await executeAction(startCheckoutAction.definition, form, {
      headers: owner.visitor.headers(),
      cookies: { get: (name) => owner.visitor.cookies.get(name) },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CSRF_TOKEN_INVALID' } });
  });
});

describe('buying an add-on', () => {
  it('opens a payment checkout, and refuses plans that are not add-ons and members', async () => {
    const org = await organization();
    const outcome = await owner.visitor.run(buyAddOnAction, { organizationId: org.id, planId: 'onboarding-once' });
    const id = checkoutIdOf((outcome as { redirect: string }).redirect);
    const [recorded] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    expect(recorded).toMatchObject({ mode: 'payment', planId: 'onboarding-once', seats: 1 });
    expectFieldRefusal(
      await owner.visitor.run(buyAddOnAction, { organizationId: org.id, planId: 'pro-monthly' }),
      'VALIDATION_FAILED',
      'planId',
      { key: 'billingActions.notForSale' },
    );
    expectRefusal(
      await member.visitor.run(buyAddOnAction, { organizationId: org.id, planId: 'onboarding-once' }),
      'FORBIDDEN',
      { key: 'organizations.forbidden', locale: 'es' },
    );
    const other = await makeOrganization([[outsider, 'owner']]);
    expectRefusal(
      await owner.visitor.run(buyAddOnAction, { organizationId: other.id, planId: 'onboarding-once' }),
      'NOT_FOUND',
      { key: 'NOT_FOUND' },
    );
  });
});

describe('changing the plan', () => {
  it('asks the gateway to move the subscription, prorated; our records follow its event', async () => {
    const { org, subscription } = await subscribed();
    expect(await owner.visitor.run(changePlanAction, { organizationId: org.id, planId: 'pro-yearly' })).toEqual({
      ok: true,
      data: { planId: 'pro-yearly' },
    });
    expect(await gatewaySubscription(subscription.providerSubscriptionId)).toMatchObject({ planId: 'pro-yearly' });
    // Until the event arrives our tables still say monthly.
    const [before] = await db.select().from(billingSubscriptions).where(eq(billingSubscriptions.id, subscription.id));
    expect(before!.planId).toBe('pro-monthly');
    await deliverEvents();
    const [after] = await db.select().from(billingSubscriptions).where(eq(billingSubscriptions.id, subscription.id));
    expect(after!.planId).toBe('pro-yearly');
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/dashboard/${org.slug}/billing`, 'layout');
  });

  it('refuses free (that is a cancellation), contact-us, add-on and the same plan; and without a subscription', async () => {
    const { org, subscription } = await subscribed();
    const run = (planId: string) => owner.visitor.run(changePlanAction, { organizationId: org.id, planId });
    // Moving to free is cancelling at the period's end (its own action); free and contact-us have no plans.
    for (const planId of ['free', 'enterprise'])
      expectFieldRefusal(await run(planId), 'VALIDATION_FAILED', 'planId', { key: 'billingActions.unknownPlan' });
    expectFieldRefusal(await run('onboarding-once'), 'VALIDATION_FAILED', 'planId', {
      key: 'billingActions.notForSale',
    });
    expectFieldRefusal(await run('pro-monthly'), 'VALIDATION_FAILED', 'planId', { key: 'billingActions.samePlan' });
    expectFieldRefusal(await run('nope'), 'VALIDATION_FAILED', 'planId', { key: 'billingActions.unknownPlan' });
    expect(await gatewaySubscription(subscription.providerSubscriptionId)).toMatchObject({ planId: 'pro-monthly' });
    const free = await organization();
    expectRefusal(
      await owner.visitor.run(changePlanAction, { organizationId: free.id, planId: 'pro-yearly' }),
      'CONFLICT',
      { key: 'billingActions.noSubscription' },
    );
  });

  it('refuses a member, and an owner of another organization', async () => {
    const { org, subscription } = await subscribed();
    expectRefusal(
      await member.visitor.run(changePlanAction, { organizationId: org.id, planId: 'pro-yearly' }),
      'FORBIDDEN',
      { key: 'organizations.forbidden', locale: 'es' },
    );
    expectRefusal(
      await outsider.visitor.run(changePlanAction, { organizationId: org.id, planId: 'pro-yearly' }),
      'NOT_FOUND',
      { key: 'NOT_FOUND' },
    );
    expect(await gatewaySubscription(subscription.providerSubscriptionId)).toMatchObject({ planId: 'pro-monthly' });
  });
});

describe('cancelling and resuming', () => {
  it('cancels at the period’s end and resumes, through the gateway', async () => {
    const { org, subscription } = await subscribed();
    const cancelled = await admin.visitor.run(cancelSubscriptionAction, { organizationId: org.id });
    expect(cancelled).toEqual({ ok: true, data: { endsAt: subscription.periodEndsAt.toISOString() } });
    expect(await gatewaySubscription(subscription.providerSubscriptionId)).toMatchObject({
      cancelAtPeriodEnd: true,
      status: 'trialing',
    });
    // Resuming before the event arrived: our records do not say "canceling" yet.
    expectRefusal(await owner.visitor.run(resumeSubscriptionAction, { organizationId: org.id }), 'CONFLICT', {
      key: 'billingActions.notCanceling',
    });
    await deliverEvents();
    expect(await owner.visitor.run(resumeSubscriptionAction, { organizationId: org.id })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await gatewaySubscription(subscription.providerSubscriptionId)).toMatchObject({ cancelAtPeriodEnd: false });
  });

  it('refuses a member, another organization’s owner, and an organization without a subscription', async () => {
    const { org, subscription } = await subscribed();
    for (const action of [cancelSubscriptionAction, resumeSubscriptionAction]) {
      expectRefusal(await member.visitor.run(action, { organizationId: org.id }), 'FORBIDDEN', {
        key: 'organizations.forbidden',
        locale: 'es',
      });
      expectRefusal(await outsider.visitor.run(action, { organizationId: org.id }), 'NOT_FOUND', { key: 'NOT_FOUND' });
      expect(await owner.visitor.run(action, { organizationId: 'not-an-id' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fieldErrors: { organizationId: [expect.any(String)] } },
      });
    }
    expect(await gatewaySubscription(subscription.providerSubscriptionId)).toMatchObject({ cancelAtPeriodEnd: false });
    const free = await organization();
    expectRefusal(await owner.visitor.run(cancelSubscriptionAction, { organizationId: free.id }), 'CONFLICT', {
      key: 'billingActions.noSubscription',
    });
  });
});

describe('the billing portal', () => {
  it('opens for the organization’s customer; refused before any purchase and to members', async () => {
    const { org } = await subscribed();
    const outcome = await owner.visitor.run(openBillingPortalAction, { organizationId: org.id });
    expect(outcome).toEqual({ redirect: expect.stringMatching(/\/billing\/local-portal\/bps_local_[\w-]+$/) });
    expectRefusal(await member.visitor.run(openBillingPortalAction, { organizationId: org.id }), 'FORBIDDEN', {
      key: 'organizations.forbidden',
      locale: 'es',
    });
    expectRefusal(await outsider.visitor.run(openBillingPortalAction, { organizationId: org.id }), 'NOT_FOUND', {
      key: 'NOT_FOUND',
    });
    const free = await organization();
    expectRefusal(await owner.visitor.run(openBillingPortalAction, { organizationId: free.id }), 'CONFLICT', {
      key: 'billingActions.noCustomer',
    });
  });
});

describe('the local hosted checkout', () => {
  const pay = (checkoutId: string, input: Record<string, string>) =>
    // No sign-in: whoever holds the link pays, as on a provider's page.
    new Visitor().run(payLocalCheckoutAction, { checkoutId, ...input });

  it('pays with the succeeding card and returns to the billing page naming the checkout', async () => {
    const org = await organization(buyer);
    const id = await checkout(org, undefined, buyer);
    expect(await pay(id, { card: 'succeeds' })).toEqual({
      redirect: `http://localhost:3000/dashboard/${org.slug}/billing?checkout=${id}`,
    });
    const [recorded] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    expect(recorded).toMatchObject({ status: 'completed', resultId: expect.stringMatching(/^sub_local_/) });
    expect(await gatewaySubscription(recorded!.resultId!)).toMatchObject({ status: 'trialing', seats: 4 });
    expectRefusal(await pay(id, { card: 'succeeds' }), 'CONFLICT', { key: 'billingActions.checkoutClosed' });
  });

  it('says a declined card was declined and keeps the checkout open', async () => {
    const org = await organization(buyer);
    const id = await checkout(org, undefined, buyer);
    expect(await pay(id, { card: 'declined' })).toEqual({ ok: true, data: { status: 'declined' } });
    const [recorded] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    expect(recorded).toMatchObject({ status: 'open', resultId: null });
  });

  it('asks for the extra confirmation, then pays on Confirm or declines on Fail', async () => {
    const org = await organization(buyer);
    const id = await checkout(org, undefined, buyer);
    expect(await pay(id, { card: 'requires-confirmation' })).toEqual({
      ok: true,
      data: { status: 'requires-confirmation' },
    });
    expect(await pay(id, { step: 'fail' })).toEqual({ ok: true, data: { status: 'confirmation-failed' } });
    const [open] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    expect(open!.status).toBe('open');
    expect(await pay(id, { step: 'confirm' })).toEqual({ redirect: expect.stringContaining(`?checkout=${id}`) });
    const [paid] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    expect(paid!.status).toBe('completed');
  });

  it('completes a one-off purchase as a paid order', async () => {
    const org = await organization(buyer);
    const outcome = await buyer.visitor.run(buyAddOnAction, { organizationId: org.id, planId: 'onboarding-once' });
    const id = checkoutIdOf((outcome as { redirect: string }).redirect);
    await pay(id, { card: 'succeeds' });
    const [recorded] = await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id));
    const [order] = await db.select().from(localGatewayOrders).where(eq(localGatewayOrders.id, recorded!.resultId!));
    expect(order).toMatchObject({ status: 'paid', planId: 'onboarding-once', totalAmount: 29900 });
  });

  it('answers 404 for an unknown checkout, refuses a malformed id, no card, or no CSRF token', async () => {
    expectRefusal(await pay(`cs_local_${'0'.repeat(24)}`, { card: 'succeeds' }), 'NOT_FOUND', { key: 'NOT_FOUND' });
    expect(await pay('cs_1', { card: 'succeeds' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { checkoutId: [expect.any(String)] } },
    });
    const org = await organization(buyer);
    const id = await checkout(org, undefined, buyer);
    expectFieldRefusal(await pay(id, {}), 'VALIDATION_FAILED', 'card', { key: 'billingActions.chooseCard' });
    const { executeAction } = await import('@/platform/http/action');
    const visitor = new Visitor();
    const outcome = await executeAction(
      payLocalCheckoutAction.definition,
      { checkoutId: id, card: 'succeeds' },
      { headers: visitor.headers(), cookies: { get: (name) => visitor.cookies.get(name) } },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CSRF_TOKEN_INVALID' } });
    const [recorded] = await db
      .select()
      .from(localGatewayCheckouts)
      .where(and(eq(localGatewayCheckouts.id, id), eq(localGatewayCheckouts.status, 'open')));
    expect(recorded).toBeDefined();
  });
});

describe('checkouts that must not repeat (one subscription, one trial, paid seats)', () => {
  /** A user of its own: checkouts are rate limited per session. */
  let checker: TestUser;
  beforeAll(async () => {
    checker = await createVerifiedUser({ name: 'Cleo Checker' });
  });

  const localCheckout = async (id: string) =>
    (await db.select().from(localGatewayCheckouts).where(eq(localGatewayCheckouts.id, id)))[0]!;

  it('leaves one checkout open of two started at once, the other expired here and at the gateway', async () => {
    const org = await organization(checker);
    const ids = await Promise.all([
      checkout(org, { planId: 'pro-monthly' }, checker),
      checkout(org, { planId: 'pro-yearly' }, checker),
    ]);
    const statuses = await Promise.all(ids.map(async (id) => (await localCheckout(id)).status));
    expect(statuses.toSorted()).toEqual(['expired', 'open']);
    const ours = await db.select().from(billingCheckouts).where(eq(billingCheckouts.organizationId, org.id));
    expect(ours.map((row) => row.status).toSorted()).toEqual(['expired', 'open']);
    const stale = ids[statuses.indexOf('expired')]!;
    expect(await completeLocalCheckout(stale, 'succeeds')).toEqual({ ok: false, reason: 'not-open' });
  });

  it('refuses a checkout once the organization has a subscription, in startCheckout itself', async () => {
    const { org } = await subscribed();
    const again = await startCheckout({
      organizationId: org.id,
      organizationName: org.name,
      userId: owner.id,
      planId: 'pro-yearly',
      seats: 4,
      successUrl: 'http://localhost:3000/back',
      cancelUrl: 'http://localhost:3000/back',
    });
    expect(again).toEqual({ ok: false, reason: 'already-subscribed' });
  });

  it('creates one subscription however many of a customer’s checkouts are paid, even at once', async () => {
    const org = await organization(checker);
    const first = await checkout(org, { planId: 'pro-monthly' }, checker);
    const { customerId } = await localCheckout(first);
    // Checkouts the gateway holds side by side, as a provider could: the gateway itself refuses a second.
    const more = await Promise.all(
      ['pro-monthly', 'pro-yearly'].map((planId) =>
        localGateway.createCheckout({
          customerId,
          mode: 'subscription',
          planId,
          seats: 4,
          trialDays: 0,
          successUrl: 'http://localhost:3000/back',
          cancelUrl: 'http://localhost:3000/back',
          reference: randomUUID(),
          idempotencyKey: planId,
        }),
      ),
    );
    const outcomes = await Promise.all(
      [first, ...more.map((made) => made.checkoutId)].map((id) => completeLocalCheckout(id, 'succeeds')),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([
      { ok: false, reason: 'already-subscribed' },
      { ok: false, reason: 'already-subscribed' },
    ]);
    expect(await db.$count(localGatewaySubscriptions, eq(localGatewaySubscriptions.customerId, customerId))).toBe(1);
    const refused = more.find((made) => outcomes[1 + more.indexOf(made)]!.ok === false)!;
    expectRefusal(
      await new Visitor().run(payLocalCheckoutAction, { checkoutId: refused.checkoutId, card: 'succeeds' }),
      'CONFLICT',
      {
        key: 'billingActions.alreadySubscribed',
      },
    );
  });

  it('cannot pay a checkout past its expiry: the page shows it closed, the action refuses', async () => {
    const org = await organization(checker);
    const id = await checkout(org, { planId: 'pro-monthly' }, checker);
    expect((await localCheckout(id)).expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await findLocalCheckout(id)).toMatchObject({ status: 'open' });
    await db
      .update(localGatewayCheckouts)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(localGatewayCheckouts.id, id));
    expect(await findLocalCheckout(id)).toMatchObject({ status: 'expired' });
    expectRefusal(await new Visitor().run(payLocalCheckoutAction, { checkoutId: id, card: 'succeeds' }), 'CONFLICT', {
      key: 'billingActions.checkoutClosed',
    });
    expect(await completeLocalCheckout(id, 'succeeds')).toEqual({ ok: false, reason: 'not-open' });
    expect(await localCheckout(id)).toMatchObject({ resultId: null });
  });

  it('gives the trial once: after a cancelled trial the next subscription starts active and is paid', async () => {
    const { org, subscription } = await subscribed();
    expect(subscription.status).toBe('trialing');
    await localGateway.cancelNow({ subscriptionId: subscription.providerSubscriptionId });
    await deliverEvents();
    const id = await checkout(org, { planId: 'pro-monthly' });
    expect(await localCheckout(id)).toMatchObject({ trialDays: 0 });
    expect(await findLocalCheckout(id)).toMatchObject({ trialDays: 0, plan: { trialDays: 14 } });
    expect(await completeLocalCheckout(id, 'succeeds')).toMatchObject({ ok: true });
    const again = await gatewaySubscription((await localCheckout(id)).resultId!);
    expect(again).toMatchObject({ status: 'active', trialEndsAt: null });
    const invoices = await db
      .select()
      .from(localGatewayInvoices)
      .where(eq(localGatewayInvoices.subscriptionId, again.id));
    expect(invoices).toEqual([expect.objectContaining({ status: 'paid', totalAmount: expect.any(Number) })]);
    expect(invoices[0]!.totalAmount).toBeGreaterThan(0);
  });

  it('stores the plan’s trial on a first checkout', async () => {
    const org = await organization(checker);
    const id = await checkout(org, { planId: 'pro-monthly' }, checker);
    expect(await localCheckout(id)).toMatchObject({ trialDays: 14 });
  });

  it('never takes fewer seats than members, whatever the browser asks', async () => {
    const org = await organization(checker);
    const id = await checkout(org, { planId: 'pro-monthly', seats: '2' }, checker);
    expect(await localCheckout(id)).toMatchObject({ seats: 4 });
    const [ours] = await db.select().from(billingCheckouts).where(eq(billingCheckouts.providerCheckoutId, id));
    expect(ours).toMatchObject({ seats: 4 });
  });

  it('expires the open checkouts of an organization being deleted, so their links cannot subscribe', async () => {
    const org = await organization(checker);
    const id = await checkout(org, { planId: 'pro-monthly' }, checker);
    await deleteOrganization({ userId: checker.id, organizationId: org.id }, org.name);
    expect(await localCheckout(id)).toMatchObject({ status: 'expired' });
    expect(await completeLocalCheckout(id, 'succeeds')).toEqual({ ok: false, reason: 'not-open' });
  });

  it('expires here the open checkouts of a provider no longer configured: checkout and deletion go on', async () => {
    const org = await organization(checker);
    // Left from before a switch away from Stripe (Stripe has no gateway in these tests).
    const [customer] = await db
      .insert(billingCustomers)
      .values({ organizationId: org.id, provider: 'stripe', providerCustomerId: `cus_${randomUUID()}` })
      .returning();
    const stripeCheckout = () =>
      db
        .insert(billingCheckouts)
        .values({
          organizationId: org.id,
          customerId: customer!.id,
          provider: 'stripe',
          providerCheckoutId: `cs_${randomUUID()}`,
          mode: 'subscription',
          planId: 'pro-monthly',
          seats: 4,
          createdById: checker.id,
        })
        .returning()
        .then(([row]) => row!);
    const before = await stripeCheckout();
    await checkout(org, { planId: 'pro-monthly' }, checker);
    const [expired] = await db.select().from(billingCheckouts).where(eq(billingCheckouts.id, before.id));
    expect(expired!.status).toBe('expired');
    await stripeCheckout();
    await deleteOrganization({ userId: checker.id, organizationId: org.id }, org.name);
    expect(await db.select().from(billingCheckouts).where(eq(billingCheckouts.organizationId, org.id))).toEqual([]);
  });

  it('waits on the billing page only for a change the plans page makes', () => {
    expect(requestedChange('pro-yearly')).toBe('pro-yearly');
    expect(requestedChange('cancel')).toBe('cancel');
    for (const value of ['anything', 'free', 'enterprise', 'onboarding-once', 'resume ', '', undefined, ['cancel']])
      expect(requestedChange(value)).toBeNull();
  });
});
