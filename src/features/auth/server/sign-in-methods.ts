import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { accounts } from './schema';

export interface SignInMethod {
  /** "credential" (password), "github", "google", "oidc"… */
  providerId: string;
  linkedAt: Date;
}

/** The ways the user can sign in (besides magic links, which need no set-up), oldest first. */
export async function listSignInMethods(userId: string): Promise<SignInMethod[]> {
  const rows = await db
    .select({ providerId: accounts.providerId, linkedAt: accounts.createdAt, password: accounts.password })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .orderBy(asc(accounts.createdAt));
  // A credential account without a password hash cannot be used to sign in.
  return rows
    .filter((row) => row.providerId !== 'credential' || row.password)
    .map(({ providerId, linkedAt }) => ({ providerId, linkedAt }));
}

/** Whether the user has a password (users of magic links and OAuth may not). */
export async function hasPassword(userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential'), isNotNull(accounts.password)))
    .limit(1);
  return Boolean(row);
}
