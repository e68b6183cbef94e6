import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { runMigrations as installJobQueue, Logger } from 'graphile-worker';
import pg from 'pg';

/** Where drizzle-kit writes migrations (`npm run db:generate`) and where they are applied from. */
const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

// Any fixed number: the advisory lock that serialises migrations across processes.
const MIGRATION_LOCK_ID = 7_240_613;

const quietJobQueueLogger = new Logger(() => () => undefined);

/**
 * Applies every pending migration, ours (drizzle/) then the job queue's (decision 0033). Safe to run from several
 * processes at once
 * (several app instances starting together): they queue on an advisory lock.
 */
export async function runMigrations(databaseUrl: string, migrationsFolder = MIGRATIONS_FOLDER) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Quiet the "schema already exists, skipping" notices.
    await client.query('set client_min_messages = warning');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrate(drizzle(client), { migrationsFolder });
    // The job queue's own schema (graphile_worker), so jobs can be added in a transaction from the start.
    await installJobQueue({ connectionString: databaseUrl, logger: quietJobQueueLogger });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
