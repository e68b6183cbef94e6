import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nextEnv from '@next/env';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/platform/db/embedded-postgres';
import { runMigrations } from '../../src/platform/db/migrate';
import { findFreePort } from '../../src/platform/net/ports';

/**
 * Once per `npm test`: a PostgreSQL server (an embedded one in a temporary
 * directory, or the server TEST_DATABASE_URL names) and a template database
 * with every migration applied. Each test file then clones the template
 * (tests/support/per-file-database.ts), which takes milliseconds.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
    testTemplateDatabase: string;
    /** How a file's database is copied from the template: `file_copy` on the throwaway embedded server. */
    testCloneStrategy: 'file_copy' | 'wal_log';
  }
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  // Like Next.js in test mode: .env.test.local, .env.test and .env (TEST_DATABASE_URL may live there).
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
  let embedded: EmbeddedDatabase | null = null;
  let tempDir: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;

  if (!adminUrl) {
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keel-test-pg-'));
    await fs.chmod(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dir: path.join(tempDir, 'data'),
      port: await findFreePort(),
      database: 'postgres',
      log: () => undefined,
      // Nothing here outlives the run: each file's commits need not reach the disk (decision 0052).
      throwaway: true,
    });
    adminUrl = embedded.url;
  }

  const template = `keel_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('set client_min_messages = warning');
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  await runMigrations(withDatabase(adminUrl, template));

  project.provide('testDatabaseAdminUrl', adminUrl);
  project.provide('testTemplateDatabase', template);
  // Copying the template's files beats writing them through the WAL (the default) once fsync is off: 84 against
  // 134 ms of PostgreSQL's CPU per file, 0.42 against 0.65 s. On a server with fsync on (TEST_DATABASE_URL), each
  // file copy forces a checkpoint (4.3 s a database measured), so the default stays there.
  project.provide('testCloneStrategy', embedded ? 'file_copy' : 'wal_log');

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${template} with (force)`).catch(() => undefined);
    await client.end();
    await embedded?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };
}
