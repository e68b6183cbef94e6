import {
  Logger as WorkerLogger,
  parseCronItems,
  run,
  type ParsedCronItem,
  type Runner,
  type TaskList,
} from 'graphile-worker';
import pg from 'pg';
import { logger } from '@/platform/logger';
import type { AnyJob } from './jobs';

/**
 * Runs queued jobs: inside the app by default (src/instrumentation-node.ts), or in separate
 * `npm run worker` processes (scripts/worker.ts). Any number of runners may share one database:
 * graphile-worker hands each job to one of them (SKIP LOCKED) and hears new ones by LISTEN/NOTIFY.
 */

/** graphile-worker's log lines, into our structured log. */
const workerLogger = new WorkerLogger((scope) => (level, message, meta) => {
  const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'info' ? 'info' : 'debug';
  logger[method]({ jobs: scope, ...meta }, message);
});

function taskListOf(jobs: readonly AnyJob[]): TaskList {
  const names = new Set<string>();
  const list: TaskList = {};
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Two jobs are named "${job.name}": job names must be unique.`);
    names.add(job.name);
    list[job.name] = async (payload, helpers) => {
      const jobLogger = logger.child({
        job: job.name,
        jobId: helpers.job.id,
        attempt: helpers.job.attempts,
      });
      await job.run(job.payload.parse(payload), {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        jobId: helpers.job.id,
        logger: jobLogger,
      });
    };
  }
  return list;
}

/** The jobs that declare a `schedule`, as graphile-worker's cron items (named after the job). */
function cronItemsOf(jobs: readonly AnyJob[]): ParsedCronItem[] {
  return parseCronItems(
    jobs.flatMap((job) =>
      job.schedule
        ? [
            {
              task: job.name,
              match: job.schedule,
              identifier: job.name,
              // A tick missed while no runner was up is not made up for; one waiting run is enough.
              options: { backfillPeriod: 0, maxAttempts: job.maxAttempts ?? 10, jobKey: `cron:${job.name}` },
            },
          ]
        : [],
    ),
  );
}

export interface JobRunner {
  /** Finishes the jobs in progress (none is abandoned half-way), then closes its connections. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  databaseUrl: string;
  jobs: readonly AnyJob[];
  concurrency: number;
  /** How often to look for jobs whose time has come (new jobs are heard at once). Default 2 s. */
  pollIntervalMs?: number;
  /**
   * Queue the jobs that declare a `schedule` at their times. The app's runner and `npm run worker`
   * pass JOBS_SCHEDULES (default true); a test's runner leaves them off unless it asks.
   */
  schedules?: boolean;
}

/** Starts a runner; it installs or upgrades graphile-worker's own schema first if needed. */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  // Its own small pool: one connection stays in LISTEN, the others run jobs.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.concurrency + 2,
    connectionTimeoutMillis: 5_000,
  });
  // An idle or a checked-out connection that drops (database restart) is logged, never a crash.
  pool.on('error', (error) => logger.warn({ reason: error.message }, 'job queue connection lost'));
  pool.on('connect', (client) =>
    client.on('error', (error) => logger.warn({ reason: error.message }, 'job queue connection lost')),
  );
  let runner: Runner;
  try {
    runner = await run(
      {
        pgPool: pool,
        taskList: taskListOf(options.jobs),
        concurrency: options.concurrency,
        pollInterval: options.pollIntervalMs ?? 2_000,
        // The app's shutdown (src/platform/shutdown.ts) or the worker script stops it, in order.
        noHandleSignals: true,
        logger: workerLogger,
      },
      undefined,
      // No crontab file is read: schedules are declared on the jobs themselves.
      options.schedules ? cronItemsOf(options.jobs) : [],
    );
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}
