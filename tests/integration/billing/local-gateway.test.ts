import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  advanceLocalSubscription,
  completeLocalCheckout,
  LOCAL_MAX_FAILED_RETRIES,
  localGateway,
  organizationNeedsPaymentFix,
  setLocalPaymentMethod,
  startCheckout,
} from '@/features/billing/server';
import {
  advanceLocalClock,
  changeLocalPlan,
  changeLocalSeats,
  setLocalCancelAtPeriodEnd,
  setLocalCard,
} from '@/features/billing/server/local-portal-actions';
import { loadLocalPortal } from '@/features/billing/server/local-gateway/portal';
import {
  billingCustomers,
  billingSubscriptionItems,
  billingSubscriptions,
  localGatewayCustomers,
  localGatewayCheckouts,
  localGatewayInvoices,
  localGatewayPortalSessions,
} from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { csrfCookieName } from '@/platform/http/csrf';
import { createCsrfToken } from '@/platform/http/csrf-signing';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { deliverLocalEventsOverHttp } from './local-deliveries';

/**
 * The local gateway's portal, invoices and clock, end to end on the server: every change is made at
 * the gateway, sent as a signed event through the job queue to the real webhook endpoint, and read
 * back from Keel's billing_subscriptions.
 */

const ORIGIN = 'http://localhost:3000';

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: () => undefined,
  }),
}));
const visitor = 'local-portal-visitor';
const csrf_token = () => createCsrfToken(process.env.APP_SECRET!, visitor);
let clientIp = 0;
beforeEach(() => {
  clientIp += 1;
  request.headers = new Headers({
    host: 'localhost:3000',
    origin: ORIGIN,
    'x-forwarded-for': `198.51.100.${clientIp}`,
  });
  request.cookies = new Map([[csrfCookieName(false), visitor]]);
});

await deliverLocalEventsOverHttp();

const owner = await insertUser({ name: 'Paula Portal' });

interface Paid {
  organization: TestOrganization;
  customerId: string;
  subscriptionId: string;
}

/** An organization with a Pro subscription, trialing, paid with the card that succeeds. */
async function trialingPro(seats = 3): Promise<Paid> {
  const organization = await makeOrganization([[owner, 'owner']]);
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId: 'pro-monthly',
    seats,
    successUrl: `${ORIGIN}/dashboard/${organization.slug}/billing`,
    cancelUrl: `${ORIGIN}/dashboard/${organization.slug}/billing`,
  });
  if (!started.ok) throw new Error(started.reason);
  const paid = await completeLocalCheckout(started.checkoutId, 'succeeds');
  if (!paid.ok) throw new Error(paid.reason);
  const [checkout] = await db
    .select()
    .from(localGatewayCheckouts)
    .where(eq(localGatewayCheckouts.id, started.checkoutId));
  await keel(organization, (row) => row.status === 'trialing');
  return { organization, customerId: checkout!.customerId, subscriptionId: checkout!.resultId! };
}

type Row = typeof billingSubscriptions.$inferSelect;

