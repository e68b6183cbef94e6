import 'server-only';
import { readServerConfig } from './server-config-schema';

/** The validated server-only configuration (secrets included). Never import it from client code. */
export const serverConfig = readServerConfig(process.env);
export type { ServerConfig } from './server-config-schema';
