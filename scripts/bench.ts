/**
 * npm run bench [-- --explain] [-- --iterations 200] [-- --warmup 20] [-- --case "page 500"]
 *
 * Times the tasks list's real read path — `listTasks` (the tenant transaction,
 * the membership check, then `taskPages.load`) and the organization home's
 * `taskOverview` — against the large world (`npm run db:seed -- --scale large`),
 * as Bench Co's owner, with queries parsed by `taskQuery` exactly as the page
 * and GET /api/organizations/<slug>/tasks parse them. Prints p50, p99 and mean
 * per case. `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of every statement
 * each case sends, captured from the wire, so it is the loader's real SQL.
 *
 * Uses the same database as `npm run dev`: DATABASE_URL, or the embedded
 * PostgreSQL (joined when running, started for the run otherwise).
 * Guide: docs/data/data-loader.md#measured.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultEmbeddedOptions } from '../src/platform/db/embedded-postgres';
import { BENCH_ORGANIZATION, benchTaskCount, LARGE_WORLD } from './lib/large-world';
import {
  exitWithFriendlyError,
  prepareLocalEnvironment,
  projectRoot,
  type LocalEnvironment,
} from './lib/local-environment';
import { allowServerOnlyImports } from './lib/server-modules';

const flags = process.argv.slice(2);
function numberFlag(name: string, fallback: number): number {
  const index = flags.indexOf(name);
  const value = index === -1 ? undefined : Number(flags[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
const explain = flags.includes('--explain');
const iterations = numberFlag('--iterations', 200);
const warmup = numberFlag('--warmup', 20);
/** Only the cases whose name contains this text. */
const only = flags.includes('--case') ? (flags[flags.indexOf('--case') + 1] ?? '') : '';

interface Statement {
  text: string;
  values: unknown[];
}

/*
 * Every statement any pg client sends while `recording` is set: the loader's
 * SQL as PostgreSQL receives it (with its parameters), for --explain.
 */
