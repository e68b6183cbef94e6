import 'server-only';
import { closeDatabase } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { closeWhenDrained } from '@/platform/server/lifecycle';

let registered = false;

/**
 * On SIGTERM/SIGINT (a deploy, Ctrl+C) our HTTP server (scripts/serve.ts)
 * stops accepting connections, lets the requests in flight finish within
 * SHUTDOWN_GRACE_SECONDS and, once they have, runs what is registered here:
 * the database pool closes after its last query, then the process exits 0.
 * (`npm start` then stops the embedded PostgreSQL.) Next.js's own server
 * (`next start`, the standalone server.js) exits on the signal without waiting.
 */
export function registerShutdown() {
  if (registered) return;
  registered = true;
  closeWhenDrained('database pool', closeDatabase);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => logger.info({ signal }, 'shutting down: finishing in-flight requests'));
  }
}
