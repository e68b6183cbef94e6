import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/features/auth/server/schema';
import { DEMO_USER } from '../../src/features/auth/server/seed';
import { members, organizations } from '../../src/features/organizations/server/schema';
import { taskQuery } from '../../src/features/tasks';
import { listTasks } from '../../src/features/tasks/server';
import { tasks } from '../../src/features/tasks/server/schema';
import { db } from '../../src/platform/db/client';
import { runSeeders } from '../../src/platform/db/seed';
import { BENCH_ORGANIZATION, checkForeignKeys, seedLargeWorld } from './large-world';
import { seeders } from './seeders';

// The large world's shape at a size a test can afford: the same SQL, 10 organizations, 5,000 tasks.
const SIZE = { organizations: 10, tasks: 5_000 };
const quiet = () => undefined;

describe('the large world (db:seed --scale large)', () => {
  it('gives the demo user Bench Co with every tenth task, spreads the rest over the other organizations, and is not built twice', async () => {
    await runSeeders(process.env.DATABASE_URL!, seeders);
    const tasksBefore = (await db.select({ n: count() }).from(tasks))[0]!.n;

    expect(await seedLargeWorld(process.env.DATABASE_URL!, quiet, SIZE)).toMatchObject({ created: true });

    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER.email));
    const [bench] = await db.select().from(organizations).where(eq(organizations.slug, BENCH_ORGANIZATION.slug));
    expect(bench).toMatchObject({ id: BENCH_ORGANIZATION.id, name: 'Bench Co' });
    const benchMembers = await db
      .select({ userId: members.userId, role: members.role })
      .from(members)
      .where(eq(members.organizationId, bench!.id));
    expect(benchMembers).toHaveLength(10);
    expect(benchMembers).toContainEqual({ userId: demo!.id, role: 'owner' });

    const perOrganization = await db
      .select({ organizationId: tasks.organizationId, n: count() })
      .from(tasks)
      .where(sql`${tasks.organizationId}::text like '00000000-0000-4000-9000-%'`)
      .groupBy(tasks.organizationId);
    expect(perOrganization).toHaveLength(SIZE.organizations);
    expect(perOrganization.find((row) => row.organizationId === bench!.id)?.n).toBe(SIZE.tasks / 10);
    for (const row of perOrganization.filter((row) => row.organizationId !== bench!.id)) {
      // 4,500 over 9 organizations: about 500 each.
      expect(row.n).toBeGreaterThan(450);
      expect(row.n).toBeLessThan(550);
    }
    // Every other organization: an owner, an admin and a member.
    const roles = await db
      .select({ role: members.role, n: count() })
      .from(members)
      .where(
        and(
          sql`${members.organizationId}::text like '00000000-0000-4000-9000-%'`,
          ne(members.organizationId, bench!.id),
        ),
      )
      .groupBy(members.role);
    expect(Object.fromEntries(roles.map((row) => [row.role, row.n]))).toEqual({ owner: 9, admin: 9, member: 9 });

    // Varied enough to filter on: every status, some unassigned, many the demo user's.
    const benchTasks = eq(tasks.organizationId, bench!.id);
    const statuses = await db.select({ status: tasks.status }).from(tasks).where(benchTasks).groupBy(tasks.status);
    expect(statuses.map((row) => row.status).sort()).toEqual(['canceled', 'done', 'in_progress', 'todo']);
    const unassigned = (
      await db
        .select({ n: count() })
        .from(tasks)
        .where(and(benchTasks, isNull(tasks.assigneeId)))
    )[0]!.n;
    const demoAssigned = (
      await db
        .select({ n: count() })
        .from(tasks)
        .where(and(benchTasks, eq(tasks.assigneeId, demo!.id)))
    )[0]!.n;
    expect(unassigned).toBeGreaterThan(30);
    expect(demoAssigned).toBeGreaterThan(30);

    // What the tasks list shows the owner: all of Bench Co's tasks, through the real loader and row-level security.
    const page = await listTasks({ userId: demo!.id, organizationId: bench!.id }, taskQuery.defaults);
    expect(page.total).toBe(SIZE.tasks / 10);

    // A second run finds Bench Co and adds nothing.
    expect(await seedLargeWorld(process.env.DATABASE_URL!, quiet, SIZE)).toMatchObject({ created: false });
    expect((await db.select({ n: count() }).from(tasks))[0]!.n).toBe(tasksBefore + SIZE.tasks);
  });

  it("builds the same rows every time: values come from each row's number, not from chance", async () => {
    const snapshot = () =>
      db
        .select({
          id: tasks.id,
          title: tasks.title,
          status: tasks.status,
          priority: tasks.priority,
          assigneeId: tasks.assigneeId,
          dueDate: tasks.dueDate,
        })
        .from(tasks)
        .where(sql`${tasks.id}::text like '00000000-0000-4000-a000-%'`)
        .orderBy(tasks.id);
    const first = await snapshot();
    expect(first.length).toBe(SIZE.tasks);
    // Remove the world (organizations cascade to members and tasks), then build it again.
    await db.delete(organizations).where(sql`${organizations.id}::text like '00000000-0000-4000-9000-%'`);
    await db.delete(users).where(sql`${users.id} like '00000000-0000-4000-9100-%'`);
    expect(await seedLargeWorld(process.env.DATABASE_URL!, quiet, SIZE)).toMatchObject({ created: true });
    expect(await snapshot()).toEqual(first);
  });

  it('checks the foreign keys it skipped row by row, and keeps nothing if one row breaks them', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await client.query(
        `insert into tasks (organization_id, title, assignee_id) values ($1, 'Given to a stranger', 'not-a-member')`,
        [BENCH_ORGANIZATION.id],
      );
      await expect(checkForeignKeys(client)).rejects.toThrow('member assignee: 1');
    } finally {
      await client.query('rollback');
      await client.end();
    }
    const client2 = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client2.connect();
    await expect(checkForeignKeys(client2)).resolves.toBeUndefined();
    await client2.end();
  });
});
