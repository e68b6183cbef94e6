/**
 * `npm run build`: the production build. It needs no database (pages render
 * per request); the configuration is checked first so a bad value stops here.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildAppConfig } from '../src/platform/config/app-config-schema';
import { exitWithFriendlyError, loadEnvFiles, projectRoot } from './lib/local-environment';

try {
  loadEnvFiles(false);
  buildAppConfig(process.env);
} catch (error) {
  exitWithFriendlyError(error);
}

const result = spawnSync(
  process.execPath,
  [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  },
);
process.exit(result.status ?? 1);
