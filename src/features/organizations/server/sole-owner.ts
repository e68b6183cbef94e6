import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { OWNER_ROLE } from '../roles';

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
