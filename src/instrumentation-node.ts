import { ConfigError } from '@/platform/config/env-schema';

/**
 * Validates the configuration — a mistake stops the server with a message
 * that names the variable, instead of failing on the first request —, starts
 * the job runner (unless JOBS_IN_PROCESS=false) and records shutdowns.
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
  // Before registerShutdown: on shutdown the runner finishes its jobs before the database pool closes.
  const [{ startJobsInProcess }, { backgroundJobs }] = await Promise.all([
    import('@/platform/jobs/in-process'),
    import('./background-jobs'),
  ]);
  startJobsInProcess(backgroundJobs);
  const { registerShutdown } = await import('@/platform/shutdown');
  registerShutdown();
}
