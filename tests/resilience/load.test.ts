import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppProcess } from './support/app-process';
import type { TestDatabase } from './support/database';
import { formatReport, runOpenLoop } from './support/open-loop';
import { teamTraffic, type SignedInMember } from './support/traffic';
import { startSignedInTeam } from './support/world';

/**
 * `npm run bench:load` (and part of `npm run test:resilience`): 50 requests a
 * second for 60 seconds, open loop, on one instance of the production build,
 * from six signed-in members: pages, the tasks API and task writes
 * (support/traffic.ts). It reports p50/p90/p99 per kind of request and the
 * machine's load average; it asserts only that every request got the answer a
 * user should get — timings depend on the machine and are reported, not judged.
 */
const RATE = Number(process.env.LOAD_RATE || 50);
const SECONDS = Number(process.env.LOAD_SECONDS || 60);

let database: TestDatabase;
let app: AppProcess;
let members: SignedInMember[];

beforeAll(async () => {
  ({ database, app, members } = await startSignedInTeam(6));
  // Warm up: the first render of each page compiles nothing in production, but fills caches and the pool.
  await runOpenLoop({
    ratePerSecond: 10,
    durationMs: 3_000,
    request: teamTraffic(members, { baseUrl: () => app.url }),
  });
});

afterAll(async () => {
  await app?.stop();
  await database?.dispose();
});

it(`serves ${RATE} requests a second for ${SECONDS} s of signed-in pages and actions without an error`, async () => {
  const cpuBefore = app.cpuSeconds();
  const report = await runOpenLoop({
    ratePerSecond: RATE,
    durationMs: SECONDS * 1000,
    request: teamTraffic(members, { baseUrl: () => app.url }),
  });
  // CPU per request depends far less on what else the machine runs than latency does: it says how many cores the rate
  // needs.
  const cpuPerRequest = ((app.cpuSeconds() - cpuBefore) * 1000) / report.samples.length;
  console.log(`\n${formatReport(`Load (${RATE}/s for ${SECONDS} s, one instance)`, report)}`);
  console.log(
    `  app CPU: ${cpuPerRequest.toFixed(1)} ms per request, so ${((cpuPerRequest * RATE) / 1000).toFixed(2)} cores at ${RATE}/s\n`,
  );

  const failures = report.samples.filter((sample) => !sample.ok);
  expect(failures.slice(0, 10).map((sample) => sample.detail)).toEqual([]);
  expect(report.notStarted).toBe(0);
  expect(report.samples).toHaveLength(RATE * SECONDS);
  expect(app.running()).toBe(true);
});
