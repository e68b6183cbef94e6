import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import { appConfig } from '@/platform/config/app-config';
import type { ProviderDriver, SentWebhook } from '../../integration/billing/contract/provider-driver';
import { LemonSqueezyMock } from './lemon-squeezy-mock';

export const LEMON_SQUEEZY_TEST_SECRET = 'keel-lemon-test-secret';
const LEMON_SQUEEZY_TEST_API_KEY = 'ls-test-key';

/**
 * The app's webhook endpoint over HTTP, as Lemon Squeezy reaches it: a local server that hands each
 * request to the real route handler, POST /api/billing/webhooks/lemon-squeezy.
 */
async function webhookEndpoint(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost:3000${incoming.url}`, {
      method: 'POST',
      headers: incoming.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await POST(request, { params: Promise.resolve({ provider: 'lemon-squeezy' }) });
    outgoing.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/billing/webhooks/lemon-squeezy`, server };
}

/**
 * Lemon Squeezy for the gateway contract suite and the adapter's tests: the mock above, a variant for
 * every line item of the catalogue (each plan's trial set on its variant, as Lemon Squeezy does), and the
 * app pointed at it through the variables a builder sets.
 */
export class LemonSqueezyDriver implements ProviderDriver {
  readonly provider = 'lemon-squeezy' as const;
  readonly mock = new LemonSqueezyMock(LEMON_SQUEEZY_TEST_API_KEY, LEMON_SQUEEZY_TEST_SECRET);
  /** Keel's plan/line item → the variant id the mock gave it. */
  readonly variants = new Map<string, string>();
  private endpoint: Server | null = null;

  async start(): Promise<void> {
    await this.mock.start();
    const endpoint = await webhookEndpoint();
    this.endpoint = endpoint.server;
    this.mock.webhookUrl = endpoint.url;
    let next = 7001;
    for (const product of appConfig.billing.products)
      for (const plan of product.plans)
        for (const item of plan.lineItems) {
          const variable = item.providerPriceEnv['lemon-squeezy'];
          if (!variable) continue;
          const id = String(next++);
          process.env[variable] = id;
          this.variants.set(`${plan.id}/${item.id}`, id);
          this.mock.addVariant({
            id,
            interval: plan.interval,
            trialDays: plan.trialDays,
            usageBased: item.type === 'metered',
            price: item.amount,
          });
        }
    Object.assign(process.env, {
      BILLING_PROVIDER: 'lemon-squeezy',
      LEMON_SQUEEZY_API_KEY: LEMON_SQUEEZY_TEST_API_KEY,
      LEMON_SQUEEZY_STORE_ID: this.mock.storeId,
      LEMON_SQUEEZY_WEBHOOK_SECRET: LEMON_SQUEEZY_TEST_SECRET,
      LEMON_SQUEEZY_API_URL: this.mock.url,
    });
  }

  async stop(): Promise<void> {
    await this.mock.stop();
    await new Promise((resolve) => this.endpoint?.close(resolve));
  }

  async payCheckout(checkoutId: string): Promise<void> {
    this.mock.pay(checkoutId);
  }

  async renew(subscriptionId: string, outcome: 'paid' | 'declined'): Promise<void> {
    this.mock.renew(subscriptionId, outcome);
  }

  async recover(subscriptionId: string): Promise<void> {
    this.mock.recover(subscriptionId);
  }

  sent(): SentWebhook[] {
    return this.mock.sent();
  }

  hold(held: boolean): void {
    this.mock.hold(held);
  }

  deliver(webhook: SentWebhook): Promise<number> {
    return this.mock.deliver(webhook);
  }

  settled(): Promise<void> {
    return this.mock.settled();
  }
}
