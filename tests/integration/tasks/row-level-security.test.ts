import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { members, organizations } from '@/features/organizations/server/schema';
import { tasks } from '@/features/tasks/server/schema';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';

/**
 * Row-level security on tasks, checked at the database: the queries inside
 * withTenant have no `where` on organization, on purpose.
 */

async function user(name: string) {
  const id = randomUUID();
  await db.insert(users).values({ id, name, email: `${name}-${id}@example.com`, emailVerified: true });
  return id;
}

async function organizationWithTasks(name: string, ownerId: string, titles: string[]) {
  const [organization] = await db
    .insert(organizations)
    .values({ name, slug: `${name}-${randomUUID().slice(0, 8)}` })
    .returning();
  await db.insert(members).values({ organizationId: organization!.id, userId: ownerId, role: 'owner' });
  await db
    .insert(tasks)
    .values(titles.map((title) => ({ organizationId: organization!.id, title, assigneeId: ownerId })));
  return organization!.id;
}

const alice = await user('alice');
const bob = await user('bob');
const acme = await organizationWithTasks('acme', alice, ['acme one', 'acme two']);
const globex = await organizationWithTasks('globex', bob, ['globex one']);

const titlesOf = (organizationId: string) =>
  db
    .select({ title: tasks.title })
    .from(tasks)
    .where(eq(tasks.organizationId, organizationId))
    .then((rows) => rows.map((row) => row.title).sort());

describe('row-level security on tasks', () => {
  it('returns only the current organization’s tasks to a query with no where clause', async () => {
    const seen = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.select({ organizationId: tasks.organizationId, title: tasks.title }).from(tasks),
    );
    expect(seen.map((row) => row.organizationId)).toEqual([acme, acme]);
    expect(seen.map((row) => row.title).sort()).toEqual(['acme one', 'acme two']);
    const counted = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.execute<{ count: number }>(sql`select count(*)::int as count from tasks`),
    );
    expect(counted.rows[0]!.count).toBe(2);
    // The system connection sees both organizations: the filter above is the policy's doing.
    expect((await db.select().from(tasks)).length).toBe(3);
  });

  it('shows nothing to a user who is not a member of the organization named', async () => {
    expect(await withTenant({ userId: alice, organizationId: globex }, (tx) => tx.select().from(tasks))).toEqual([]);
  });

  it('refuses at the database a task written for another organization', async () => {
    const attempt = withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.insert(tasks).values({ organizationId: globex, title: 'planted' }),
    );
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    expect(await titlesOf(globex)).toEqual(['globex one']);
  });

  it('refuses moving a task to another organization', async () => {
    const moved = withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.update(tasks).set({ organizationId: globex, assigneeId: null }),
    );
    await expect(moved).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    expect(await titlesOf(acme)).toEqual(['acme one', 'acme two']);
    expect(await titlesOf(globex)).toEqual(['globex one']);
  });

  it('cannot change or delete another organization’s tasks: aimed at them, updates and deletes match nothing', async () => {
    const renamed = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.update(tasks).set({ title: 'hijacked' }).where(eq(tasks.organizationId, globex)).returning(),
    );
    const deleted = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.delete(tasks).where(eq(tasks.organizationId, globex)).returning(),
    );
    const [globexTask] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.organizationId, globex));
    const byId = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.delete(tasks).where(eq(tasks.id, globexTask!.id)).returning(),
    );
    expect([...renamed, ...deleted, ...byId]).toEqual([]);
    expect(await titlesOf(globex)).toEqual(['globex one']);
  });

  it('returns nothing to the tenant role when no organization or user is set', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local role keel_tenant`);
      return tx.select().from(tasks);
    });
    expect(rows).toEqual([]);
  });
});

describe('the safety net', () => {
  it('forces row-level security on every table with an organization_id (organization_selections is a user’s own choice)', async () => {
    const { rows } = await db.execute<{ table: string }>(sql`
      select c.relname as table from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
      where c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)
        and c.relname <> 'organization_selections'`);
    expect(rows).toEqual([]);
  });

  it('finds the tables it guards (tasks among them), so an empty answer above means something', async () => {
    const { rows } = await db.execute<{ table: string }>(sql`
      select c.relname as table from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
      where c.relkind in ('r', 'p') and c.relrowsecurity and c.relforcerowsecurity
      order by 1`);
    expect(rows.map((row) => row.table)).toEqual(expect.arrayContaining(['invitations', 'members', 'tasks']));
  });
});

describe('keel_task_search (the search behind row-level security, decision 0043)', () => {
  const search = (userId: string, organizationId: string, pattern: string) =>
    withTenant({ userId, organizationId }, (tx) =>
      tx.execute<{ id: string }>(sql`select keel_task_search(${pattern}) as id`),
    ).then((result) => result.rows.map((row) => row.id));

  it('returns the acting organization’s matches only, whatever they match elsewhere', async () => {
    const acmeIds = (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.organizationId, acme))).map(
      (row) => row.id,
    );
    expect((await search(alice, acme, '%one%')).every((id) => acmeIds.includes(id))).toBe(true);
    expect(await search(alice, acme, '%one%')).toHaveLength(1);
    expect((await search(alice, acme, '%o%')).sort()).toEqual([...acmeIds].sort());
  });

  it('returns nothing to a user who is not a member of the organization named', async () => {
    expect(await search(alice, globex, '%one%')).toEqual([]);
    expect(await search(bob, acme, '%%')).toEqual([]);
  });

  it('may be run by the tenant role only', async () => {
    const grantees = await db.execute<{ grantee: string }>(
      sql`select grantee from information_schema.routine_privileges
          where routine_name = 'keel_task_search' and privilege_type = 'EXECUTE' and grantee <> current_user`,
    );
    expect(grantees.rows.map((row) => row.grantee)).toEqual(['keel_tenant']);
  });
});
