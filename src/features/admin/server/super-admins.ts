import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '@/features/audit/server';
import { users } from '@/features/auth/server/schema';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { superAdmins } from './schema';

/** Who a super admin is checked against: the signed-in user as the session gives it. */
export interface AdminCandidate {
  id: string;
  email: string;
  emailVerified: boolean;
}

/**
 * Whether the user is a super admin: granted from the command line (a `super_admins` row), or named in
 * SUPER_ADMIN_EMAILS with an address the account has confirmed (so nobody becomes one by signing up first with
 * an address of the list that is not theirs).
 */
export async function isSuperAdmin(user: AdminCandidate): Promise<boolean> {
  if (user.emailVerified && getServerConfig().superAdminEmails.includes(user.email.toLowerCase())) return true;
  const [row] = await db
    .select({ userId: superAdmins.userId })
    .from(superAdmins)
    .where(eq(superAdmins.userId, user.id))
    .limit(1);
  return Boolean(row);
}

export type GrantOutcome = 'granted' | 'already' | 'revoked' | 'absent' | 'no-such-user';

async function findUserId(email: string): Promise<string | null> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user?.id ?? null;
}

/**
 * Makes the account with this address a super admin (`npm run admin:grant`); recorded in the audit log in the same
 * transaction, with no actor: the command line did it.
 */
export async function grantSuperAdmin(email: string): Promise<GrantOutcome> {
  const userId = await findUserId(email);
  if (!userId) return 'no-such-user';
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(superAdmins).values({ userId }).onConflictDoNothing().returning();
    if (inserted.length === 0) return 'already';
    await recordAuditEvent(tx, {
      action: 'admin.granted',
      actorUserId: null,
      target: { type: 'user', id: userId },
      details: { via: 'cli' },
      request: null,
    });
    return 'granted';
  });
}

/** Takes super admin away (`npm run admin:revoke`); SUPER_ADMIN_EMAILS, if it names the address, still grants it. */
export async function revokeSuperAdmin(email: string): Promise<GrantOutcome> {
  const userId = await findUserId(email);
  if (!userId) return 'no-such-user';
  return db.transaction(async (tx) => {
    const removed = await tx.delete(superAdmins).where(eq(superAdmins.userId, userId)).returning();
    if (removed.length === 0) return 'absent';
    await recordAuditEvent(tx, {
      action: 'admin.revoked',
      actorUserId: null,
      target: { type: 'user', id: userId },
      details: { via: 'cli' },
      request: null,
    });
    return 'revoked';
  });
}

/** Whether SUPER_ADMIN_EMAILS names the address (the CLI says so when revoking cannot take it away). */
export function listedInEnvironment(email: string): boolean {
  return getServerConfig().superAdminEmails.includes(email.trim().toLowerCase());
}
