import { afterAll, beforeAll } from 'vitest';
import { billingJobs } from '@/features/billing/server';
import { startJobRunner, type JobRunner } from '@/platform/jobs/runner';
import { serveWebhookEndpoint } from '../../support/billing/webhook-endpoint';

/**
 * The local gateway's deliveries for one test file, as in the app: billing's jobs run on a job runner
 * and POST their signed events over HTTP to the real webhook handler. Call it at the top of the file
 * (before anything reads the server configuration, which holds the webhook's URL).
 */
export async function deliverLocalEventsOverHttp({ pollIntervalMs = 100 } = {}): Promise<void> {
  const endpoint = await serveWebhookEndpoint('local');
  process.env.BILLING_LOCAL_WEBHOOK_URL = endpoint.url;

  let runner: JobRunner;
  beforeAll(async () => {
    runner = await startJobRunner({
      databaseUrl: process.env.DATABASE_URL!,
      jobs: billingJobs,
      concurrency: 2,
      pollIntervalMs,
    });
  });
  afterAll(async () => {
    await runner.stop();
    await endpoint.close();
  });
}

/** Checks until `check` gives a value (the queue delivers in the background), or fails after 20 s. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting for the queued deliveries');
}
