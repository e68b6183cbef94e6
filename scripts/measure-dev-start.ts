/**
 * npm run bench:dev-start [-- --cold] [-- --runs 3]
 *
 * Times `npm run dev` as a newcomer meets it: from the command's start to the first rendered home page
 * (`/`, its first 200), then a signed-in first visit of the demo organization (`/dashboard/acme`, as the
 * seeded demo user: run `npm run db:seed` once). Each run starts the dev server (scripts/run-app.ts dev) on
 * PORT (default 3000) with the usual local database, takes the two pages one after the other, and stops it.
 * `--cold` deletes the dev server's compile cache (`.next/dev`) before each run, as a fresh clone has none;
 * without it, the cache the last run left is used (a second `npm run dev`).
 *
 * Besides wall-clock times it prints the CPU seconds the server's processes (Next.js, Turbopack, PostgreSQL)
 * had used at each point, read from /proc: on a machine busy with other work, durations stretch and CPU
 * time stays put. Guide: docs/testing.md#how-fast-npm-run-dev-starts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateRandomString, makeSignature } from 'better-auth/crypto';
import pg from 'pg';
import { SESSION_COOKIE } from '../src/features/auth';
import { DEMO_USER } from '../src/features/auth/server/seed';
import { defaultEmbeddedOptions, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres';
import { loadEnvFiles, projectRoot } from './lib/local-environment';

const flags = process.argv.slice(2);
const cold = flags.includes('--cold');
const runs = Math.max(1, Number(flags[flags.indexOf('--runs') + 1]) || 1);
const port = Number(process.env.PORT || 3000);
const origin = `http://127.0.0.1:${port}`;

/** Clock ticks of user + system time of `root` and every process below it (Linux /proc; USER_HZ 100). */
function treeCpuSeconds(root: number): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // After the command name: [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ').map(Number);
      parents.set(Number(entry), fields[1]!);
      ticks.set(Number(entry), fields[11]! + fields[12]! + fields[13]! + fields[14]!);
    } catch {
      // The process ended meanwhile.
    }
  }
  const inTree = (pid: number): boolean => pid === root || (pid > 1 && inTree(parents.get(pid) ?? 0));
  let total = 0;
  for (const [pid, value] of ticks) if (inTree(pid)) total += value;
  return total / 100;
}

/** GETs `url` until it answers (the server may not listen yet); the status of the first answer. */
async function firstAnswer(url: string, headers: Record<string, string> = {}): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url, { headers, redirect: 'manual' });
      await response.arrayBuffer();
      return response.status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A session of the demo user, made as better-auth makes one (as tests/e2e/fixtures.ts does). */
async function demoSessionCookie(): Promise<string | null> {
  const secret = process.env.APP_SECRET || readFileSync(path.join(projectRoot, '.data/app-secret'), 'utf8').trim();
  // DATABASE_URL, or the embedded PostgreSQL the dev server started (joined, not owned: it stops it).
  const url = process.env.DATABASE_URL || (await startEmbeddedPostgres(defaultEmbeddedOptions(projectRoot))).url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const user = await client.query<{ id: string }>('select id from users where email = $1', [DEMO_USER.email]);
    if (!user.rows[0]) return null;
    const token = generateRandomString(32, 'a-z', 'A-Z', '0-9');
    await client.query(
      `insert into sessions (id, token, user_id, expires_at) values ($1, $2, $3, now() + interval '1 hour')`,
      [randomUUID(), token, user.rows[0].id],
    );
    return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${await makeSignature(token, secret)}`)}`;
  } finally {
    await client.end();
  }
}

interface Run {
  ready: number;
  home: number;
  homeCpu: number;
  dashboard: number | null;
  dashboardCpu: number | null;
}

async function measure(): Promise<Run> {
  if (cold) rmSync(path.join(projectRoot, '.next/dev'), { recursive: true, force: true });
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/run-app.ts', 'dev'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready = Number.NaN;
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk: string) => {
    if (Number.isNaN(ready) && chunk.includes('[keel] Ready')) ready = seconds();
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const status = await firstAnswer(`${origin}/`);
    const home = seconds();
    const homeCpu = treeCpuSeconds(server.pid!);
    if (status !== 200) throw new Error(`GET / answered ${status}`);
    const cookie = await demoSessionCookie();
    if (!cookie) {
      console.log(`(no ${DEMO_USER.email} in the database: run \`npm run db:seed\` to time /dashboard/acme too)`);
      return { ready, home, homeCpu, dashboard: null, dashboardCpu: null };
    }
    const before = performance.now();
    const dashboardStatus = await firstAnswer(`${origin}/dashboard/acme`, { cookie });
    if (dashboardStatus !== 200) throw new Error(`GET /dashboard/acme answered ${dashboardStatus}`);
    const dashboard = (performance.now() - before) / 1000;
    return { ready, home, homeCpu, dashboard, dashboardCpu: treeCpuSeconds(server.pid!) - homeCpu };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

loadEnvFiles(true);
for (let run = 0; run < runs; run += 1) {
  const result = await measure();
  const dashboard =
    result.dashboard === null
      ? ''
      : `; /dashboard/acme ${result.dashboard.toFixed(1)} s (${result.dashboardCpu!.toFixed(1)} s CPU)`;
  console.log(
    `run ${run + 1} (${cold ? 'cold' : 'warm'} .next/dev): ready ${result.ready.toFixed(1)} s; ` +
      `first 200 of / ${result.home.toFixed(1)} s (${result.homeCpu.toFixed(1)} s CPU)${dashboard}`,
  );
}
process.exit(0);
