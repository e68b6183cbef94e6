import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The resilience suite (`npm run test:resilience`): real app processes on the
 * production build against a real PostgreSQL that the tests stop and start.
 * Each file starts its own database and servers; files run one after another,
 * since a load run must not share the machine with another test.
 */
export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': path.join(root, 'src'),
      'server-only': path.join(root, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/resilience/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
