import 'server-only';
import pg from 'pg';
import { getServerConfig } from '@/platform/config/server-config';
import { logger } from '@/platform/logger';
import { isDraining } from '@/platform/server/lifecycle';

const DATABASE_TIMEOUT_MS = 3_000;
const startedAt = Date.now();

export interface HealthReport {
  /** "draining": the server is shutting down (SIGTERM) and finishing what it has; send new requests elsewhere. */
  status: 'ok' | 'degraded' | 'draining';
  database: { status: 'ok' | 'unreachable'; latencyMs: number };
  uptimeSeconds: number;
}

/**
 * Unhealthy ("draining") while the server finishes its requests before
 * exiting. Otherwise asks PostgreSQL a trivial question, giving up after 3
 * seconds so the answer always comes within the 5 seconds load balancers usually wait. A new
 * connection is tried each time, so health recovers as soon as the database
 * is back, without a restart.
 */
export async function checkHealth(): Promise<HealthReport> {
  const began = performance.now();
  if (isDraining()) {
    return {
      status: 'draining',
      database: { status: 'ok', latencyMs: 0 },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  }
  // Its own connection, with timeouts on connecting and on the query: a stalled
  // database never holds one of the app's pooled connections.
  const client = new pg.Client({
    connectionString: getServerConfig().databaseUrl,
    connectionTimeoutMillis: DATABASE_TIMEOUT_MS,
    query_timeout: DATABASE_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return {
      status: 'ok',
      database: { status: 'ok', latencyMs: Math.round(performance.now() - began) },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  } catch (error) {
    // The reason (host, port, credentials problem) goes to the log, not to the public.
    logger.error({ reason: (error as Error).message }, 'health check: database unreachable');
    return {
      status: 'degraded',
      database: { status: 'unreachable', latencyMs: Math.round(performance.now() - began) },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
