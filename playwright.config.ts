import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the production build, in Debian's Chromium.
 * Run them with `npm run test:e2e` (scripts/e2e.ts builds, installs Chromium
 * when missing and sets the variables below).
 */
const port = Number(process.env.E2E_PORT || 3100);
const databasePort = Number(process.env.E2E_DATABASE_PORT || 54339);
const oidcPort = Number(process.env.E2E_OIDC_PORT || 3199);
/**
 * The e2e server's own throwaway database lives in the system's temporary
 * folder: when the tests run as root (CI), PostgreSQL runs as the `postgres`
 * user, which may not be allowed into the checkout's folder.
 */
export const e2eDatabaseDir = path.join(os.tmpdir(), `keel-e2e-postgres-${process.getuid?.() ?? 'user'}`, 'data');
/** Uploads (avatars) of the e2e server, beside its database and emptied with it, never in the checkout's .data/. */
export const e2eUploadsDir = path.join(path.dirname(e2eDatabaseDir), 'uploads');

export default defineConfig({
  testDir: 'tests/e2e',
  // Every spec makes its own people and organizations (tests/e2e/fixtures.ts) and plays its own
  // networks (anotherNetwork), so tests run in any order. E2E_WORKERS=2 runs two at a time; one stays
  // the default until three full runs on a quiet runner show no flaky test (decision 0027).
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS || 1),
  forbidOnly: true,
  // Opens each kind of page once before the first test, so no test pays the server's first load of a route.
  globalSetup: './tests/e2e/warm-up.ts',
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Quiet background traffic: this machine (and CI) has no internet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: [
    {
      // The OpenID Connect provider "Sign in with SSO" talks to (scripts/e2e.ts configures the app for it).
      command: 'node --import tsx tests/support/oidc-provider-server.ts',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        E2E_OIDC_PORT: String(oidcPort),
        OIDC_CLIENT_ID: 'keel-e2e',
        OIDC_CLIENT_SECRET: 'keel-e2e-client-secret',
      },
    },
    {
      command: 'node --import tsx scripts/run-app.ts start',
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      env: {
        PORT: String(port),
        EMBEDDED_POSTGRES_DIR: e2eDatabaseDir,
        STORAGE_DIR: e2eUploadsDir,
        EMBEDDED_POSTGRES_PORT: String(databasePort),
        LOG_LEVEL: 'warn',
        // As behind one proxy: specs play people on other networks by sending the header that proxy
        // would add (anotherNetwork in tests/e2e/support.ts). tests/e2e/http-server.spec.ts starts a
        // server of its own with the default (no proxy trusted), where a forged header changes nothing.
        TRUST_PROXY: '1',
      },
    },
  ],
});

export const e2eDatabaseUrl = `postgres://postgres:postgres@127.0.0.1:${databasePort}/keel`;
/** The server under test (the `baseURL` of every page), for contexts a helper opens itself. */
export const e2eBaseUrl = `http://localhost:${port}`;