/** Keel's subscription once the queued webhooks have brought it to the expected state. */
async function keel(organization: TestOrganization, until: (row: Row) => boolean): Promise<Row> {
  let last: Row | undefined;
  for (let waited = 0; waited < 20_000; waited += 100) {
    [last] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organization.id));
    if (last && until(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the webhook never brought the subscription there; last: ${JSON.stringify(last)}`);
}

const invoicesOf = (subscriptionId: string) =>
  db
    .select()
    .from(localGatewayInvoices)
    .where(eq(localGatewayInvoices.subscriptionId, subscriptionId))
    .orderBy(localGatewayInvoices.createdAt);

async function portalSession(customerId: string) {
  const { url } = await localGateway.createPortalSession({ customerId, returnUrl: `${ORIGIN}/dashboard` });
  return url.split('/').pop()!;
}

describe('the clock', () => {
  it('trial end with a card that succeeds: active, the next period, one paid invoice', async () => {
    const { organization, subscriptionId } = await trialingPro(3);
    expect(await invoicesOf(subscriptionId)).toEqual([]); // a trial start charges nothing
    const trial = await keel(organization, () => true);
    expect(await advanceLocalSubscription(subscriptionId)).toBe('charge');
    const active = await keel(organization, (row) => row.status === 'active');
    expect(active.periodStartsAt).toEqual(trial.periodEndsAt);
    expect(active.periodEndsAt.getUTCMonth()).toBe((trial.periodEndsAt.getUTCMonth() + 1) % 12);
    expect(await invoicesOf(subscriptionId)).toMatchObject([
      { status: 'paid', totalAmount: 3 * 1200, currency: 'usd' },
    ]);
  });

  it('renewal: a new period and a new paid invoice', async () => {
    const { organization, subscriptionId } = await trialingPro(2);
    await advanceLocalSubscription(subscriptionId);
    const first = await keel(organization, (row) => row.status === 'active');
    expect(await advanceLocalSubscription(subscriptionId)).toBe('charge');
    const renewed = await keel(organization, (row) => row.periodStartsAt > first.periodStartsAt);
    expect(renewed).toMatchObject({ status: 'active', periodStartsAt: first.periodEndsAt });
    expect((await invoicesOf(subscriptionId)).map((invoice) => invoice.status)).toEqual(['paid', 'paid']);
  });

  it('trial end with a declined card: past due, an open invoice; the banner would show', async () => {
    const { organization, customerId, subscriptionId } = await trialingPro();
    expect(await organizationNeedsPaymentFix(owner.id, organization.id)).toBe(false);
    await setLocalPaymentMethod(customerId, 'declined');
    await advanceLocalSubscription(subscriptionId);
    await keel(organization, (row) => row.status === 'past_due');
    expect(await invoicesOf(subscriptionId)).toMatchObject([{ status: 'open', failedAttempts: 1 }]);
    expect(await organizationNeedsPaymentFix(owner.id, organization.id)).toBe(true);
  });

  it(`past due: failed retries keep it past due, the ${LOCAL_MAX_FAILED_RETRIES}rd cancels it`, async () => {
    const { organization, customerId, subscriptionId } = await trialingPro();
    await setLocalPaymentMethod(customerId, 'declined');
    await advanceLocalSubscription(subscriptionId);
    for (let retry = 1; retry < LOCAL_MAX_FAILED_RETRIES; retry += 1) {
      expect(await advanceLocalSubscription(subscriptionId)).toBe('retry');
      expect(await invoicesOf(subscriptionId)).toMatchObject([{ status: 'open', failedAttempts: retry + 1 }]);
    }
    expect((await keel(organization, (row) => row.status === 'past_due')).status).toBe('past_due');
    await advanceLocalSubscription(subscriptionId);
    const canceled = await keel(organization, (row) => row.status === 'canceled');
    expect(canceled.canceledAt).not.toBeNull();
    expect(await invoicesOf(subscriptionId)).toMatchObject([{ status: 'uncollectible' }]);
    expect(await advanceLocalSubscription(subscriptionId)).toBe('none');
  });

  it('past due, then a retry with a card that succeeds: active again, the invoice paid', async () => {
    const { organization, customerId, subscriptionId } = await trialingPro();
    await setLocalPaymentMethod(customerId, 'declined');
    await advanceLocalSubscription(subscriptionId);
    await keel(organization, (row) => row.status === 'past_due');
    // The card is fixed behind the portal's back (no immediate retry): the clock's next retry recovers it.
    await db
      .update(localGatewayCustomers)
      .set({ paymentMethod: 'succeeds' })
      .where(eq(localGatewayCustomers.id, customerId));
    expect(await advanceLocalSubscription(subscriptionId)).toBe('retry');
    await keel(organization, (row) => row.status === 'active');
    expect(await invoicesOf(subscriptionId)).toMatchObject([{ status: 'paid' }]);
  });

  it('cancel at period end, then the end of the period: canceled', async () => {
    const { organization, subscriptionId } = await trialingPro();
    await localGateway.setCancelAtPeriodEnd({ subscriptionId, cancel: true });
    const pending = await keel(organization, (row) => row.cancelAtPeriodEnd);
    expect(await advanceLocalSubscription(subscriptionId)).toBe('end-of-period');
    const ended = await keel(organization, (row) => row.status === 'canceled');
    expect(ended.canceledAt).toEqual(pending.periodEndsAt);
    expect(await invoicesOf(subscriptionId)).toEqual([]);
  });
});

describe('the portal', () => {
  it('fixing the card of a past-due subscription retries at once: recovered, the banner gone', async () => {
    const { organization, customerId, subscriptionId } = await trialingPro();
    const session = await portalSession(customerId);
    expect(await setLocalCard({ session, card: 'declined', csrf_token: csrf_token() })).toEqual({
      ok: true,
      data: { recovered: 0 },
    });
    expect(await advanceLocalClock({ session, subscriptionId, csrf_token: csrf_token() })).toEqual({
      ok: true,
      data: { step: 'charge' },
    });
    await keel(organization, (row) => row.status === 'past_due');
    expect(await setLocalCard({ session, card: 'succeeds', csrf_token: csrf_token() })).toEqual({
      ok: true,
      data: { recovered: 1 },
    });
    await keel(organization, (row) => row.status === 'active');
    expect(await invoicesOf(subscriptionId)).toMatchObject([{ status: 'paid' }]);
    expect(await organizationNeedsPaymentFix(owner.id, organization.id)).toBe(false);
  });

  it('changes plan and seats, cancels and resumes — each reaching billing_subscriptions by webhook', async () => {
    const { organization, subscriptionId, customerId } = await trialingPro(3);
    const session = await portalSession(customerId);
    const token = csrf_token();
    expect((await changeLocalPlan({ session, subscriptionId, planId: 'pro-yearly', csrf_token: token })).ok).toBe(true);
    await keel(organization, (row) => row.planId === 'pro-yearly');
    expect((await changeLocalSeats({ session, subscriptionId, seats: 7, csrf_token: token })).ok).toBe(true);
    await expect
      .poll(
        async () =>
          (
            await db
              .select({ quantity: billingSubscriptionItems.quantity })
              .from(billingSubscriptionItems)
              .where(eq(billingSubscriptionItems.organizationId, organization.id))
          )[0]?.quantity,
        { timeout: 20_000 },
      )
      .toBe(7);
    await setLocalCancelAtPeriodEnd({ session, subscriptionId, cancel: 'true', csrf_token: token });
    await keel(organization, (row) => row.cancelAtPeriodEnd);
    await setLocalCancelAtPeriodEnd({ session, subscriptionId, cancel: 'false', csrf_token: token });
    await keel(organization, (row) => !row.cancelAtPeriodEnd);
  });

  it('refuses a plan that is not for sale in the portal (free, hidden, one-off)', async () => {
    const { subscriptionId, customerId } = await trialingPro();
    const session = await portalSession(customerId);
    const result = await changeLocalPlan({
      session,
      subscriptionId,
      planId: 'onboarding-once',
      csrf_token: csrf_token(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers 404 for an unknown session, an expired one, and another customer’s subscription', async () => {
    const mine = await trialingPro();
    const theirs = await trialingPro();
    const session = await portalSession(mine.customerId);
    const notFound = { ok: false, error: { code: 'NOT_FOUND', status: 404 } };
    expect(
      await advanceLocalClock({
        session: 'bps_local_guessed',
        subscriptionId: mine.subscriptionId,
        csrf_token: csrf_token(),
      }),
    ).toMatchObject(notFound);
    expect(
      await advanceLocalClock({ session, subscriptionId: theirs.subscriptionId, csrf_token: csrf_token() }),
    ).toMatchObject(notFound);
    await db
      .update(localGatewayPortalSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(localGatewayPortalSessions.id, session));
    expect(await setLocalCard({ session, card: 'declined', csrf_token: csrf_token() })).toMatchObject(notFound);
    expect(await loadLocalPortal(session)).toBeNull();
    expect(await advanceLocalSubscription(theirs.subscriptionId)).toBe('charge'); // theirs untouched until now
  });

  it('refuses an action without the CSRF token', async () => {
    const { customerId } = await trialingPro();
    const session = await portalSession(customerId);
    expect(await setLocalCard({ session, card: 'declined' })).toMatchObject({
      ok: false,
      error: { code: 'CSRF_TOKEN_INVALID' },
    });
  });

  it('a portal link expires within the hour and is not the customer id', async () => {
    const { customerId } = await trialingPro();
    const session = await portalSession(customerId);
    expect(session).not.toContain(customerId);
    const [row] = await db.select().from(localGatewayPortalSessions).where(eq(localGatewayPortalSessions.id, session));
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    expect((await loadLocalPortal(session))?.customer.id).toBe(customerId);
  });
});

describe('invoices', () => {
  it('lists the customer’s invoices newest first, numbered LOCAL-nnnnnn, with the one-off receipt', async () => {
    const { organization, subscriptionId, customerId } = await trialingPro(1);
    await advanceLocalSubscription(subscriptionId);
    await keel(organization, (row) => row.status === 'active');
    await advanceLocalSubscription(subscriptionId);
    const started = await startCheckout({
      organizationId: organization.id,
      organizationName: organization.name,
      userId: owner.id,
      planId: 'onboarding-once',
      seats: 1,
      successUrl: `${ORIGIN}/done`,
      cancelUrl: `${ORIGIN}/cancel`,
    });
    if (!started.ok) throw new Error(started.reason);
    await completeLocalCheckout(started.checkoutId, 'succeeds');
    const invoices = await localGateway.listInvoices({ customerId, limit: 10 });
    expect(invoices.map((invoice) => invoice.totalAmount)).toEqual([29900, 1200, 1200]);
    for (const invoice of invoices) expect(invoice.number).toMatch(/^LOCAL-\d{6}$/);
    expect(new Set(invoices.map((invoice) => invoice.number)).size).toBe(3);
    const [customer] = await db
      .select()
      .from(billingCustomers)
      .where(and(eq(billingCustomers.organizationId, organization.id), eq(billingCustomers.provider, 'local')));
    expect(customer!.providerCustomerId).toBe(customerId);
    expect(await localGateway.listInvoices({ customerId: 'cus_local_nobody', limit: 10 })).toEqual([]);
  });
});
