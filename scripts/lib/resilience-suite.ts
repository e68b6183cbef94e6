import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './local-environment';

/**
 * `npm run test:resilience` (scripts/e2e.ts --resilience): the Vitest suite in
 * tests/resilience/ against the production build scripts/e2e.ts made or
 * found. The tests start their own PostgreSQL and app processes (two
 * instances, a database restart, a load run), so no browser and no server
 * is started here; the build's variables (`env`: NEXT_DIST_DIR, APP_SECRET…)
 * reach every app process through the suite's environment.
 *   npm run test:resilience -- tests/resilience/load.test.ts   one file (what `npm run bench:load` runs)
 */
export function runResilienceSuite(env: NodeJS.ProcessEnv, args: string[]): never {
  const vitest = path.join(projectRoot, 'node_modules/vitest/vitest.mjs');
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', 'tests/resilience/vitest.config.ts', ...args],
    { stdio: 'inherit', env },
  );
  process.exit(result.status ?? 1);
}
