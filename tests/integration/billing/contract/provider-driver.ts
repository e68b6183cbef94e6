import type { BillingProvider } from '@/platform/config/constants';

/** A webhook as the provider sent it, byte for byte: it can be delivered again, reordered or tampered with. */
export interface SentWebhook {
  body: string;
  headers: Record<string, string>;
}

/**
 * The provider's side of the gateway contract suite (gateway-contract.ts): what a buyer and the provider
 * do outside Keel — pay a hosted checkout, charge a renewal, retry a card — played against the real
 * adapter, whose SDK talks to a local HTTP mock of the provider's API (the local gateway is its own).
 * Every webhook the provider sends goes to the app's real endpoint, POST /api/billing/webhooks/<provider>.
 */
export interface ProviderDriver {
  readonly provider: BillingProvider;
  /**
   * Starts the provider's mock and points the app at it (BILLING_PROVIDER, credentials, price-id and
   * API URL variables). registerGatewayContract calls it first, at the top of the test file, before anything
   * reads the server configuration; it calls stop() after the file's tests.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The buyer pays the hosted checkout Keel created (startCheckout's checkoutId) with a card that works. */
  payCheckout(checkoutId: string): Promise<void>;
  /** The period ends and the provider charges the renewal: paid, or the card is declined (past due). */
  renew(subscriptionId: string, outcome: 'paid' | 'declined'): Promise<void>;
  /** The customer fixes their card and the provider's retry of the open invoice is paid. */
  recover(subscriptionId: string): Promise<void>;
  /**
   * Every webhook the provider has sent so far, oldest first, whether delivered or held, with the headers
   * the provider's signature needs. The suite replays them straight to the endpoint (redeliveries, reversed
   * order, a changed byte), so each must still verify there when replayed within a few minutes.
   */
  sent(): SentWebhook[];
  /** While held, webhooks are recorded in sent() but not delivered: lost deliveries, reordering. */
  hold(held: boolean): void;
  /** Posts one webhook to the app's real endpoint, as the provider would: the response's status. */
  deliver(webhook: SentWebhook): Promise<number>;
  /**
   * Resolves when every webhook the provider has to send so far has been sent and answered by the app —
   * or, while held, recorded in sent(). The suite calls it after each step before reading Keel's state.
   */
  settled(): Promise<void>;
}
