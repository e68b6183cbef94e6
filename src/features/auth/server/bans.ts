import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { users } from './schema';

/**
 * Bans are set by super admins (src/features/admin, decision 0057) and enforced here, where sessions are made and
 * read: no session is created for a banned user, and none is honoured while the ban lasts.
 */

/** The refusal's code, mapped to a translated message in auth-call.ts. */
export const USER_BANNED = 'USER_BANNED';

/** Whether a ban set at `bannedAt` still holds (`expiresAt` null: until lifted). */
export function isBanInForce(bannedAt: Date | null | undefined, expiresAt: Date | null | undefined, now = new Date()) {
  return Boolean(bannedAt) && (!expiresAt || expiresAt > now);
}

export async function isBannedUser(userId: string): Promise<boolean> {
  const [user] = await db
    .select({ bannedAt: users.bannedAt, banExpiresAt: users.banExpiresAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return Boolean(user) && isBanInForce(user!.bannedAt, user!.banExpiresAt);
}
