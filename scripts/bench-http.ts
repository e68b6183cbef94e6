/**
 * npm run bench:http [-- --no-build] [-- --rounds 2] [-- --seconds 10] [-- --connections 50] [-- --rate 50]
 *                    [-- --open-seconds 10] [-- --case dashboard] [-- --port-base 4220]
 *
 * Keel's production build against a bare Next.js app of the same versions (bench/bare-next: a static page, a
 * page that reads cookies() with one form and its server action, a JSON route handler), on the same machine,
 * in interleaved rounds (Keel, bare, Keel, bare…) so that whatever else the machine does weighs on both alike.
 * Keel serves the seeded demo world (demo@keel.dev in Acme) from a PostgreSQL of its own, signed in once per
 * connection through the sign-in action, behind one trusted proxy (TRUST_PROXY=1) with one client address per
 * connection: 50 people, not one person making 50 requests at once (the per-session and per-address rate limits
 * would refuse that, as they should).
 *
 * For each case: requests per second with `--connections` requests always in flight (closed loop), p50/p99 at
 * `--rate` requests a second (open loop: requests start on time whatever the server does), CPU per request,
 * then once: HTML size, the scripts the page loads (sum of gzip of each, the same method on both apps), SQL
 * statements per request (counted in Keel's process by bench/count-statements.mjs), and finally the servers'
 * RSS and the load average. The issue's targets (issue 16, docs/performance.md) are printed beside each figure.
 * It reports; it asserts nothing about time.
 *
 * Builds both apps first (Keel into .next-bench, the bare app into bench/bare-next/.next) unless --no-build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../src/platform/net/ports';
import { startApp, type AppProcess } from '../tests/resilience/support/app-process';
import { startTestDatabase, type TestDatabase } from '../tests/resilience/support/database';
import { HttpVisitor } from '../tests/resilience/support/http-visitor';
import { runOpenLoop } from '../tests/resilience/support/open-loop';
import { projectRoot } from './lib/local-environment';
import { scriptWeight } from './lib/page-weight';
import { allowServerOnlyImports } from './lib/server-modules';

const flags = process.argv.slice(2);
function numberFlag(name: string, fallback: number): number {
  const index = flags.indexOf(name);
  const value = index === -1 ? undefined : Number(flags[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
const build = !flags.includes('--no-build');
const rounds = numberFlag('--rounds', 2);
const seconds = numberFlag('--seconds', 10);
const connections = numberFlag('--connections', 50);
const rate = numberFlag('--rate', 50);
const openSeconds = numberFlag('--open-seconds', 10);
const portBase = numberFlag('--port-base', 0);
const only = flags.includes('--case') ? (flags[flags.indexOf('--case') + 1] ?? '') : '';

const KEEL_DIST = '.next-bench';
const BARE_DIR = path.join(projectRoot, 'bench/bare-next');
const ORGANIZATION = 'acme';
const DEMO = { email: 'demo@keel.dev', password: 'keel-demo-password' };
const nextBin = path.join(projectRoot, 'node_modules/next/dist/bin/next');

/** One request to send: what the load driver writes on the wire. */
interface Shot {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A client of one app: a connection's identity (its address and, for Keel, its session). */
interface Client {
  headers: Record<string, string>;
  csrf?: string;
}

interface Target {
  /** Issue 16's target for this case, printed beside the figures. */
  goal: string;
  keel: (client: Client) => Shot;
  bare: (client: Client) => Shot;
  /** The status a correct answer has. */
  status: number;
  /** Whether it is a page (HTML size and scripts are measured). */
  page: boolean;
}

const get =
  (pathname: string) =>
  (client: Client): Shot => ({ method: 'GET', path: pathname, headers: client.headers });

/** A server action call as the browser's JavaScript makes it (its id in Next-Action, its arguments as JSON). */
const action =
  (pathname: string, id: () => string, input: (client: Client) => Record<string, unknown>) =>
  (client: Client): Shot => ({
    method: 'POST',
    path: pathname,
    headers: {
      ...client.headers,
      'next-action': id(),
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
    },
    body: JSON.stringify([input(client)]),
  });

/** Server action ids of a build, by export name and the end of its file name. */
function actionId(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename.endsWith(file),
  );
  if (!found) throw new Error(`No server action ${exportedName} in ${file} in ${distDir}`);
  return found[0];
}

let demoTaskId = '';
const tasksActions = 'src/features/tasks/server/actions.ts';
const dynamicPage = get('/dynamic');

