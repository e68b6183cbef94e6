import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

/**
 * Keel's adversarial suite (tests/security, docs/security/adversarial-suite.md):
 * the end-to-end suite's server, database and browser — so it runs against the
 * same production build in .next-e2e — with tests of its own.
 * Run it with `npm run test:security` (scripts/e2e.ts --security).
 */
export default defineConfig({
  ...e2e,
  testDir: 'tests/security',
  // A test here sends hundreds of requests (every page × every probe): room for a busy machine.
  timeout: 90_000,
});
