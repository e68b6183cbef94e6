import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, ne, notExists } from 'drizzle-orm';
import { db, type Transaction } from '@/platform/db/client';
import type { RequestContext } from '@/platform/http/request-context';
import { AppError } from '@/platform/http/errors';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { applyPreferenceCookies } from './preferences';
import { accounts, users } from './schema';

/*
 * An account made from an emailed invitation (decision 0051). Whoever opened
 * the link reads the invited mailbox, as a confirmation link would prove: the
 * organizations feature confirms the address in the transaction that uses the
 * invitation (confirmInvitedAddress), so one emailed token confirms at most once.
 * Until then the account is an ordinary unconfirmed one (it cannot sign in).
 */

/**
 * Deletes the account of `email` if its address was never confirmed and it has
 * no other way in than a password: an unconfirmed account proves nothing, so a
 * new sign-up replaces it (decision 0014).
 */
export async function removeUnconfirmedAccount(email: string) {
  await db.delete(users).where(
    and(
      eq(users.email, email),
      eq(users.emailVerified, false),
      notExists(
        db
          .select()
          .from(accounts)
          .where(and(eq(accounts.userId, users.id), ne(accounts.providerId, 'credential'))),
      ),
    ),
  );
}

/**
 * A password account for `email`, named and onboarded, its address not yet
 * confirmed, and no email sent. Refused when a confirmed account (or one with
 * another way in) already has the address: its owner signs in to accept.
 */
export async function createInvitedAccount(input: { email: string; name: string; password: string }) {
  await removeUnconfirmedAccount(input.email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) throw new AppError('CONFLICT', { messageKey: 'auth.invitedAccountExists' });
  const auth = await getAuth().$context;
  const userId = auth.generateId({ model: 'user' }) || randomUUID();
  const password = await auth.password.hash(input.password);
  // What better-auth's email sign-up writes, in one transaction, without its confirmation email.
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, onboardedAt: new Date() });
      await tx.insert(accounts).values({
        id: auth.generateId({ model: 'account' }) || randomUUID(),
        userId,
        accountId: userId,
        providerId: 'credential',
        password,
      });
    });
  } catch (error) {
    // Someone made the account between the check and here (users' email is unique).
    const [raced] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (raced) throw new AppError('CONFLICT', { messageKey: 'auth.invitedAccountExists' });
    throw error;
  }
  return { id: userId, email: input.email, emailVerified: false };
}

/** Inside the transaction that uses the invitation: the new account's address counts as confirmed. */
export async function confirmInvitedAddress(tx: Transaction, user: { id: string; email: string }) {
  const confirmed = await tx
    .update(users)
    .set({ emailVerified: true, updatedAt: new Date() })
    .where(and(eq(users.id, user.id), eq(users.email, user.email), eq(users.emailVerified, false)))
    .returning({ id: users.id });
  if (confirmed.length !== 1) throw new AppError('CONFLICT', { messageKey: 'auth.invitedAccountExists' });
}

/** Undoes createInvitedAccount when the invitation could not be used (nothing was confirmed). */
export async function removeInvitedAccount(userId: string) {
  await db.delete(users).where(and(eq(users.id, userId), eq(users.emailVerified, false)));
}

/** Signs the new account in (it has no second factor yet) and applies its preferences. */
export async function signInInvitedAccount(context: RequestContext, input: { email: string; password: string }) {
  const result = await callAuth(context, (headers) =>
    getAuth().api.signInEmail({ body: { email: input.email, password: input.password }, headers, returnHeaders: true }),
  );
  await applyPreferenceCookies(context, 'user' in result ? result.user : undefined);
}