const TARGETS: Record<string, Target> = {
  landing: {
    goal: 'scripts ≤ bare + 15 KB gzip',
    keel: get('/'),
    bare: get('/'),
    status: 200,
    page: true,
  },
  'sign-in': {
    goal: 'scripts ≤ bare + 60 KB gzip',
    // Signed in, /auth/sign-in sends you on: this one is asked for without the session.
    keel: (client) => ({ ...get('/auth/sign-in')(client), headers: withoutSession(client.headers) }),
    bare: dynamicPage,
    status: 200,
    page: true,
  },
  dashboard: {
    goal: '≥ 0.5× bare req/s; p99 ≤ 100 ms at 50/s; ≤ 5 ms CPU; HTML ≤ 40 KB; scripts ≤ bare + 60 KB',
    keel: get(`/dashboard/${ORGANIZATION}`),
    bare: dynamicPage,
    status: 200,
    page: true,
  },
  tasks: {
    goal: '≥ 0.5× bare req/s; p99 ≤ 100 ms at 50/s; ≤ 5 ms CPU; scripts ≤ bare + 60 KB',
    keel: get(`/dashboard/${ORGANIZATION}/tasks`),
    bare: dynamicPage,
    status: 200,
    page: true,
  },
  'tasks filtered': {
    goal: 'as the tasks list',
    keel: get(`/dashboard/${ORGANIZATION}/tasks?status=todo&sort=-dueDate&q=report`),
    bare: dynamicPage,
    status: 200,
    page: true,
  },
  'tasks API': {
    goal: 'no database write per read (rate limit in memory)',
    keel: get(`/api/organizations/${ORGANIZATION}/tasks?pageSize=25`),
    bare: get('/api/items'),
    status: 200,
    page: false,
  },
  'server action': {
    goal: 'one round trip: CSRF, rate limit, membership, one write',
    keel: action(
      `/dashboard/${ORGANIZATION}/tasks`,
      () => actionId(KEEL_DIST, tasksActions, 'setTasksStatusAction'),
      (client) => ({
        organizationId: keelOrganizationId,
        taskIds: [demoTaskId],
        status: 'in_progress',
        csrf_token: client.csrf,
      }),
    ),
    bare: action(
      '/dynamic',
      () => actionId(path.join(BARE_DIR, '.next'), 'app/dynamic/actions.js', 'save'),
      () => ({ title: 'A title' }),
    ),
    status: 200,
    page: false,
  },
};
let keelOrganizationId = '';

function withoutSession(headers: Record<string, string>): Record<string, string> {
  const { cookie, ...rest } = headers;
  const kept = (cookie ?? '')
    .split('; ')
    .filter((pair) => pair && !pair.includes('session_token'))
    .join('; ');
  return kept ? { ...rest, cookie: kept } : rest;
}

// ---------------------------------------------------------------------------------------------------------------
// Servers

