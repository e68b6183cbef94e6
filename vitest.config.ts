import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname, 'src'),
      // `server-only` throws outside a React Server Components bundle; tests are server code.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      // The guides' marked code blocks and the decision records' headers (no database needed).
      'tests/docs/**/*.test.ts',
    ],
    environment: 'node',
    // One PostgreSQL server per run, a migrated template database, and a fresh
    // copy of it for each test file (see tests/support/).
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/per-file-database.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
