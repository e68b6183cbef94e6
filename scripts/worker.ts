/**
 * `npm run worker`: a process that only runs background jobs (webhook deliveries, their retries),
 * next to app instances started with JOBS_IN_PROCESS=false — or beside them, to add capacity. Any
 * number may run against one database: each job goes to one runner. Ctrl+C / SIGTERM finishes the
 * jobs in progress, then exits. Guide: docs/billing/job-queue.md.
 */
import { readServerConfig } from '../src/platform/config/server-config-schema';
import { exitWithFriendlyError, prepareLocalEnvironment } from './lib/local-environment';
import { allowServerOnlyImports } from './lib/server-modules';

async function main() {
  // The database of DATABASE_URL, or the embedded one a running `npm run dev` / `npm start` shares.
  const environment = await prepareLocalEnvironment({ dev: process.env.NODE_ENV !== 'production' });
  const { jobs } = readServerConfig(process.env);

  allowServerOnlyImports();
  const { startJobRunner } = await import('../src/platform/jobs/runner');
  const { backgroundJobs } = await import('../src/background-jobs');
  const { closeDatabase } = await import('../src/platform/db/client');

  const runner = await startJobRunner({
    databaseUrl: environment.databaseUrl,
    jobs: backgroundJobs,
    concurrency: jobs.concurrency,
    schedules: jobs.schedules,
  });
  console.log(`[worker] running ${backgroundJobs.length} kinds of job, ${jobs.concurrency} at a time (Ctrl+C to stop)`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the jobs in progress…`);
    await runner.stop();
    await closeDatabase();
    await environment.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, (received) => void stop(received));
  }
}

main().catch(exitWithFriendlyError);
