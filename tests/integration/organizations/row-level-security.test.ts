import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { invitations, members, organizations } from '@/features/organizations/server/schema';
import { db, getPool } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';

/**
 * Row-level security, checked at the database: queries inside withTenant are
 * written without any `where` on organization on purpose.
 */

async function user(name: string) {
  const id = randomUUID();
  await db.insert(users).values({ id, name, email: `${name}-${id}@example.com`, emailVerified: true });
  return id;
}

async function organization(name: string, ownerId: string) {
  const [row] = await db
    .insert(organizations)
    .values({ name, slug: `${name}-${randomUUID().slice(0, 8)}` })
    .returning();
  await db.insert(members).values({ organizationId: row!.id, userId: ownerId, role: 'owner' });
  await db.insert(invitations).values({
    organizationId: row!.id,
    email: `invitee-of-${name}@example.com`,
    role: 'member',
    tokenHash: randomUUID(),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return row!.id;
}

const alice = await user('alice');
const bob = await user('bob');
const acme = await organization('acme', alice);
const globex = await organization('globex', bob);

describe('row-level security on organization data', () => {
  it('returns only the current organization’s rows to a query with no where clause', async () => {
    const seen = await withTenant({ userId: alice, organizationId: acme }, async (tx) => ({
      organizations: await tx.select({ id: organizations.id }).from(organizations),
      members: await tx.select({ organizationId: members.organizationId }).from(members),
      invitations: await tx.select({ organizationId: invitations.organizationId }).from(invitations),
    }));
    expect(seen.organizations).toEqual([{ id: acme }]);
    expect(seen.members).toEqual([{ organizationId: acme }]);
    expect(seen.invitations).toEqual([{ organizationId: acme }]);
    // The system connection sees both organizations: the filter above is the policy's doing.
    expect((await db.select().from(organizations)).length).toBe(2);
  });

  it('shows nothing to a user who is not a member of the organization named in the scope', async () => {
    const seen = await withTenant({ userId: alice, organizationId: globex }, async (tx) => [
      ...(await tx.select().from(organizations)),
      ...(await tx.select().from(members)),
      ...(await tx.select().from(invitations)),
    ]);
    expect(seen).toEqual([]);
  });

  it('refuses at the database an insert aimed at another organization', async () => {
    const attempt = withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.insert(members).values({ organizationId: globex, userId: alice, role: 'owner' }),
    );
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    expect(
      await db
        .select()
        .from(members)
        .where(sql`${members.organizationId} = ${globex} and ${members.userId} = ${alice}`),
    ).toEqual([]);
  });

  it('refuses an update that would move a row to another organization, and cannot touch the other’s rows', async () => {
    const moved = withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.update(invitations).set({ organizationId: globex }),
    );
    await expect(moved).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });

    const renamed = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx
        .update(organizations)
        .set({ name: 'hijacked' })
        .where(sql`${organizations.id} = ${globex}`)
        .returning(),
    );
    expect(renamed).toEqual([]);
    const deleted = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx
        .delete(invitations)
        .where(sql`${invitations.organizationId} = ${globex}`)
        .returning(),
    );
    expect(deleted).toEqual([]);
    const [globexRow] = await db
      .select()
      .from(organizations)
      .where(sql`${organizations.id} = ${globex}`);
    expect(globexRow!.name).toBe('globex');
  });

  it('returns zero rows to the tenant role when no organization or user is set', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local role keel_tenant`);
      return [
        ...(await tx.select().from(organizations)),
        ...(await tx.select().from(members)),
        ...(await tx.select().from(invitations)),
      ];
    });
    expect(rows).toEqual([]);
  });

  it('shows the tenant role only the users who are members of the current organization (and the acting user)', async () => {
    const seen = await withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.select({ id: users.id }).from(users),
    );
    expect(seen).toEqual([{ id: alice }]);
    expect((await db.select({ id: users.id }).from(users)).length).toBe(2);
  });

  it('cannot read the rest of the users table as the tenant role', async () => {
    const attempt = withTenant({ userId: alice, organizationId: acme }, (tx) =>
      tx.execute(sql`select two_factor_enabled from users`),
    );
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
  });

  it('leaves nothing set on a pooled connection after the transaction', async () => {
    const pool = getPool();
    // Hold every connection but one, so the next query must reuse the tenant's connection.
    const held = await Promise.all(Array.from({ length: pool.options.max - 1 }, () => pool.connect()));
    try {
      const pid = await withTenant({ userId: alice, organizationId: acme }, async (tx) => {
        const { rows } = await tx.execute<{ pid: number; role: string }>(
          sql`select pg_backend_pid() as pid, current_user as role`,
        );
        expect(rows[0]!.role).toBe('keel_tenant');
        return rows[0]!.pid;
      });
      const { rows } = await db.execute<{
        pid: number;
        role: string;
        user_id: string | null;
        organization_id: string | null;
      }>(
        sql`select pg_backend_pid() as pid, current_user as role, current_setting('keel.user_id', true) as user_id, current_setting('keel.organization_id', true) as organization_id`,
      );
      expect(rows[0]!.pid).toBe(pid);
      expect(rows[0]!.role).not.toBe('keel_tenant');
      expect(rows[0]!.user_id || null).toBeNull();
      expect(rows[0]!.organization_id || null).toBeNull();
    } finally {
      for (const client of held) client.release();
    }
  });

  it('leaves nothing set after a transaction that failed', async () => {
    await expect(
      withTenant({ userId: alice, organizationId: acme }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.execute<{ role: string; organization_id: string | null }>(
      sql`select current_user as role, current_setting('keel.organization_id', true) as organization_id`,
    );
    expect(rows[0]!.role).not.toBe('keel_tenant');
    expect(rows[0]!.organization_id || null).toBeNull();
  });
});
