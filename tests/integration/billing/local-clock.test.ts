import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localGateway } from '@/features/billing/server';
import { advanceLocalClock } from '@/features/billing/server/local-portal-actions';
import { loadLocalPortal } from '@/features/billing/server/local-gateway/portal';
import { localGatewayCustomers, localGatewaySubscriptions } from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { csrfCookieName } from '@/platform/http/csrf';
import { createCsrfToken } from '@/platform/http/csrf-signing';

/**
 * The local gateway's test clock is for development and tests: in production — even with the gateway
 * on for a demo — it needs its own switch, BILLING_LOCAL_CLOCK_IN_PRODUCTION. Rate limited per portal session.
 */

const deployment = vi.hoisted(() => ({ production: false, gatewayInProduction: true, clockInProduction: false }));
vi.mock('@/platform/config/server-config', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/platform/config/server-config')>();
  return {
    ...real,
    getServerConfig: () => {
      const config = real.getServerConfig();
      return {
        ...config,
        isProduction: deployment.production,
        billing: {
          ...config.billing,
          localGatewayInProduction: deployment.gatewayInProduction,
          localClockInProduction: deployment.clockInProduction,
        },
      };
    },
  };
});

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: () => undefined,
  }),
}));
const visitor = 'local-clock-visitor';
const csrf_token = () => createCsrfToken(process.env.APP_SECRET!, visitor);
let clientIp = 0;
beforeEach(() => {
  Object.assign(deployment, { production: false, gatewayInProduction: true, clockInProduction: false });
  clientIp += 1;
  request.headers = new Headers({
    host: 'localhost:3000',
    origin: 'http://localhost:3000',
    'x-forwarded-for': `198.51.100.${clientIp}`,
  });
  request.cookies = new Map([
    [csrfCookieName(false), visitor],
    [csrfCookieName(true), visitor],
  ]);
});

/** An active subscription at the local gateway and a portal session for its customer. */
async function subscribedPortal() {
  const customerId = `cus_local_${randomBytes(6).toString('hex')}`;
  const subscriptionId = `sub_local_${randomBytes(6).toString('hex')}`;
  await db.insert(localGatewayCustomers).values({ id: customerId, name: 'Clock Co', paymentMethod: 'succeeds' });
  await db.insert(localGatewaySubscriptions).values({
    id: subscriptionId,
    customerId,
    planId: 'pro-monthly',
    status: 'active',
    seats: 1,
    periodStartsAt: new Date(),
    periodEndsAt: new Date(Date.now() + 30 * 86_400_000),
  });
  const { url } = await localGateway.createPortalSession({ customerId, returnUrl: 'http://localhost:3000/dashboard' });
  return { session: url.split('/').pop()!, subscriptionId };
}

const periodEndOf = async (subscriptionId: string) =>
  (await db.select().from(localGatewaySubscriptions).where(eq(localGatewaySubscriptions.id, subscriptionId)))[0]!
    .periodEndsAt;

describe('the test clock', () => {
  it('runs in development and tests', async () => {
    const { session, subscriptionId } = await subscribedPortal();
    expect((await loadLocalPortal(session))?.clock).toBe(true);
    expect(await advanceLocalClock({ session, subscriptionId, csrf_token: csrf_token() })).toEqual({
      ok: true,
      data: { step: 'charge' },
    });
  });

  it('is off in production with only the gateway switched on: no clock on the page, the action a 404', async () => {
    const { session, subscriptionId } = await subscribedPortal();
    const before = await periodEndOf(subscriptionId);
    deployment.production = true;
    const portal = await loadLocalPortal(session);
    expect(portal).not.toBeNull(); // the portal itself is up (a demo)
    expect(portal?.clock).toBe(false);
    expect(await advanceLocalClock({ session, subscriptionId, csrf_token: csrf_token() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', status: 404 },
    });
    expect(await periodEndOf(subscriptionId)).toEqual(before);
  });

  it('runs in production with BILLING_LOCAL_CLOCK_IN_PRODUCTION on as well', async () => {
    const { session, subscriptionId } = await subscribedPortal();
    Object.assign(deployment, { production: true, clockInProduction: true });
    expect((await loadLocalPortal(session))?.clock).toBe(true);
    expect(await advanceLocalClock({ session, subscriptionId, csrf_token: csrf_token() })).toMatchObject({ ok: true });
  });

  it('allows each portal session 30 steps a minute', async () => {
    const { session } = await subscribedPortal();
    const attempts = [];
    // Another customer's subscription: each attempt is a 404, but counted first.
    for (let n = 0; n < 31; n++)
      attempts.push(await advanceLocalClock({ session, subscriptionId: 'sub_local_other', csrf_token: csrf_token() }));
    expect(attempts.slice(0, 30).every((attempt) => !attempt.ok && attempt.error.code === 'NOT_FOUND')).toBe(true);
    expect(attempts[30]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
