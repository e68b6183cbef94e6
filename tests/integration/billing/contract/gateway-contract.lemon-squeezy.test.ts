import { LemonSqueezyDriver } from '../../../support/billing/lemon-squeezy-driver';
import { registerGatewayContract } from './gateway-contract';

/** The gateway contract against the Lemon Squeezy adapter: the official SDK talking to the local mock of its API. */
await registerGatewayContract(new LemonSqueezyDriver());
