import { createHash, randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { users } from '@/features/auth/server/schema';
import type { Seeder } from '@/platform/db/seed';
import { invitations, members, organizations } from './schema';

/**
 * The demo user's organizations: one they own with teammates in every role and an open invitation, one where they are a
 * member.
 */
const ACME_ID = '00000000-0000-4000-8000-0000000b0001';
const GLOBEX_ID = '00000000-0000-4000-8000-0000000b0002';

const TEAMMATES = [
  { id: '00000000-0000-4000-8000-0000000a0101', name: 'Ada Admin', email: 'ada@keel.dev' },
  { id: '00000000-0000-4000-8000-0000000a0102', name: 'Max Member', email: 'max@keel.dev' },
  { id: '00000000-0000-4000-8000-0000000a0103', name: 'Olga Owner', email: 'olga@keel.dev' },
];

/** Open invitations to Acme, in two roles; fixed ids, so a second run (or one after a revoke) adds none. */
const INVITATIONS = [
  { id: '00000000-0000-4000-8000-0000000b0101', email: 'new.colleague@example.com', role: 'member' },
  { id: '00000000-0000-4000-8000-0000000b0102', email: 'ops.lead@example.com', role: 'admin' },
];

/**
 * Each row is inserted on its own with `on conflict do nothing`, so a database
 * seeded by an older version gets what was added since (the second invitation)
 * and a second run adds nothing.
 */
export const organizationsSeeder: Seeder = {
  name: 'organizations',
  async run(db: NodePgDatabase) {
    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'demo@keel.dev'));
    if (!demo) return 'no demo user, nothing to add';
    const created = await db
      .insert(organizations)
      .values([
        { id: ACME_ID, name: 'Acme', slug: 'acme' },
        { id: GLOBEX_ID, name: 'Globex', slug: 'globex' },
      ])
      .onConflictDoNothing()
      .returning({ id: organizations.id });
    // A slug taken by an organization of your own (not ours) leaves that demo organization out.
    const ours = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.id, [ACME_ID, GLOBEX_ID]));
    const present = new Set(ours.map((row) => row.id));
    if (present.size === 0) return 'the slugs acme and globex belong to other organizations, nothing to add';
    // Teammates have no password: they exist to fill the members page (they cannot sign in).
    await db
      .insert(users)
      .values(TEAMMATES.map((user) => ({ ...user, emailVerified: true, onboardedAt: new Date() })))
      .onConflictDoNothing();
    const memberships = [
      { organizationId: ACME_ID, userId: demo.id, role: 'owner' },
      { organizationId: ACME_ID, userId: TEAMMATES[0]!.id, role: 'admin' },
      { organizationId: ACME_ID, userId: TEAMMATES[1]!.id, role: 'member' },
      { organizationId: GLOBEX_ID, userId: TEAMMATES[2]!.id, role: 'owner' },
      { organizationId: GLOBEX_ID, userId: demo.id, role: 'member' },
    ].filter((membership) => present.has(membership.organizationId));
    const joined = await db.insert(members).values(memberships).onConflictDoNothing().returning({ id: members.id });
    const invited = present.has(ACME_ID)
      ? await db
          .insert(invitations)
          .values(
            INVITATIONS.map((invitation) => ({
              ...invitation,
              organizationId: ACME_ID,
              inviterId: demo.id,
              // Its link is never sent: the hash of a random token nobody keeps.
              tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
              expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
            })),
          )
          .onConflictDoNothing()
          .returning({ id: invitations.id })
      : [];
    if (created.length === 0 && joined.length === 0 && invited.length === 0) return 'Acme and Globex already present';
    return `Acme (demo user owner, an admin, a member, open invitations for a member and an admin) and Globex (demo user member): ${created.length} organization(s), ${joined.length} membership(s), ${invited.length} invitation(s) added`;
  },
};