interface Server {
  name: 'keel' | 'bare';
  url: string;
  /** The process whose tree serves requests. */
  pid: number;
  stop(): Promise<void>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { stdio: 'inherit', env, cwd: projectRoot });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}`);
}

async function startBare(port: number): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', BARE_DIR, '-p', String(port)], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    (await fetch(url).then(
      (response) => response.status,
      () => 0,
    )) !== 200
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('The bare Next.js app did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    name: 'bare',
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Processes under `pid` (itself included), from /proc. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // It ended meanwhile.
    }
  }
  const tree = [pid];
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents)
      if (!tree.includes(child) && tree.includes(parent)) {
        tree.push(child);
        grew = true;
      }
  }
  return tree;
}

/** CPU seconds (user + system) of the server's process tree. */
function cpuSeconds(server: Server): number {
  let ticks = 0;
  for (const pid of processTree(server.pid)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // It ended meanwhile.
    }
  }
  return ticks / 100;
}

/** Resident memory of the largest process of the server's tree (the one serving HTTP; Keel's launcher aside). */
function rssMegabytes(server: Server): number {
  let largest = 0;
  for (const pid of processTree(server.pid)) {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      largest = Math.max(largest, kb);
    } catch {
      // It ended meanwhile.
    }
  }
  return largest / 1024;
}

// ---------------------------------------------------------------------------------------------------------------
// Load

const agents = new Map<string, http.Agent>();
function send(baseUrl: string, shot: Shot): Promise<{ status: number; body: Buffer }> {
  const url = new URL(shot.path, baseUrl);
  let agent = agents.get(baseUrl);
  if (!agent) agents.set(baseUrl, (agent = new http.Agent({ keepAlive: true, maxSockets: connections * 2 })));
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: shot.method, headers: shot.headers, agent, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(shot.body);
  });
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

interface ClosedLoopResult {
  perSecond: number;
  errors: number;
  cpuMsPerRequest: number;
  firstError?: string;
}

/** `connections` requests always in flight for `seconds` (what autocannon -c -d does). */
async function closedLoop(
  server: Server,
  clients: Client[],
  shot: (client: Client) => Shot,
): Promise<ClosedLoopResult> {
  const target = TARGETS_BY_SHOT.get(shot)!;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpuBefore = cpuSeconds(server);
  const began = performance.now();
  const end = began + seconds * 1000;
  await Promise.all(
    clients.slice(0, connections).map(async (client) => {
      while (performance.now() < end) {
        try {
          const answer = await send(server.url, shot(client));
          if (answer.status !== target.status) {
            errors += 1;
            firstError ??= `${answer.status} ${answer.body.toString().slice(0, 200)}`;
          }
        } catch (error) {
          errors += 1;
          firstError ??= String(error);
        }
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return {
    perSecond: done / elapsed,
    errors,
    cpuMsPerRequest: ((cpuSeconds(server) - cpuBefore) * 1000) / Math.max(1, done),
    firstError,
  };
}

/** `rate` requests a second for `openSeconds`, whatever the server's speed: p50 and p99 as people feel them. */
async function openLoop(server: Server, clients: Client[], shot: (client: Client) => Shot) {
  const target = TARGETS_BY_SHOT.get(shot)!;
  const report = await runOpenLoop({
    ratePerSecond: rate,
    durationMs: openSeconds * 1000,
    request: async (index) => {
      const answer = await send(server.url, shot(clients[index % clients.length]!));
      return { kind: 'request', status: answer.status, ok: answer.status === target.status, clean: true };
    },
  });
  const ms = report.samples.map((sample) => sample.ms);
  return {
    p50: percentile(ms, 0.5),
    p99: percentile(ms, 0.99),
    errors: report.samples.filter((sample) => !sample.ok).length + report.notStarted,
  };
}

const TARGETS_BY_SHOT = new Map<(client: Client) => Shot, Target>();

// ---------------------------------------------------------------------------------------------------------------
// One-off measures

/** Bytes of the page's HTML, and every script it loads: count and the sum of each one's gzip size. */
async function pageWeight(server: Server, shot: Shot) {
  const page = await send(server.url, shot);
  const scripts = await scriptWeight(
    page.body.toString(),
    async (source) => (await send(server.url, { method: 'GET', path: source, headers: {} })).body,
  );
  return { htmlKb: page.body.length / 1024, ...scripts };
}

/** Statements Keel sent per request, over `count` requests one after another, less what it sends when idle. */
async function statementsPerRequest(server: Server, folder: string, shot: Shot, count = 20): Promise<number> {
  const total = () =>
    readdirSync(folder).reduce((sum, file) => sum + Number(readFileSync(path.join(folder, file), 'utf8') || 0), 0);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  await settle();
  const idleStart = total();
  const idleBegan = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await settle();
  const idlePerMs = (total() - idleStart) / (performance.now() - idleBegan);
  const before = total();
  const began = performance.now();
  for (let index = 0; index < count; index += 1) await send(server.url, shot);
  await settle();
  const idle = idlePerMs * (performance.now() - began);
  return Math.max(0, total() - before - idle) / count;
}

// ---------------------------------------------------------------------------------------------------------------

const cell = (value: number, digits = 0, width = 9) =>
  (Number.isFinite(value) ? value.toFixed(digits) : '—').padStart(width);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function signInClients(keel: AppProcess, count: number, database: TestDatabase): Promise<Client[]> {
  const clients: Client[] = [];
  for (let index = 0; index < count; index += 1) {
    // One account signing in 50 times in a minute is what the per-address throttle refuses (decision 0019):
    // the bench's own database forgets the attempts before each one.
    await database.query(`delete from rate_limit_buckets where key like 'sign-in-%'`);
    // RFC 2544's benchmarking range: one address per connection, as many people behind one proxy.
    const address = `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    const visitor = new HttpVisitor(keel.url);
    const forwarded = { 'x-forwarded-for': address };
    // The visitor's requests carry the address too (its sign-in counts against that address's limit).
    const request = visitor.request.bind(visitor);
    visitor.request = (pathname, init = {}) =>
      request(pathname, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), ...forwarded } });
    const outcome = await visitor.action('/auth/sign-in', 'src/features/auth/server/sign-in-actions.ts', 'signIn', {
      email: DEMO.email,
      password: DEMO.password,
    });
    if (!outcome.redirect) throw new Error(`Signing in failed: ${JSON.stringify(outcome)}`);
    const csrf = await visitor.csrfToken();
    const cookie = [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    clients.push({ headers: { ...forwarded, cookie }, csrf });
  }
  return clients;
}

