import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { db, type Transaction } from '@/platform/db/client';
import { addJob, defineJob } from '@/platform/jobs/jobs';
import { ORDER_STATUSES, SUBSCRIPTION_STATUSES } from '../../billing-fields';
import { localGatewayEvents, type localGatewayOrders, type localGatewaySubscriptions } from '../schema';
import { LOCAL_SIGNATURE_HEADER, signLocalPayload } from './signing';

/**
 * The local gateway's events: stored on its side, then delivered as signed HTTP POSTs to Keel's
 * webhook endpoint by a job — asynchronously and with retries, exactly as a provider delivers them.
 */

export function localId(prefix: string): string {
  return `${prefix}_local_${randomBytes(12).toString('hex')}`;
}

const isoDate = z.iso.datetime({ offset: true });

/** A subscription as the local gateway's events carry it. */
export const localSubscriptionObject = z.object({
  id: z.string().min(1),
  customer: z.string().min(1),
  status: z.enum(SUBSCRIPTION_STATUSES),
  plan: z.string().min(1),
  seats: z.int().min(0),
  period_start: isoDate,
  period_end: isoDate,
  trial_end: isoDate.nullable(),
  cancel_at_period_end: z.boolean(),
  canceled_at: isoDate.nullable(),
  updated_at: isoDate,
});

export const localOrderObject = z.object({
  id: z.string().min(1),
  customer: z.string().min(1),
  plan: z.string().min(1),
  status: z.enum(ORDER_STATUSES),
  total_amount: z.int().min(0),
  currency: z.string().regex(/^[a-z]{3}$/),
  updated_at: isoDate,
});

export const localCheckoutObject = z.object({ id: z.string().min(1), customer: z.string().min(1) });

export const localEventEnvelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(100),
  created: isoDate,
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
type LocalEventEnvelope = z.infer<typeof localEventEnvelope>;

export function subscriptionObject(
  row: typeof localGatewaySubscriptions.$inferSelect,
): z.infer<typeof localSubscriptionObject> {
  return {
    id: row.id,
    customer: row.customerId,
    status: row.status,
    plan: row.planId,
    seats: row.seats,
    period_start: row.periodStartsAt.toISOString(),
    period_end: row.periodEndsAt.toISOString(),
    trial_end: row.trialEndsAt?.toISOString() ?? null,
    cancel_at_period_end: row.cancelAtPeriodEnd,
    canceled_at: row.canceledAt?.toISOString() ?? null,
    updated_at: row.updatedAt.toISOString(),
  };
}

export function orderObject(row: typeof localGatewayOrders.$inferSelect): z.infer<typeof localOrderObject> {
  return {
    id: row.id,
    customer: row.customerId,
    plan: row.planId,
    status: row.status,
    total_amount: row.totalAmount,
    currency: row.currency,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Where the events go: Keel's own webhook endpoint for the local provider. */
export function localWebhookUrl(): string {
  return getServerConfig().billing.localWebhookUrl ?? `${appConfig.site.url}/api/billing/webhooks/local`;
}

/** POSTs one stored event, signed now; a refusal or an unreachable endpoint throws, so the job retries. */
export const deliverLocalEvent = defineJob({
  name: 'billing.deliver-local-event',
  payload: z.object({ eventId: z.string() }),
  maxAttempts: 12,
  async run({ eventId }, { logger }) {
    const [event] = await db.select().from(localGatewayEvents).where(eq(localGatewayEvents.id, eventId));
    if (!event) return logger.warn({ eventId }, 'local gateway event not found: nothing to deliver');
    const body = JSON.stringify(event.payload);
    await db
      .update(localGatewayEvents)
      .set({ attempts: sql`${localGatewayEvents.attempts} + 1` })
      .where(eq(localGatewayEvents.id, eventId));
    const response = await fetch(localWebhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [LOCAL_SIGNATURE_HEADER]: signLocalPayload(body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the webhook endpoint answered ${response.status} to ${event.type} ${eventId}`);
    await db.update(localGatewayEvents).set({ deliveredAt: new Date() }).where(eq(localGatewayEvents.id, eventId));
  },
});

/** Records an event in the caller's transaction and queues its delivery there too: both or neither. */
export async function emitLocalEvent(tx: Transaction, type: string, object: Record<string, unknown>): Promise<string> {
  const id = localId('evt');
  const payload: LocalEventEnvelope = { id, type, created: new Date().toISOString(), data: { object } };
  await tx.insert(localGatewayEvents).values({ id, type, payload });
  await addJob(tx, deliverLocalEvent, { eventId: id });
  return id;
}
