import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/platform/db/embedded-postgres';
import { runMigrations } from '@/platform/db/migrate';
import { findFreePort } from '@/platform/net/ports';

/**
 * A real PostgreSQL for one resilience test file: an embedded server in a
 * temporary folder, migrated, that the test can stop and start again on the
 * same port (a database restart, as a managed provider's failover or upgrade
 * does it). App processes reach it through DATABASE_URL like any external database.
 */
export interface TestDatabase {
  url: string;
  /** Stops PostgreSQL ("fast" shutdown: open connections are cut, as in a restart). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** Stops it for good and removes its files. */
  dispose(): Promise<void>;
}

export async function startTestDatabase(wanted: { port?: number } = {}): Promise<TestDatabase> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'keel-resilience-pg-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  await fs.chmod(folder, 0o755);
  const options = {
    dir: path.join(folder, 'data'),
    port: wanted.port ?? (await findFreePort()),
    database: 'keel',
    log: () => undefined,
  };
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres(options);
  const url = server.url;
  await runMigrations(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // The test's own connections are cut by a restart too; the pool reconnects on the next query.
  pool.on('error', () => undefined);

  return {
    url,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server ??= await startEmbeddedPostgres(options);
    },
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await pool.query<T>(text, values)).rows;
    },
    async dispose() {
      await pool.end().catch(() => undefined);
      await server?.stop();
      await fs.rm(folder, { recursive: true, force: true });
    },
  };
}
