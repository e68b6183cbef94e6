import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';
import { registerAccountHooks } from '@/platform/hooks/account-lifecycle';
import { runOrganizationHooks } from '@/platform/hooks/organization-lifecycle';
import { OWNER_ROLE } from '../roles';
import { organizations } from './schema';

/**
 * Organizations where `userId` is the only owner and other people are
 * members: the account cannot be deleted until ownership moves (the database
 * refuses as well; this names them for the account page).
 */
export async function soleOwnedOrganizations(userId: string): Promise<{ id: string; name: string; slug: string }[]> {
  const { rows } = await db.execute<{ id: string; name: string; slug: string }>(sql`
    select o.id, o.name, o.slug from organizations o
    join members mine on mine.organization_id = o.id and mine.user_id = ${userId} and mine.role = ${OWNER_ROLE}
    where not exists (select 1 from members m where m.organization_id = o.id and m.role = ${OWNER_ROLE} and m.user_id <> ${userId})
      and exists (select 1 from members m where m.organization_id = o.id and m.user_id <> ${userId})
    order by lower(o.name)`);
  return rows;
}

/** Organizations where `userId` is the only member: deleting the account deletes them. */
async function soloOrganizations(userId: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    select m.organization_id as id from members m
    where m.user_id = ${userId}
      and not exists (select 1 from members o where o.organization_id = m.organization_id and o.user_id <> ${userId})`);
  return rows.map((row) => row.id);
}

/**
 * Deletes the user's solo organizations the way deleteOrganization does — the beforeOrganizationDeleted
 * hooks (billing cancels the subscription) and the delete in one tenant transaction each — before the
 * account goes. The database trigger (drizzle/0005) would delete them too, but runs no hooks: a paid
 * subscription would keep billing nobody. A refusal throws (that organization and the account stay).
 */
async function deleteSoloOrganizationsOf(userId: string): Promise<void> {
  for (const organizationId of await soloOrganizations(userId)) {
    await withTenant({ userId, organizationId }, async (tx) => {
      await runOrganizationHooks('beforeOrganizationDeleted', tx, { organizationId });
      await tx.delete(organizations).where(eq(organizations.id, organizationId));
    });
  }
}

registerAccountHooks('organizations', { beforeAccountDeleted: ({ userId }) => deleteSoloOrganizationsOf(userId) });
