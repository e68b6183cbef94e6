import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/platform/db/client';
import { addJob, defineJob } from '@/platform/jobs/jobs';
import { startJobRunner, type JobRunner } from '@/platform/jobs/runner';

/**
 * The job queue on the real database: jobs are rows, so they share the fate of the transaction that
 * added them, and a runner runs each committed one once (retrying one that fails).
 */

const runs: { id: string; attempt: number }[] = [];
const record = defineJob({
  name: 'test.record',
  payload: z.object({ id: z.string(), failFirst: z.boolean().default(false) }),
  maxAttempts: 3,
  async run({ id, failFirst }, { attempt }) {
    runs.push({ id, attempt });
    if (failFirst && attempt === 1) throw new Error('the first attempt fails on purpose');
  },
});

let runner: JobRunner;
beforeAll(async () => {
  runner = await startJobRunner({
    databaseUrl: process.env.DATABASE_URL!,
    jobs: [record],
    concurrency: 1,
    pollIntervalMs: 200,
  });
});
afterAll(async () => {
  await runner.stop();
});

/** Waits until `done()` holds (the runner works in the background), failing after 15 s. */
async function eventually(done: () => boolean | Promise<boolean>) {
  for (let waited = 0; !(await done()); waited += 50) {
    if (waited > 15_000) throw new Error('the job did not run');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Jobs still queued for this id (graphile-worker deletes a job once it completes). */
const queued = async (id: string) =>
  (
    await db.execute<{ count: number }>(
      sql`select count(*)::int as count from graphile_worker._private_jobs where payload->>'id' = ${id}`,
    )
  ).rows[0]!.count;

describe('the job queue', () => {
  it('never runs a job added in a transaction that rolled back, and runs a committed one once', async () => {
    const rolledBack = randomUUID();
    const committed = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await addJob(tx, record, { id: rolledBack, failFirst: false });
        throw new Error('the work failed after queueing its job');
      }),
    ).rejects.toThrow('the work failed');
    expect(await queued(rolledBack)).toBe(0);

    await db.transaction(async (tx) => addJob(tx, record, { id: committed, failFirst: false }));
    await eventually(() => runs.some((run) => run.id === committed));
    // A completed job leaves the queue: nothing is left to run again.
    await eventually(async () => (await queued(committed)) === 0);
    expect(runs.filter((run) => run.id === committed)).toEqual([{ id: committed, attempt: 1 }]);
    expect(runs.some((run) => run.id === rolledBack)).toBe(false);
  });

  it('retries a job that failed, as its next attempt', async () => {
    const flaky = randomUUID();
    await addJob(db, record, { id: flaky, failFirst: true });
    await eventually(() => runs.filter((run) => run.id === flaky).length === 2);
    expect(runs.filter((run) => run.id === flaky).map((run) => run.attempt)).toEqual([1, 2]);
    await eventually(async () => (await queued(flaky)) === 0);
  });

  it('refuses a payload its job does not accept, before queueing anything', async () => {
    await expect(addJob(db, record, { id: 42 } as never)).rejects.toThrow();
    expect(
      (await db.execute<{ count: number }>(sql`select count(*)::int as count from graphile_worker._private_jobs`))
        .rows[0]!.count,
    ).toBe(0);
  });
});