let recording: Statement[] | null = null;
const sendQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof first === 'string' ? first : first.text;
    const values = Array.isArray(second) ? second : typeof first === 'object' ? (first.values ?? []) : [];
    recording.push({ text, values });
  }
  return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * The CPU time (ms) the embedded PostgreSQL has used so far, read from /proc: the postmaster, the backends it has
 * already reaped, and those still running (the pool's). On a machine busy with other work wall-clock times stretch
 * while this stays put, so the table shows both. Null with DATABASE_URL or without /proc.
 */
function serverCpuReader(environment: LocalEnvironment): (() => number) | null {
  const pidFile = path.join(defaultEmbeddedOptions(projectRoot).dir, 'postmaster.pid');
  if (!environment.embedded || !existsSync(pidFile)) return null;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // The fields after the command name: [0] state, [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime
  // (clock ticks).
  const stat = (pid: number | string) =>
    readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').map(Number);
  if (!existsSync(`/proc/${postmaster}/stat`)) return null;
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return () => {
    const own = stat(postmaster);
    let ticks = own[11]! + own[12]! + own[13]! + own[14]!;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const child = stat(entry);
        if (child[1] === postmaster) ticks += child[11]! + child[12]!;
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks / ticksPerMs;
  };
}

const format = (ms: number) => ms.toFixed(2).padStart(9);
const thousands = (value: number) => value.toLocaleString('en');

/** Resolves to the exit code (set explicitly: embedded-postgres's exit hook would otherwise end the process with 0). */
async function main(): Promise<number> {
  const environment = await prepareLocalEnvironment({ dev: true });
  const client = new pg.Client({ connectionString: environment.databaseUrl });
  await client.connect();
  try {
    const world = await client.query<{ tasks: number; owner: string | null; total: number }>(
      `select (select count(*)::int from tasks where organization_id = $1) as tasks,
              (select user_id from members where organization_id = $1 and role = 'owner' order by created_at limit 1) as owner,
              (select count(*)::int from tasks) as total`,
      [BENCH_ORGANIZATION.id],
    );
    const { tasks: benchTasks, owner, total } = world.rows[0]!;
    if (benchTasks < benchTaskCount(LARGE_WORLD) || !owner) {
      console.error(
        [
          '',
          `The large world is not in this database: ${BENCH_ORGANIZATION.name} (/dashboard/${BENCH_ORGANIZATION.slug}) should hold ${thousands(benchTaskCount(LARGE_WORLD))} tasks and holds ${thousands(benchTasks)}.`,
          'Build it first (1,000 organizations, 1,000,000 tasks; a minute or more, about 1.6 GB of disk):',
          '',
          '  npm run db:seed -- --scale large',
          '',
        ].join('\n'),
      );
      return 1;
    }

    // The app's server modules, now that server-only may be imported and DATABASE_URL is set.
    allowServerOnlyImports();
    const { listTasks, taskOverview } = await import('../src/features/tasks/server');
    const { taskQuery } = await import('../src/features/tasks');
    const { entriesToObject } = await import('../src/platform/http/validation');
    const { closeDatabase } = await import('../src/platform/db/client');
    const scope = { userId: owner, organizationId: BENCH_ORGANIZATION.id };
    /** A query string parsed as the tasks page and its API route parse it. */
    const query = (search: string) => taskQuery.schema.parse(entriesToObject(new URLSearchParams(search)));

    try {
      // The cursor that follows row 24,950 (the end of offset page 499), made by the loader itself, before any timing.
      const page499 = await listTasks(scope, query('pageSize=50&page=499'));
      const cursor = page499.nextCursor!;
      const page500 = await listTasks(scope, query('pageSize=50&page=500'));
      const keyset500 = await listTasks(scope, query(`pageSize=50&cursor=${encodeURIComponent(cursor)}`));
      const same = page500.rows.map((row) => row.id).join() === keyset500.rows.map((row) => row.id).join();
      if (!same)
        throw new Error(
          'Keyset page 500 differs from offset page 500: the loader is broken, the numbers would mean nothing.',
        );

      const allCases: { name: string; run: () => Promise<unknown> }[] = [
        { name: 'offset page 1', run: () => listTasks(scope, query('pageSize=50')) },
        { name: 'offset page 500', run: () => listTasks(scope, query('pageSize=50&page=500')) },
        {
          name: 'keyset page 500',
          run: () => listTasks(scope, query(`pageSize=50&cursor=${encodeURIComponent(cursor)}`)),
        },
        {
          name: 'keyset page 500, no count',
          run: () => listTasks(scope, query(`pageSize=50&cursor=${encodeURIComponent(cursor)}`), { count: false }),
        },
        {
          name: 'status=todo&sort=dueDate',
          run: () => listTasks(scope, query('pageSize=50&status=todo&sort=dueDate')),
        },
        { name: 'q=invoice', run: () => listTasks(scope, query('pageSize=50&q=invoice')) },
        // A selective search (about 260 matches of 100,000), where an index matters most.
        {
          name: 'q=benchmark the webhook',
          run: () => listTasks(scope, query('pageSize=50&q=benchmark%20the%20webhook')),
        },
        // Sorts with indexes of their own since drizzle/0016 (docs/performance.md).
        { name: 'sort=-dueDate', run: () => listTasks(scope, query('pageSize=50&sort=-dueDate')) },
        { name: 'sort=title', run: () => listTasks(scope, query('pageSize=50&sort=title')) },
        { name: 'taskOverview (home)', run: () => taskOverview(scope) },
      ];
      const cases = allCases.filter((benchCase) => benchCase.name.includes(only));

      const version = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
      console.log(
        [
          '',
          `Tasks loader bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          `  machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load ${os
            .loadavg()
            .map((load) => load.toFixed(1))
            .join(' ')}, Node ${process.version}, PostgreSQL ${version}`,
          `  data: ${BENCH_ORGANIZATION.name} ${thousands(benchTasks)} tasks of ${thousands(total)}; page size 50; ${warmup} warm-up + ${iterations} timed runs per case, one after another`,
          '',
        ].join('\n'),
      );

      if (explain) {
        for (const benchCase of cases) await explainCase(client, benchCase);
        return 0;
      }

      const serverCpu = serverCpuReader(environment);
      console.log(
        `${'case'.padEnd(28)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'mean ms'.padStart(9)}${serverCpu ? '  PostgreSQL CPU ms/run' : ''}`,
      );
      for (const benchCase of cases) {
        for (let run = 0; run < warmup; run++) await benchCase.run();
        const durations: number[] = [];
        const cpuBefore = serverCpu?.() ?? 0;
        for (let run = 0; run < iterations; run++) {
          const started = performance.now();
          await benchCase.run();
          durations.push(performance.now() - started);
        }
        const cpu = serverCpu ? format((serverCpu() - cpuBefore) / iterations) : '';
        durations.sort((a, b) => a - b);
        const mean = durations.reduce((sum, duration) => sum + duration, 0) / durations.length;
        console.log(
          `${benchCase.name.padEnd(28)}${format(percentile(durations, 0.5))}${format(percentile(durations, 0.99))}${format(mean)}${cpu}`,
        );
      }
      console.log(
        [
          '',
          "  Each run is one tenant transaction: begin, set_config, the membership check, the loader's statements, commit.",
          serverCpu
            ? "  PostgreSQL CPU: all of the embedded server's processes over the timed runs, per run (10 ms clock ticks)."
            : '',
          `  load after: ${os
            .loadavg()
            .map((load) => load.toFixed(1))
            .join(' ')}`,
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await closeDatabase();
    }
  } finally {
    await client.end();
    await environment.stop();
  }
}

/**
 * Runs the case once, recording its statements, then replays them (tenant settings included) under EXPLAIN (ANALYZE,
 * BUFFERS).
 */
async function explainCase(client: pg.Client, benchCase: { name: string; run: () => Promise<unknown> }) {
  recording = [];
  await benchCase.run();
  const statements = recording;
  recording = null;
  console.log(`\n=== ${benchCase.name} ===`);
  await client.query('begin');
  try {
    for (const statement of statements) {
      if (/^\s*(begin|commit|rollback)\b/i.test(statement.text)) continue;
      if (/^\s*select set_config\(/i.test(statement.text)) {
        // The tenant transaction's settings (role keel_tenant, acting user, organization): the plans below run under
        // them.
        await client.query(statement.text, statement.values);
        continue;
      }
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${statement.text}`,
        statement.values,
      );
      console.log(`\n-- ${statement.text}\n-- params: ${JSON.stringify(statement.values)}\n`);
      console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
  } finally {
    await client.query('rollback');
  }
}

main().then((code) => process.exit(code), exitWithFriendlyError);
