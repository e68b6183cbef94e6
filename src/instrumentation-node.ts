import { ConfigError } from '@/platform/config/env-schema';

/**
 * Validates the configuration — a mistake stops the server with a message
 * that names the variable, instead of failing on the first request —, starts
 * the job runner (unless JOBS_IN_PROCESS=false; under `npm run dev` a worker
 * process beside the server runs them) and records shutdowns.
 */
export async function onServerStart() {
  try {
    await import('@/platform/config/app-config');
    const { getServerConfig } = await import('@/platform/config/server-config');
    getServerConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // `npm run dev` runs the jobs in a worker process beside the server (scripts/run-app.ts): compiled into the dev
  // server's start, their code (billing, email) cost about 15 s of CPU before the first page. NODE_ENV is a
  // constant Next.js writes into the build, so the development build leaves these imports out entirely.
  if (process.env.NODE_ENV !== 'development') {
    // Before registerShutdown: on shutdown the runner finishes its jobs before the database pool closes.
    const [{ startJobsInProcess }, { backgroundJobs }] = await Promise.all([
      import('@/platform/jobs/in-process'),
      import('./background-jobs'),
    ]);
    startJobsInProcess(backgroundJobs);
  }
  const { registerShutdown } = await import('@/platform/shutdown');
  registerShutdown();
}
