import { StripeDriver } from '../../../support/billing/stripe-driver';
import { registerGatewayContract } from './gateway-contract';

/** The gateway contract against the Stripe adapter: the real SDK, pointed at the local mock of Stripe's API. */
await registerGatewayContract(new StripeDriver());
