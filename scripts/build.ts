/**
 * `npm run build`: the production build. It needs no database (public pages are
 * prerendered from files, the rest render per request); the configuration is
 * checked first so a bad value stops here. After Next.js, the hashes of the
 * prerendered pages' inline scripts are written for their CSP (decision 0049).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildAppConfig } from '../src/platform/config/app-config-schema';
import { exitWithFriendlyError, loadEnvFiles, projectRoot } from './lib/local-environment';
import { writeStaticPagesManifest } from './lib/static-pages-csp';

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
if (result.status !== 0) process.exit(result.status ?? 1);

const distDir = path.resolve(projectRoot, process.env.NEXT_DIST_DIR || '.next');
const { pages, largest, problems } = writeStaticPagesManifest(distDir);
if (problems.length > 0) {
  console.error(`Prerendered public pages that cannot get a CSP by hash:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Static pages CSP: ${pages} prerendered public pages hashed` +
    (largest[0] ? ` (most inline scripts: ${largest[0]}, ${largest[1]})` : ''),
);
