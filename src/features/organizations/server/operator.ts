import 'server-only';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { isUuid } from '@/platform/db/uuid';
import { roleNames } from '../roles';
import { invitations, members, organizations } from './schema';

/**
 * An organization as an operator who is not one of its members reads it (the super-admin area, whose pages check
 * who asks): its members with their roles, highest first, and its open invitations. Read on the app's own
 * connection, outside row-level security. Null when there is no such organization.
 */
export async function readOrganizationForOperator(organizationId: string) {
  if (!isUuid(organizationId)) return null;
  const [organization] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      createdAt: organizations.createdAt,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) return null;
  const [memberRows, invitationRows] = await Promise.all([
    db
      .select({
        id: members.id,
        userId: members.userId,
        name: users.name,
        email: users.email,
        role: members.role,
        joinedAt: members.createdAt,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.organizationId, organizationId))
      .orderBy(
        sql`array_position(ARRAY[${sql.join(
          roleNames().map((name) => sql`${name}`),
          sql`, `,
        )}]::text[], ${members.role})`,
        asc(sql`lower(${users.name})`),
      ),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, organizationId),
          eq(invitations.status, 'pending'),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(invitations.createdAt))
      .limit(100),
  ]);
  return { organization, members: memberRows, invitations: invitationRows };
}

export type OrganizationForOperator = NonNullable<Awaited<ReturnType<typeof readOrganizationForOperator>>>;
