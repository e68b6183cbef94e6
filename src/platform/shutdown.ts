import 'server-only';
import { logger } from '@/platform/logger';

let registered = false;

/**
 * On SIGTERM/SIGINT (a deploy, Ctrl+C) Next.js itself stops accepting
 * connections, lets the requests in flight finish, then exits; the database
 * pool's sockets close with the process. We only record when it happens, so
 * the logs explain a gap. (`npm start` then stops the embedded PostgreSQL.)
 */
export function registerShutdown() {
  if (registered) return;
  registered = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => logger.info({ signal }, 'shutting down: finishing in-flight requests'));
  }
}