async function main(): Promise<number> {
  process.env.NEXT_DIST_DIR = KEEL_DIST;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const secretFile = path.join(projectRoot, '.data/bench-build-secret');
  const ports = portBase
    ? { keel: portBase + 1, bare: portBase + 2 }
    : { keel: await findFreePort(), bare: await findFreePort() };
  const keelUrl = `http://127.0.0.1:${ports.keel}`;
  if (build || !existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, `bench-${randomBytes(24).toString('hex')}`, { mode: 0o600 });
  }
  const secret = readFileSync(secretFile, 'utf8').trim();
  const buildEnv = {
    ...process.env,
    APP_SECRET: secret,
    // Server actions check the Origin against the site's address, baked into the build.
    NEXT_PUBLIC_SITE_URL: keelUrl,
  };
  if (build) {
    console.log('[bench] Building Keel into .next-bench and the bare app into bench/bare-next/.next…');
    run(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], buildEnv);
    run(process.execPath, [nextBin, 'build', BARE_DIR], buildEnv);
  }
  if (!existsSync(path.join(projectRoot, KEEL_DIST, 'BUILD_ID')) || !existsSync(path.join(BARE_DIR, '.next/BUILD_ID')))
    throw new Error('No build to measure: run without --no-build first.');

  const statementsFolder = mkdtempSync(path.join(os.tmpdir(), 'keel-bench-statements-'));
  const database: TestDatabase = await startTestDatabase(portBase ? { port: portBase + 2300 } : {});
  let keel: AppProcess | undefined;
  let bare: Server | undefined;
  try {
    allowServerOnlyImports();
    const { runSeeders } = await import('../src/platform/db/seed');
    const { seeders } = await import('./lib/seeders');
    // Seeders that read the server's configuration (billing's) see the bench's database and secret.
    Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: secret });
    await runSeeders(database.url, seeders);
    const [acme] = await database.query<{ id: string; task: string }>(
      `select o.id, (select t.id from tasks t where t.organization_id = o.id order by t.created_at limit 1) as task
         from organizations o where o.slug = $1`,
      [ORGANIZATION],
    );
    keelOrganizationId = acme!.id;
    demoTaskId = acme!.task;

    keel = await startApp({
      databaseUrl: database.url,
      port: ports.keel,
      env: {
        APP_SECRET: secret,
        NEXT_PUBLIC_SITE_URL: keelUrl,
        TRUST_PROXY: '1',
        NODE_OPTIONS: `--import=${path.join(projectRoot, 'bench/count-statements.mjs')}`,
        BENCH_STATEMENTS_DIR: statementsFolder,
      },
    });
    bare = await startBare(ports.bare);
    const keelServer: Server = { name: 'keel', url: keel.url, pid: keel.pid, stop: () => keel!.stop() };
    const keelClients = await signInClients(keel, connections, database);
    const bareClients: Client[] = keelClients.map((client) => ({
      headers: { 'x-forwarded-for': client.headers['x-forwarded-for']!, cookie: 'visits=3' },
    }));

    const cases = Object.entries(TARGETS).filter(([name]) => name.includes(only));
    for (const [, target] of cases) {
      TARGETS_BY_SHOT.set(target.keel, target);
      TARGETS_BY_SHOT.set(target.bare, target);
    }
    const version = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/next/package.json'), 'utf8')) as {
      version: string;
    };
    const react = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/react/package.json'), 'utf8')) as {
      version: string;
    };
    console.log(
      [
        '',
        `HTTP bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Next.js ${version.version}, React ${react.version}, Node ${process.version}`,
        `  machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load ${load()}`,
        `  ${rounds} interleaved rounds (Keel, bare, Keel, bare…) per case: closed loop ${connections} connections × ${seconds} s, open loop ${rate}/s × ${openSeconds} s`,
        '',
      ].join('\n'),
    );

    // Warm both: the first requests of each route fill caches and the pool.
    for (const [, target] of cases) {
      for (let index = 0; index < 5; index += 1) {
        await send(keel.url, target.keel(keelClients[index]!));
        await send(bare.url, target.bare(bareClients[index]!));
      }
    }

    const results: string[] = [];
    const header = `${'case'.padEnd(15)}${'app'.padEnd(6)}${'req/s'.padStart(9)}${'ratio'.padStart(7)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'CPU ms'.padStart(8)}${'errors'.padStart(8)}${'HTML KB'.padStart(9)}${'scripts'.padStart(9)}${'gzip KB'.padStart(9)}${'SQL/req'.padStart(9)}`;
    for (const [name, target] of cases) {
      const perSecond = { keel: [] as number[], bare: [] as number[] };
      const p50 = { keel: [] as number[], bare: [] as number[] };
      const p99 = { keel: [] as number[], bare: [] as number[] };
      const cpu = { keel: [] as number[], bare: [] as number[] };
      const errors = { keel: 0, bare: 0 };
      const ratios: number[] = [];
      const firstErrors: string[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const loadBefore = load();
        const keelRun = await closedLoop(keelServer, keelClients, target.keel);
        const bareRun = await closedLoop(bare, bareClients, target.bare);
        const keelOpen = await openLoop(keelServer, keelClients, target.keel);
        const bareOpen = await openLoop(bare, bareClients, target.bare);
        perSecond.keel.push(keelRun.perSecond);
        perSecond.bare.push(bareRun.perSecond);
        ratios.push(keelRun.perSecond / bareRun.perSecond);
        p50.keel.push(keelOpen.p50);
        p50.bare.push(bareOpen.p50);
        p99.keel.push(keelOpen.p99);
        p99.bare.push(bareOpen.p99);
        cpu.keel.push(keelRun.cpuMsPerRequest);
        cpu.bare.push(bareRun.cpuMsPerRequest);
        errors.keel += keelRun.errors + keelOpen.errors;
        errors.bare += bareRun.errors + bareOpen.errors;
        for (const first of [keelRun.firstError, bareRun.firstError]) if (first) firstErrors.push(first);
        console.log(
          `[bench] ${name} round ${round + 1}: Keel ${keelRun.perSecond.toFixed(0)}/s, bare ${bareRun.perSecond.toFixed(0)}/s (${(keelRun.perSecond / bareRun.perSecond).toFixed(2)}×); p99 at ${rate}/s ${keelOpen.p99.toFixed(0)} / ${bareOpen.p99.toFixed(0)} ms; load ${loadBefore} → ${load()}`,
        );
      }
      const weight = target.page
        ? {
            keel: await pageWeight(keelServer, target.keel(keelClients[0]!)),
            bare: await pageWeight(bare, target.bare(bareClients[0]!)),
          }
        : null;
      const statements = await statementsPerRequest(keelServer, statementsFolder, target.keel(keelClients[1]!));
      const median = (values: number[]) => percentile(values, 0.5);
      const row = (app: 'keel' | 'bare') =>
        `${(app === 'keel' ? name : '').padEnd(15)}${app.padEnd(6)}${cell(median(perSecond[app]))}${app === 'keel' ? cell(median(ratios), 2, 7) : ''.padStart(7)}${cell(median(p50[app]))}${cell(median(p99[app]))}${cell(median(cpu[app]), 1, 8)}${cell(errors[app], 0, 8)}${weight ? cell(weight[app].htmlKb, 1) + cell(weight[app].scripts) + cell(weight[app].scriptsKb, 1) : ''.padStart(27)}${app === 'keel' ? cell(statements, 1) : cell(0, 0)}`;
      results.push(
        row('keel'),
        row('bare'),
        `${''.padEnd(15)}ratios per round: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; target: ${target.goal}`,
        ...firstErrors.slice(0, 2).map((first) => `${''.padEnd(15)}first error: ${first}`),
      );
    }
    console.log(['', header, ...results].join('\n'));
    console.log(
      [
        '',
        `  server RSS after the run: Keel ${rssMegabytes(keelServer).toFixed(0)} MB, bare ${rssMegabytes(bare).toFixed(0)} MB (target: Keel ≤ 2× bare)`,
        `  load average (1, 5, 15 min) after: ${load()} on ${os.cpus().length} cores`,
        '  req/s and CPU ms: closed loop, median of the rounds; p50/p99: open loop, median of the rounds;',
        '  ratio: Keel ÷ bare req/s in the same round (median); SQL/req: statements Keel sent per request',
        '  (begin/commit included), one request at a time, less the idle job poller; scripts: every <script src>',
        '  of the page, each gzipped (level 6) and summed.',
        '',
      ].join('\n'),
    );
    // Errors answered by Keel (a 500 under load, a pool timeout): what its log said, so they can be told apart.
    const keelLog = keel.output().trim();
    if (keelLog)
      console.log(
        `  Keel's log (warnings and errors, the last lines):\n${keelLog.split('\n').slice(-12).join('\n')}\n`,
      );
    return 0;
  } finally {
    for (const agent of agents.values()) agent.destroy();
    await keel?.stop();
    await bare?.stop();
    await database.dispose();
    rmSync(statementsFolder, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
