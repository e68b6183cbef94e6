import { localDriver } from '../../../support/billing/local-driver';
import { registerGatewayContract } from './gateway-contract';

/** The gateway contract against the built-in local gateway: its checkout page, clock and test cards. */
await registerGatewayContract(localDriver());
