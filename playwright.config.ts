import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the production build, in Debian's Chromium.
 * Run them with `npm run test:e2e` (scripts/e2e.ts builds, installs Chromium
 * when missing and sets the variables below).
 */
const port = Number(process.env.E2E_PORT || 3100);
const databasePort = Number(process.env.E2E_DATABASE_PORT || 54339);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Quiet background traffic: this machine (and CI) has no internet.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
  webServer: {
    command: 'node --import tsx scripts/run-app.ts start',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(port),
      EMBEDDED_POSTGRES_DIR: '.data/e2e-postgres',
      EMBEDDED_POSTGRES_PORT: String(databasePort),
      LOG_LEVEL: 'warn',
    },
  },
});

export const e2eDatabaseUrl = `postgres://postgres:postgres@127.0.0.1:${databasePort}/keel`;
