import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { defineJob, type AnyJob } from '@/platform/jobs/jobs';
import { auditEvents } from './schema';

/** The only role that may delete audit events (drizzle/0017_audit_events.sql); the app's roles may not. */
const RETENTION_ROLE = 'keel_audit_retention';

/**
 * Deletes the audit events older than the retention period (appConfig.audit.retentionDays), as the retention role,
 * for this transaction only. Returns how many went.
 */
export async function pruneAuditEvents(
  now: Date = new Date(),
  retentionDays: number = appConfig.audit.retentionDays,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${RETENTION_ROLE}, true)`);
    const deleted = await tx.delete(auditEvents).where(lt(auditEvents.occurredAt, cutoff));
    return deleted.rowCount ?? 0;
  });
}

/** Every night at 03:23, on the job queue (graphile-worker queues each tick once among the runners). */
const pruneAuditEventsJob = defineJob({
  name: 'audit.prune',
  payload: z.object({}),
  schedule: '23 3 * * *',
  maxAttempts: 3,
  run: async (_payload, { logger }) => {
    const deleted = await pruneAuditEvents();
    logger.info({ deleted, retentionDays: appConfig.audit.retentionDays }, 'audit events past retention deleted');
  },
});

export const auditJobs: readonly AnyJob[] = [pruneAuditEventsJob];
