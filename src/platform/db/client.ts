import 'server-only';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { getServerConfig } from '@/platform/config/server-config';
import { logger } from '@/platform/logger';
import { markFromDatabase } from './unavailable';

/**
 * The application's PostgreSQL pool and Drizzle instance.
 *
 * Kept on globalThis so that hot reloads in development reuse one pool instead
 * of opening new connections on every edit.
 */
const globalForDb = globalThis as unknown as { keelPool?: pg.Pool };

function createPool() {
  const pool = new pg.Pool({
    connectionString: getServerConfig().databaseUrl,
    max: getServerConfig().databasePoolMax,
    // Fail fast when the database is unreachable, so health checks and
    // requests answer within seconds instead of hanging.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => {
    const code = (error as { code?: string }).code;
    // 57P01: the server is shutting down (a deploy, Ctrl+C) — expected, not a warning.
    logger[code === '57P01' ? 'info' : 'warn']({ code, reason: error.message }, 'idle PostgreSQL connection lost');
  });
  // A connection that cannot be made is marked as the database's, so a bare ECONNREFUSED from
  // here counts as "database unavailable" and the same code from S3 or a fetch does not.
  // pool.query connects through this too.
  const connect = pool.connect.bind(pool) as (
    callback?: (error: Error | undefined, ...rest: unknown[]) => void,
  ) => Promise<pg.PoolClient> | void;
  pool.connect = ((callback?: (error: Error | undefined, ...rest: unknown[]) => void) =>
    callback
      ? connect((error, ...rest) => callback(error && markFromDatabase(error), ...rest))
      : (connect() as Promise<pg.PoolClient>).catch((error: unknown) =>
          Promise.reject(markFromDatabase(error)),
        )) as pg.Pool['connect'];
  return pool;
}

/** The pool, created on first use (so that `next build` can import this module without a database). */
export function getPool(): pg.Pool {
  return (globalForDb.keelPool ??= createPool());
}

/**
 * Stands in for the pool until first use. It passes `instanceof pg.Pool`, so
 * Drizzle runs transactions on a dedicated connection as it does with a pool.
 */
const lazyPool = new Proxy(Object.create(pg.Pool.prototype) as pg.Pool, {
  get(_target, property) {
    const pool = getPool();
    const value = Reflect.get(pool, property, pool);
    return typeof value === 'function' ? value.bind(pool) : value;
  },
});

export const db: NodePgDatabase = drizzle({ client: lazyPool });
export type Database = typeof db;
/** A transaction handle, as passed to `db.transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function closeDatabase() {
  if (globalForDb.keelPool) {
    const closing = globalForDb.keelPool;
    globalForDb.keelPool = undefined;
    await closing.end();
  }
}
