import { appConfig } from '@/platform/config/app-config';
import type { ProviderDriver, SentWebhook } from '../../integration/billing/contract/provider-driver';
import { StripeMock, type MockMeter, type MockPrice } from './stripe-mock';
import { serveWebhookEndpoint } from './webhook-endpoint';

/** The test account's keys: shaped like Stripe's, known only to this machine. */
const STRIPE_TEST_SECRET_KEY = 'sk_test_keel_local_mock_0000000000000000';
export const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_keel_local_mock_signing_secret_000000';

/** The catalogue's line items as prices of the mock's account, each under the variable the catalogue names. */
function catalogueAtStripe() {
  const prices: (MockPrice & { variable: string })[] = [];
  const meters: MockMeter[] = [];
  for (const product of appConfig.billing.products)
    for (const plan of product.plans)
      for (const item of plan.lineItems) {
        const variable = item.providerPriceEnv.stripe;
        if (!variable) continue;
        const id = `price_${plan.id}_${item.id}`.replaceAll('-', '_');
        const meter = item.type === 'metered' ? { id: `mtr_${item.id}`, eventName: `keel_${item.id}` } : null;
        if (meter) meters.push(meter);
        prices.push({
          id,
          variable,
          currency: plan.currency,
          unitAmount: item.amount,
          recurring:
            plan.interval === 'one_off'
              ? null
              : {
                  interval: plan.interval,
                  usageType: item.type === 'metered' ? 'metered' : 'licensed',
                  meter: meter?.id ?? null,
                },
        });
      }
  return { prices, meters };
}

/**
 * The Stripe side of the gateway contract suite and of the Stripe tests: the mock of Stripe's API (started
 * on a free port, the app pointed at it through STRIPE_API_URL) and the app's real webhook endpoint served
 * over HTTP for the mock's deliveries.
 */
export class StripeDriver implements ProviderDriver {
  readonly provider = 'stripe' as const;
  readonly mock: StripeMock;
  readonly prices: ReturnType<typeof catalogueAtStripe>['prices'];
  private endpoint: Awaited<ReturnType<typeof serveWebhookEndpoint>> | undefined;

  constructor() {
    const { prices, meters } = catalogueAtStripe();
    this.prices = prices;
    this.mock = new StripeMock({
      secretKey: STRIPE_TEST_SECRET_KEY,
      webhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
      prices,
      meters,
    });
  }

  /** The mock's price id for a plan's line item. */
  priceId(planId: string, lineItemId: string): string {
    return `price_${planId}_${lineItemId}`.replaceAll('-', '_');
  }

  async start(): Promise<void> {
    const apiUrl = await this.mock.start();
    this.endpoint = await serveWebhookEndpoint('stripe');
    this.mock.webhookUrl = this.endpoint.url;
    Object.assign(process.env, {
      BILLING_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: STRIPE_TEST_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
      STRIPE_API_URL: apiUrl,
      ...Object.fromEntries(this.prices.map((price) => [price.variable, price.id])),
    });
  }

  async stop(): Promise<void> {
    await this.mock.stop();
    await this.endpoint?.close();
  }

  async payCheckout(checkoutId: string): Promise<void> {
    this.mock.payCheckout(checkoutId);
  }

  async renew(subscriptionId: string, outcome: 'paid' | 'declined'): Promise<void> {
    this.mock.renew(subscriptionId, outcome);
  }

  async recover(subscriptionId: string): Promise<void> {
    this.mock.recover(subscriptionId);
  }

  sent(): SentWebhook[] {
    return this.mock.sent.map(({ body, headers }) => ({ body, headers }));
  }

  hold(held: boolean): void {
    this.mock.held = held;
  }

  deliver(webhook: SentWebhook): Promise<number> {
    return this.mock.deliver(webhook);
  }

  settled(): Promise<void> {
    return this.mock.settled();
  }
}
