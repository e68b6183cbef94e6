import { appConfig } from '@/platform/config/app-config';
import type { ProviderDriver, SentWebhook } from '../../integration/billing/contract/provider-driver';
import { LemonSqueezyMock } from './lemon-squeezy-mock';
import { serveWebhookEndpoint } from './webhook-endpoint';

export const LEMON_SQUEEZY_TEST_SECRET = 'keel-lemon-test-secret';
const LEMON_SQUEEZY_TEST_API_KEY = 'ls-test-key';

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
  private endpoint: Awaited<ReturnType<typeof serveWebhookEndpoint>> | null = null;

  async start(): Promise<void> {
    await this.mock.start();
    this.endpoint = await serveWebhookEndpoint('lemon-squeezy');
    this.mock.webhookUrl = this.endpoint.url;
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
    await this.endpoint?.close();
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
