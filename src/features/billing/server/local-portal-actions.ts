'use server';

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/platform/http/errors';
import { defineAction } from '@/platform/http/action';
import type { RateLimitOption } from '@/platform/http/pipeline';
import { advanceLocalSubscription } from './local-gateway/clock';
import { localGateway } from './local-gateway/local-gateway';
import {
  findLocalPortalSession,
  localClockEnabled,
  localGatewayMode,
  portalPlans,
  setLocalPaymentMethod,
  subscriptionOfCustomer,
} from './local-gateway/portal';

/**
 * The local gateway's portal actions (docs/billing/local-gateway.md#the-portal). Public endpoints,
 * like a provider's portal: no sign-in to the app — the unguessable, short-lived session id is the
 * credential — but CSRF, validation and rate limits as every action. An unknown or expired session,
 * or a subscription not of its customer, is a 404. Every change goes through the gateway, which
 * tells Keel by signed webhook.
 */

const session = z.string().min(1).max(200);
const rateLimit: RateLimitOption<unknown> = { name: 'billing-local-portal', limit: 120, windowSeconds: 60 };

async function customerOfSession(sessionId: string): Promise<string> {
  const found = localGatewayMode() === 'off' ? null : await findLocalPortalSession(sessionId);
  if (!found) throw new AppError('NOT_FOUND');
  return found.customerId;
}

async function ownedSubscription(sessionId: string, subscriptionId: string) {
  const subscription = await subscriptionOfCustomer(await customerOfSession(sessionId), subscriptionId);
  if (!subscription) throw new AppError('NOT_FOUND');
  return subscription;
}

export const changeLocalPlan = defineAction({
  name: 'billing.local-portal.change-plan',
  input: z.object({ session, subscriptionId: z.string().min(1).max(200), planId: z.string().min(1).max(100) }),
  rateLimit,
  handler: async ({ session: sessionId, subscriptionId, planId }) => {
    const subscription = await ownedSubscription(sessionId, subscriptionId);
    if (!portalPlans().some(({ plan }) => plan.id === planId))
      throw new AppError('VALIDATION_FAILED', { fieldErrorKeys: { planId: 'NOT_FOUND' } });
    await localGateway.changePlan({ subscriptionId: subscription.id, planId });
  },
});

export const changeLocalSeats = defineAction({
  name: 'billing.local-portal.change-seats',
  input: z.object({
    session,
    subscriptionId: z.string().min(1).max(200),
    seats: z.coerce.number().int().min(1).max(10_000),
  }),
  rateLimit,
  handler: async ({ session: sessionId, subscriptionId, seats }) => {
    const subscription = await ownedSubscription(sessionId, subscriptionId);
    await localGateway.updateSeats({ subscriptionId: subscription.id, seats });
  },
});

export const setLocalCancelAtPeriodEnd = defineAction({
  name: 'billing.local-portal.cancel-at-period-end',
  input: z.object({ session, subscriptionId: z.string().min(1).max(200), cancel: z.enum(['true', 'false']) }),
  rateLimit,
  handler: async ({ session: sessionId, subscriptionId, cancel }) => {
    const subscription = await ownedSubscription(sessionId, subscriptionId);
    await localGateway.setCancelAtPeriodEnd({ subscriptionId: subscription.id, cancel: cancel === 'true' });
  },
});

export const setLocalCard = defineAction({
  name: 'billing.local-portal.set-card',
  input: z.object({ session, card: z.enum(['succeeds', 'declined']) }),
  rateLimit,
  handler: async ({ session: sessionId, card }) => {
    const recovered = await setLocalPaymentMethod(await customerOfSession(sessionId), card);
    return { recovered: recovered.length };
  },
});

/** Each step writes invoices and sends events: per portal session (hashed), as well as per IP. */
const clockPerSession: RateLimitOption<{ session: string }> = {
  name: 'billing-local-clock-session',
  limit: 30,
  windowSeconds: 60,
  by: (_context, input) => `portal:${createHash('sha256').update(input.session).digest('hex').slice(0, 32)}`,
};

/**
 * The test clock: the subscription's next event (trial end, renewal, retry, end of period). A 404 where
 * the clock is off (production, unless BILLING_LOCAL_CLOCK_IN_PRODUCTION).
 */
export const advanceLocalClock = defineAction({
  name: 'billing.local-portal.advance-clock',
  input: z.object({ session, subscriptionId: z.string().min(1).max(200) }),
  rateLimit: [rateLimit, clockPerSession],
  handler: async ({ session: sessionId, subscriptionId }) => {
    if (!localClockEnabled()) throw new AppError('NOT_FOUND');
    const subscription = await ownedSubscription(sessionId, subscriptionId);
    return { step: await advanceLocalSubscription(subscription.id) };
  },
});
