import 'server-only';
import { asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Transaction } from '@/platform/db/client';
import { addJob, defineJob } from '@/platform/jobs/jobs';
import { logger } from '@/platform/logger';
import { getOrganizationSubscription } from './gating';
import { billingSubscriptions, billingUsageRecords } from './schema';
import { gatewayFor } from './providers';

/**
 * Metered usage (docs/billing/gating-and-limits.md): the app records units in the transaction that
 * creates what is counted; a job reports them to the provider later.
 */

/**
 * Records `quantity` units of `meter` when the organization's plan has a metered line item of that id
 * (e.g. "tasks"); does nothing otherwise. `idempotencyKey` (the counted thing's id) records it once
 * however often it is called. Returns whether the plan meters it: then queue a report after the commit.
 */
export async function recordUsage(
  tx: Transaction,
  organizationId: string,
  meter: string,
  idempotencyKey: string,
  quantity = 1,
): Promise<boolean> {
  const current = await getOrganizationSubscription(tx, organizationId);
  const item = current.plan?.lineItems.find((lineItem) => lineItem.type === 'metered' && lineItem.id === meter);
  if (!item || !current.subscription) return false;
  await tx
    .insert(billingUsageRecords)
    .values({ organizationId, subscriptionId: current.subscription.id, lineItemId: item.id, quantity, idempotencyKey })
    .onConflictDoNothing({ target: [billingUsageRecords.organizationId, billingUsageRecords.idempotencyKey] });
  return true;
}

const BATCH = 100;

/**
 * Reports every unreported usage record to its provider and marks it reported. Safe to run twice, or
 * twice at once: rows are taken with `skip locked`, and each carries its id as the provider's idempotency
 * key, so a batch rolled back after a partial report is reported again without being counted twice.
 */
export const reportUsage = defineJob({
  name: 'billing.report-usage',
  payload: z.object({}).default({}),
  run: async (_payload, { logger: jobLogger }) => {
    let reported = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const rows = await tx
          .select({ record: billingUsageRecords, subscription: billingSubscriptions })
          .from(billingUsageRecords)
          .innerJoin(billingSubscriptions, eq(billingSubscriptions.id, billingUsageRecords.subscriptionId))
          .where(isNull(billingUsageRecords.reportedAt))
          .orderBy(asc(billingUsageRecords.recordedAt))
          .limit(BATCH)
          .for('update', { of: billingUsageRecords, skipLocked: true });
        for (const { record, subscription } of rows) {
          const gateway = gatewayFor(subscription.provider);
          if (!gateway) throw new Error(`no gateway for ${subscription.provider}`);
          await gateway.reportUsage({
            subscriptionId: subscription.providerSubscriptionId,
            lineItemId: record.lineItemId,
            quantity: record.quantity,
            idempotencyKey: record.id,
          });
          await tx
            .update(billingUsageRecords)
            .set({ reportedAt: new Date() })
            .where(eq(billingUsageRecords.id, record.id));
        }
        reported += rows.length;
        return rows.length < BATCH;
      });
      if (done) break;
    }
    if (reported > 0) jobLogger.info({ reported }, 'usage reported');
  },
});

/**
 * Queues a report within the minute: one job per minute however many units were recorded. Called after
 * the recording transaction committed, so it never throws (the unit is recorded; the next report sends it).
 */
export async function queueUsageReport(now = new Date()): Promise<void> {
  const minute = Math.floor(now.getTime() / 60_000);
  try {
    await addJob(
      db,
      reportUsage,
      {},
      { jobKey: `billing.report-usage:${minute}`, runAt: new Date((minute + 1) * 60_000) },
    );
  } catch (error) {
    logger.error({ err: error }, 'queueing the usage report failed');
  }
}
