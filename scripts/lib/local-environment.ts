import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import { buildAppConfig } from '../../src/platform/config/app-config-schema';
import { ConfigError } from '../../src/platform/config/env-schema';
import { readServerConfig } from '../../src/platform/config/server-config-schema';
import {
  defaultEmbeddedOptions,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../src/platform/db/embedded-postgres';
import { runMigrations } from '../../src/platform/db/migrate';

/**
 * What every local command (dev, start, db:*, e2e) does first: load .env files
 * the way Next.js does, start the embedded PostgreSQL when DATABASE_URL is not
 * set, provide a local APP_SECRET, and validate the configuration — so that a
 * mistake is reported once, clearly, before anything else starts.
 */

export const projectRoot = process.cwd();
const dataDir = path.join(projectRoot, '.data');

export interface LocalEnvironment {
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

/** A secret kept in .data/ so local sessions (cookies, CSRF tokens) survive restarts. */
function localSecret(): string {
  const file = path.join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadEnvFiles(dev: boolean) {
  nextEnv.loadEnvConfig(projectRoot, dev, { info: () => undefined, error: console.error });
}

export async function prepareLocalEnvironment(options: { dev: boolean; migrate?: boolean }): Promise<LocalEnvironment> {
  loadEnvFiles(options.dev);
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      ...defaultEmbeddedOptions(projectRoot),
      log: (m) => console.log(`[db] ${m}`),
    });
    process.env.DATABASE_URL = embedded.url;
    console.log(
      `[db] Embedded PostgreSQL ${embedded.owner ? 'started' : 'already running'} at ${redact(embedded.url)}`,
    );
  }
  // A generated local secret is fine for development and for the embedded
  // database (a machine-local setup); a real deployment must set its own.
  if (!process.env.APP_SECRET && (options.dev || embedded)) process.env.APP_SECRET = localSecret();
  // On the embedded database this is a local run: keep emails in the dev mailbox unless SMTP is configured.
  if (embedded && !process.env.SMTP_URL) process.env.EMAIL_TRANSPORT ||= 'mailbox';

  try {
    const app = buildAppConfig(process.env);
    // With the catalogue: a payment provider's missing price id stops here too, not at the first checkout.
    readServerConfig(process.env, app.auth.oauthProviders, app.billing);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  if (options.migrate !== false) {
    await runMigrations(process.env.DATABASE_URL!);
    console.log('[db] Migrations applied');
  }

  return {
    databaseUrl: process.env.DATABASE_URL!,
    embedded,
    stop: async () => {
      if (embedded?.owner) {
        await embedded.stop();
        console.log('[db] Embedded PostgreSQL stopped');
      }
    },
  };
}

function redact(url: string) {
  return url.replace(/:\/\/([^:]+):[^@]+@/, '://$1:***@');
}

/** Prints a known failure (bad configuration, database trouble) without a stack trace and exits. */
export function exitWithFriendlyError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
