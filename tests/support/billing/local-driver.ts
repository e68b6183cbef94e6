import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, isNull } from 'drizzle-orm';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import {
  advanceLocalSubscription,
  billingJobs,
  completeLocalCheckout,
  setLocalPaymentMethod,
} from '@/features/billing/server';
import { localGatewayEvents, localGatewaySubscriptions } from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { startJobRunner, type JobRunner } from '@/platform/jobs/runner';
import type { ProviderDriver, SentWebhook } from '../../integration/billing/contract/provider-driver';

/**
 * The local gateway as the contract suite's provider (decision 0034): its hosted checkout, its clock for
 * renewals and its test card for declines and recovery. Its deliveries run as in the app — billing's jobs
 * on a job runner POST each signed event over HTTP — to this driver's server, which records the webhook
 * and passes it to the real endpoint, or, while held, answers 200 without passing it on: the provider
 * believes it delivered, Keel never heard (a lost delivery).
 */

const ORIGIN = 'http://localhost:3000';

/** Posts a webhook to the app's real endpoint for the local provider, as the gateway's job would. */
async function postToApp(webhook: SentWebhook): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/billing/webhooks/local`, {
    method: 'POST',
    headers: webhook.headers,
    body: webhook.body,
  });
  return POST(request, { params: Promise.resolve({ provider: 'local' }) });
}

async function customerOf(subscriptionId: string): Promise<string> {
  const [row] = await db
    .select({ customerId: localGatewaySubscriptions.customerId })
    .from(localGatewaySubscriptions)
    .where(eq(localGatewaySubscriptions.id, subscriptionId));
  if (!row) throw new Error(`local driver: no subscription ${subscriptionId}`);
  return row.customerId;
}

export function localDriver(): ProviderDriver {
  const sent: SentWebhook[] = [];
  let held = false;
  let inFlight = 0;
  let server: Server | undefined;
  let runner: JobRunner | undefined;

  const driver: ProviderDriver = {
    provider: 'local',

    async start() {
      process.env.BILLING_PROVIDER = 'local';
      server = createServer(async (incoming, outgoing) => {
        inFlight += 1;
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of incoming) chunks.push(chunk as Buffer);
          // Byte for byte what the gateway sent, with the headers that matter to the endpoint.
          const headers: Record<string, string> = {};
          for (const name of ['content-type', 'keel-signature']) {
            const value = incoming.headers[name];
            if (typeof value === 'string') headers[name] = value;
          }
          const webhook = { body: Buffer.concat(chunks).toString('utf8'), headers };
          sent.push(webhook);
          const status = held ? 200 : await driver.deliver(webhook);
          outgoing.writeHead(status).end();
        } finally {
          inFlight -= 1;
        }
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      process.env.BILLING_LOCAL_WEBHOOK_URL = `http://127.0.0.1:${port}/api/billing/webhooks/local`;
      // One job at a time: the gateway's events reach the endpoint in the order it sent them.
      runner = await startJobRunner({
        databaseUrl: process.env.DATABASE_URL!,
        jobs: billingJobs,
        concurrency: 1,
        pollIntervalMs: 100,
      });
    },

    async stop() {
      await runner?.stop();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    },

    async payCheckout(checkoutId) {
      const paid = await completeLocalCheckout(checkoutId, 'succeeds');
      if (!paid.ok) throw new Error(`local driver: the checkout was not paid (${paid.reason})`);
    },

    async renew(subscriptionId, outcome) {
      await setLocalPaymentMethod(await customerOf(subscriptionId), outcome === 'paid' ? 'succeeds' : 'declined');
      const step = await advanceLocalSubscription(subscriptionId);
      if (step !== 'charge') throw new Error(`local driver: the clock's next step was ${step}, not a charge`);
    },

    async recover(subscriptionId) {
      // A card that works on file retries the open invoice at once, as the portal does.
      const recovered = await setLocalPaymentMethod(await customerOf(subscriptionId), 'succeeds');
      if (!recovered.includes(subscriptionId)) throw new Error('local driver: nothing past due to recover');
    },

    sent: () => [...sent],

    hold(value) {
      held = value;
    },

    async deliver(webhook) {
      return (await postToApp(webhook)).status;
    },

    async settled() {
      // Every event the gateway stored has been POSTed and answered (recorded, while held).
      for (let waited = 0; waited < 20_000; waited += 50) {
        const [pending] = await db
          .select({ id: localGatewayEvents.id })
          .from(localGatewayEvents)
          .where(isNull(localGatewayEvents.deliveredAt))
          .limit(1);
        if (!pending && inFlight === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('local driver: the gateway’s events were not all delivered within 20 s');
    },
  };
  return driver;
}
