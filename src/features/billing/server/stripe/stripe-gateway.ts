import 'server-only';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import type { BillingGateway } from '../gateway';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** Null: Stripe's own API; tests point the SDK at a local mock. */
  apiUrl: string | null;
  prices: ProviderPriceIds;
}

/** Stripe behind the billing gateway (docs/billing/stripe.md). Placeholder: the Stripe helper replaces this file. */
export function createStripeGateway(options: StripeGatewayOptions): BillingGateway {
  void options;
  throw new Error('The Stripe gateway is not built yet.');
}
