import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import type { BillingProvider } from '@/platform/config/constants';
import type { BillingGateway } from './gateway';
import { createLemonSqueezyGateway } from './lemon-squeezy/lemon-squeezy-gateway';
import { localGateway } from './local-gateway/local-gateway';
import { createStripeGateway } from './stripe/stripe-gateway';

/**
 * Which gateway answers for which provider (docs/billing/): `BILLING_PROVIDER` names the one that takes
 * new checkouts; its credentials and price ids were checked when the server started. The local gateway
 * also answers in development and tests whatever the provider (the demo data is on it), and in production
 * only when switched on deliberately (decision 0034). Nothing else in the app depends on the provider.
 */

let paymentGateway: BillingGateway | undefined;

/** The configured payment provider's gateway, made once per process. */
function configuredPaymentGateway(): BillingGateway | null {
  const { billing } = getServerConfig();
  if (billing.stripe && billing.prices)
    return (paymentGateway ??= createStripeGateway({ ...billing.stripe, prices: billing.prices }));
  if (billing.lemonSqueezy && billing.prices)
    return (paymentGateway ??= createLemonSqueezyGateway({ ...billing.lemonSqueezy, prices: billing.prices }));
  return null;
}

/** The gateway that answers for a provider (webhooks, reconciliation, changes), or null when it is not in use here. */
export function gatewayFor(provider: BillingProvider): BillingGateway | null {
  const { isProduction, billing } = getServerConfig();
  if (provider === 'local') return isProduction && !billing.localGatewayInProduction ? null : localGateway;
  return provider === billing.provider ? configuredPaymentGateway() : null;
}

/** The gateway new checkouts go to: BILLING_PROVIDER's. */
export function activeGateway(): BillingGateway {
  const { billing } = getServerConfig();
  const gateway = gatewayFor(billing.provider);
  if (!gateway)
    throw new Error(
      billing.provider === 'local'
        ? 'No payment provider is configured (BILLING_PROVIDER), and the local gateway is off in production (BILLING_LOCAL_GATEWAY_IN_PRODUCTION).'
        : `The ${billing.provider} gateway has no price ids: the server configuration was read without the billing catalogue.`,
    );
  return gateway;
}
