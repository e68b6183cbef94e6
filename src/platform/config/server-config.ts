import 'server-only';
import { appConfig } from './app-config';
import { readServerConfig, type ServerConfig } from './server-config-schema';

let cached: ServerConfig | undefined;

/**
 * The validated server-only configuration (secrets included). Never import it
 * from client code.
 *
 * Read on first use rather than at import, because `next build` imports every
 * route without the runtime secrets; the server validates it when it starts
 * (src/instrumentation.ts), so a mistake still stops the app before any request.
 */
export function getServerConfig(): ServerConfig {
  return (cached ??= readServerConfig(process.env, appConfig.auth.oauthProviders, appConfig.billing));
}

export type { ServerConfig };
