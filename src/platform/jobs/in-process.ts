import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import { logger } from '@/platform/logger';
import { closeWhenDrained, isDraining } from '@/platform/server/lifecycle';
import type { AnyJob } from './jobs';
import { startJobRunner, type JobRunner } from './runner';

const RETRY_START_MS = 10_000;
const KEY = Symbol.for('keel.jobs.in-process');

/**
 * Runs the app's jobs inside the server process unless JOBS_IN_PROCESS=false (separate
 * `npm run worker` processes then run them). Called once when the server starts; it does not delay
 * serving: a database that is not up yet is retried every 10 s. On shutdown the runner stops —
 * finishing the jobs in progress — before the database pool closes.
 */
export function startJobsInProcess(jobs: readonly AnyJob[]): void {
  const { jobs: settings, databaseUrl } = getServerConfig();
  const store = globalThis as { [KEY]?: boolean };
  if (!settings.inProcess || store[KEY]) return;
  store[KEY] = true;

  let runner: JobRunner | null = null;
  let starting: Promise<void> | null = null;
  let stopped = false;
  const start = () => {
    starting = startJobRunner({
      databaseUrl,
      jobs,
      concurrency: settings.concurrency,
      schedules: settings.schedules,
    })
      .then(async (started) => {
        if (stopped) return started.stop();
        runner = started;
        logger.info({ concurrency: settings.concurrency }, 'job runner started in the app process');
      })
      .catch((error: unknown) => {
        logger.error(
          { reason: error instanceof Error ? error.message : String(error) },
          'job runner could not start; retrying',
        );
        if (!stopped && !isDraining()) setTimeout(start, RETRY_START_MS).unref();
      });
  };
  closeWhenDrained('job runner', async () => {
    stopped = true;
    await starting;
    await runner?.stop();
  });
  start();
}
