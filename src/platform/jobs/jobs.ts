import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Logger } from '@/platform/logger';

/**
 * Background jobs on graphile-worker (decision 0033, docs/billing/job-queue.md): jobs are rows in
 * PostgreSQL, so adding one inside a transaction commits or rolls back with the data that caused it.
 */

interface JobContext {
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  maxAttempts: number;
  jobId: string;
  logger: Logger;
}

export interface JobDefinition<P = unknown> {
  /** Unique across the app, e.g. 'billing.deliver-local-event'. */
  name: string;
  /** Checks the stored payload before `run` sees it. */
  payload: z.ZodType<P>;
  /** Runs before the job is given up (graphile-worker backs off exponentially between them). Default 10. */
  maxAttempts?: number;
  /**
   * A crontab pattern ("17 * * * *": every hour at :17) to queue the job on by itself, with an empty
   * payload. Every runner knows the schedule; graphile-worker queues each tick once among them.
   */
  schedule?: string;
  /** Throwing schedules a retry; returning completes the job. It may run more than once: make it idempotent. */
  run: (payload: P, context: JobContext) => Promise<void>;
}

/** A job of any payload, as the runners list them (each checks its own payload). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list mixes payload types.
export type AnyJob = JobDefinition<any>;

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** Anything that runs SQL: `db` or a transaction (`tx`). */
interface SqlExecutor {
  execute: (query: SQL) => Promise<unknown>;
}

export interface AddJobOptions {
  /** Not before this time. */
  runAt?: Date;
  /** A job with the same key that has not started yet is replaced, not duplicated. */
  jobKey?: string;
}

/**
 * Queues a job. Pass the transaction that changes the data the job is about: the job exists only if
 * that transaction commits (a rollback leaves no job behind), and it runs after the commit.
 *
 *   await db.transaction(async (tx) => { …; await addJob(tx, deliverEvent, { eventId }); });
 */
export async function addJob<P>(
  executor: SqlExecutor,
  job: JobDefinition<P>,
  payload: P,
  options: AddJobOptions = {},
): Promise<void> {
  const checked = job.payload.parse(payload);
  await executor.execute(sql`select graphile_worker.add_job(
    ${job.name},
    ${JSON.stringify(checked ?? null)}::json,
    run_at := ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts := ${job.maxAttempts ?? 10}::int,
    job_key := ${options.jobKey ?? null}::text
  )`);
}
