import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import { billingJobs } from '@/features/billing/server';
import { startJobRunner, type JobRunner } from '@/platform/jobs/runner';

/**
 * The local gateway's deliveries for one test file, as in the app: billing's jobs run on a job runner
 * and POST their signed events over HTTP to the real webhook handler. Call it at the top of the file
 * (before anything reads the server configuration, which holds the webhook's URL).
 */
export async function deliverLocalEventsOverHttp({ pollIntervalMs = 100 } = {}): Promise<void> {
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost:3000${incoming.url}`, {
      method: 'POST',
      headers: incoming.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await POST(request, { params: Promise.resolve({ provider: 'local' }) });
    outgoing.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.env.BILLING_LOCAL_WEBHOOK_URL = `http://127.0.0.1:${port}/api/billing/webhooks/local`;

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
    await new Promise((resolve) => server.close(resolve));
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
