'use server';

import { z } from 'zod';
import { defineAction } from '@/platform/http/action';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { superAdmin } from './access';
import { redeliverWebhookEventAsAdmin, startReconciliation } from './billing-operations';

/**
 * The admin area's billing operations (docs/admin/overview-and-billing.md), each audited in its transaction. Both
 * repeat what a provider's retry or the hourly job would do anyway, and change no customer's state beyond what the
 * provider says: a super admin's session is enough, no recent sign-in.
 */

const billingLimits = limitsPerSession('admin-billing', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 });

export const redeliverWebhookEventAction = defineAction({
  name: 'admin.redeliverWebhookEvent',
  input: z.object({ eventId: z.uuid() }),
  guards: [superAdmin],
  guardsFirst: true,
  rateLimit: billingLimits,
  handler: async ({ eventId }, { user, logger }) => {
    const outcome = await redeliverWebhookEventAsAdmin(user, eventId);
    logger.info({ adminId: user.id, eventId, outcome }, 'webhook event redelivered');
    return { outcome };
  },
});

export const startReconciliationAction = defineAction({
  name: 'admin.startReconciliation',
  input: z.object({}),
  guards: [superAdmin],
  guardsFirst: true,
  rateLimit: billingLimits,
  handler: async (_input, { user, logger }) => {
    await startReconciliation(user);
    logger.info({ adminId: user.id }, 'reconciliation queued');
    return { queued: true };
  },
});
