import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

/**
 * Keel's adversarial suite (tests/security, docs/security/adversarial-suite.md):
 * the end-to-end suite's server, database and browser — so it runs against the
 * same production build in .next-e2e — with tests of its own.
 * Run it with `npm run test:security` (scripts/e2e.ts --security).
 *
 * One difference: the end-to-end server plays one trusted proxy (so specs can
 * act as people on other networks); the attacker meets the default
 * configuration, where no proxy is trusted and forwarding headers are ignored.
 */
const webServer = (Array.isArray(e2e.webServer) ? e2e.webServer : [e2e.webServer]).flatMap((server) => {
  if (!server) return [];
  const { TRUST_PROXY: _trusted, ...env } = server.env ?? {};
  return [{ ...server, env }];
});

export default defineConfig({
  ...e2e,
  testDir: 'tests/security',
  webServer,
  // A test here sends hundreds of requests (every page × every probe): room for a busy machine.
  timeout: 90_000,
  // One at a time: with no proxy trusted, every test is the same client address, and several of them
  // count or spend that address's limits (rate-limits.spec.ts, the routes probes): decision 0027.
  fullyParallel: false,
  workers: 1,
});
