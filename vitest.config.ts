import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname, 'src'),
      // The content pipeline's output (content-collections.ts; `npm run content` builds it).
      'content-collections': path.resolve(import.meta.dirname, '.content-collections/generated'),
      // `server-only` throws outside a React Server Components bundle; tests are server code.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    pool: 'forks',
    // Vitest's default (cores - 1) is one worker on a two-core machine; files spend much of their
    // time waiting (PostgreSQL, the 600 ms floors of the auth actions), so two share two cores well.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          // One PostgreSQL server per run, a migrated template database, and a fresh
          // copy of it for each test file (see tests/support/).
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/per-file-database.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Components (*.test.tsx) in a browser-like DOM, clicked and typed into with
          // Testing Library; no database (decision 0026).
          name: 'components',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/component-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The guides' marked code blocks and the decision records' headers (no database).
          name: 'docs',
          include: ['tests/docs/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
