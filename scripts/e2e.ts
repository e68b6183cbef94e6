/**
 * `npm run test:e2e`: end-to-end tests in a real Chromium against the
 * production build, served by `npm start` on its own embedded PostgreSQL
 * (in the system's temporary folder, recreated each run).
 *
 *   npm run test:e2e                    build (into .next-e2e), then test
 *   npm run test:e2e -- --no-build      test the e2e build made by an earlier run
 *   npm run test:e2e -- --build-only    only build (CI builds once, then tests that build)
 *   npm run test:security               the adversarial suite (tests/security, its own Playwright
 *                                       config) against that same build: `--security --no-build`
 *   npm run test:resilience             the same build, then tests/resilience/ (scripts/lib/resilience-suite.ts)
 *
 * The suite has a build of its own: its site URL (emailed links point at the
 * test server) and its OAuth provider (a local OpenID Connect server) are
 * public values, fixed when building, so `npm run build`'s output would not do.
 *   npm run test:e2e -- tests/e2e/x.spec.ts   any further arguments go to Playwright
 *
 * Browser downloads are blocked here, so Playwright uses Debian's `chromium`
 * package, installed by this script when it is missing (as root; otherwise it
 * says which command to run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopLeftoverServer } from '../src/platform/db/embedded-postgres';
import { e2eDatabaseDir, e2eUploadsDir } from '../playwright.config';
import { projectRoot } from './lib/local-environment';
import { runResilienceSuite } from './lib/resilience-suite';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const buildOnly = args.includes('--build-only');
// The adversarial suite: same build, server and browser, its own tests (playwright.security.config.ts).
const security = args.includes('--security');
// Two instances, a database restart and a load run against app processes of that build
// (scripts/lib/resilience-suite.ts).
const resilience = args.includes('--resilience');
const ownFlags = new Set(['--no-build', '--build-only', '--security', '--resilience']);
const playwrightArgs = [
  ...(security ? ['--config', 'playwright.security.config.ts'] : []),
  ...args.filter((arg) => !ownFlags.has(arg)),
];

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is missing (${chromium}). Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
    process.exit(1);
  }
  console.log('[e2e] Installing Debian chromium (first run only)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!buildOnly && !resilience) ensureChromium();

// The secret the build and the server run with. The suite checks that this
// value never reaches the files sent to browsers. A build made by this script
// leaves its secret in .data/, so `--no-build` can test it again.
const canaryFile = path.join(projectRoot, '.data/e2e-build-secret');
if (skipBuild && !process.env.APP_SECRET && existsSync(canaryFile)) {
  process.env.APP_SECRET = readFileSync(canaryFile, 'utf8').trim();
}
if (!skipBuild) {
  process.env.APP_SECRET ??= `e2e-canary-${randomBytes(24).toString('hex')}`;
  mkdirSync(path.dirname(canaryFile), { recursive: true });
  writeFileSync(canaryFile, process.env.APP_SECRET, { mode: 0o600 });
} else if (!existsSync(path.join(projectRoot, '.next-e2e', 'BUILD_ID'))) {
  console.error('[e2e] --no-build needs an earlier `npm run test:e2e` build in .next-e2e: run without --no-build.');
  process.exit(1);
} else if (!process.env.APP_SECRET) {
  console.error(
    '[e2e] --no-build needs the APP_SECRET the build was made with (the secret-leak test looks for it): set it, or run without --no-build.',
  );
  process.exit(1);
}
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  E2E_SECRET_CANARY: process.env.APP_SECRET,
  // A build of its own (next.config.ts): its public values differ from the build `npm start` serves.
  NEXT_DIST_DIR: '.next-e2e',
  // Emailed links must point at the server the tests use.
  NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL || `http://localhost:${process.env.E2E_PORT || 3100}`,
  // "Sign in with SSO" against the test OpenID Connect provider that playwright.config.ts starts.
  NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS: 'oidc',
  OIDC_ISSUER_URL: `http://127.0.0.1:${process.env.E2E_OIDC_PORT || 3199}`,
  OIDC_CLIENT_ID: 'keel-e2e',
  OIDC_CLIENT_SECRET: 'keel-e2e-client-secret',
  // No hourly reconciliation in the middle of a run: specs arrange billing states themselves.
  JOBS_SCHEDULES: 'false',
  // The build under test is a production build: billing's specs pay with the local gateway's test cards.
  BILLING_LOCAL_GATEWAY_IN_PRODUCTION: 'true',
  // tests/e2e/billing-clock.spec.ts drives the test clock (a production build: off unless switched on).
  BILLING_LOCAL_CLOCK_IN_PRODUCTION: 'true',
};

if (!skipBuild) run(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/build.ts')], env);
if (buildOnly) process.exit(0);
if (resilience) runResilienceSuite(env, playwrightArgs);

// A fresh database each run (stopping a server a crashed run left behind first).
await stopLeftoverServer(e2eDatabaseDir, (message) => console.log(`[e2e] ${message}`));
rmSync(e2eDatabaseDir, { recursive: true, force: true });
rmSync(`${e2eDatabaseDir}.owner`, { force: true });
rmSync(e2eUploadsDir, { recursive: true, force: true });
// PostgreSQL (run as the `postgres` user when we are root) must be able to enter its parent folder.
mkdirSync(path.dirname(e2eDatabaseDir), { recursive: true, mode: 0o755 });
chmodSync(path.dirname(e2eDatabaseDir), 0o755);

run(process.execPath, [path.join(projectRoot, 'node_modules/@playwright/test/cli.js'), 'test', ...playwrightArgs], env);
