import 'server-only';
import { getPool } from '@/platform/db/client';
import { logger } from '@/platform/logger';

const DATABASE_TIMEOUT_MS = 3_000;
const startedAt = Date.now();

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'ok' | 'unreachable'; latencyMs: number };
  uptimeSeconds: number;
}

/**
 * Asks PostgreSQL a trivial question, giving up after 3 seconds so the answer
 * always comes within the 5 seconds load balancers usually wait. A new
 * connection is tried each time, so health recovers as soon as the database
 * is back, without a restart.
 */
export async function checkHealth(): Promise<HealthReport> {
  const began = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getPool().query('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
      }),
    ]);
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
    clearTimeout(timer);
  }
}
