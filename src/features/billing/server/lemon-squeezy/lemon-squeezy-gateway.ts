import 'server-only';
import type { ProviderPriceIds } from '@/platform/config/billing-config-schema';
import type { BillingGateway } from '../gateway';

export interface LemonSqueezyGatewayOptions {
  apiKey: string;
  storeId: string;
  webhookSecret: string;
  /** Null: Lemon Squeezy's own API; tests point the SDK at a local mock. */
  apiUrl: string | null;
  prices: ProviderPriceIds;
}

/** Lemon Squeezy behind the billing gateway (docs/billing/lemon-squeezy.md). Placeholder: its helper replaces it. */
export function createLemonSqueezyGateway(options: LemonSqueezyGatewayOptions): BillingGateway {
  void options;
  throw new Error('The Lemon Squeezy gateway is not built yet.');
}
