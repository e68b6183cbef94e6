import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/**
 * Before each test file: its own database, cloned from the migrated template,
 * and the environment the app's modules read (DATABASE_URL, APP_SECRET).
 * After it: the pool is closed and the database dropped.
 */
const adminUrl = inject('testDatabaseAdminUrl');
const template = inject('testTemplateDatabase');
const strategy = inject('testCloneStrategy');
const database = `keel_test_${randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${database} template ${template} strategy ${strategy}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.APP_SECRET ??= 'test-secret-that-is-at-least-thirty-two-characters';
process.env.LOG_LEVEL ??= 'silent';

afterAll(async () => {
  const holder = globalThis as unknown as { keelPool?: pg.Pool };
  await holder.keelPool?.end().catch(() => undefined);
  holder.keelPool = undefined;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${database} with (force)`);
  await client.end();
});
