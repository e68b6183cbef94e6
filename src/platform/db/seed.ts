import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/**
 * A feature's demo data. Seeders must be idempotent — `npm run db:seed` may run
 * many times — so they insert with fixed keys and `on conflict do nothing`.
 */
export interface Seeder {
  name: string;
  /** Returns a short summary such as "3 contact requests". */
  run(db: NodePgDatabase): Promise<string>;
}

/** Runs the seeders in order, all in one transaction: a failure leaves no half-seeded database. */
export async function runSeeders(databaseUrl: string, seeders: readonly Seeder[]): Promise<string> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const summaries = await drizzle(pool).transaction(async (tx) => {
      const results: string[] = [];
      for (const seeder of seeders) results.push(`${seeder.name}: ${await seeder.run(tx)}`);
      return results;
    });
    return summaries.join('; ') || 'nothing to seed';
  } finally {
    await pool.end();
  }
}
