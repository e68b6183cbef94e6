import { afterEach, expect, it, vi } from 'vitest';

const runner = vi.hoisted(() => ({ starts: 0 }));
vi.mock('@/platform/jobs/in-process', () => ({ startJobsInProcess: () => void runner.starts++ }));
vi.mock('@/platform/shutdown', () => ({ registerShutdown: () => undefined }));

afterEach(() => {
  vi.unstubAllEnvs();
  runner.starts = 0;
});

/**
 * The server runs the jobs itself, except under `npm run dev`, where scripts/run-app.ts starts a worker process
 * beside it and the dev build leaves the jobs' code out of the server's start (a quicker first page).
 */
it('starts the job runner in the server process, but not in development', async () => {
  const { onServerStart } = await import('./instrumentation-node');
  await onServerStart();
  expect(runner.starts).toBe(1);

  vi.stubEnv('NODE_ENV', 'development');
  await onServerStart();
  expect(runner.starts).toBe(1);
});
