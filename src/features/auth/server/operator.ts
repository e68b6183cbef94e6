import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { appConfig } from '@/platform/config/app-config';
import { db, type Transaction } from '@/platform/db/client';
import { isLocale } from '@/platform/i18n/locale';
import { runBeforeAccountDeleted } from '@/platform/hooks/account-lifecycle';
import { verifiedCallback } from '../paths';
import { assertCanDeleteAccount } from './account-deletion';
import { getAuth } from './auth';
import { sendAccountEmail } from './emails';
import { deleteAvatarFile } from './profile';
import { sessions, twoFactors, users } from './schema';

/**
 * What the operators' area (src/features/admin) does to someone else's account, under the rules of the user's own
 * actions. Each takes the caller's audit write and runs it in the transaction of the change.
 */
type AuditWrite = (tx: Transaction) => Promise<void>;

/** Sends the sign-up confirmation link again (the first expired or went to spam). False: already confirmed. */
export async function sendConfirmationAgain(userId: string, audit: AuditWrite): Promise<boolean> {
  const [user] = await db
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user || user.verified) return false;
  await getAuth().api.sendVerificationEmail({ body: { email: user.email, callbackURL: verifiedCallback() } });
  await db.transaction(audit);
  return true;
}

/**
 * Turns two-factor authentication off for a user who lost their authenticator and their recovery codes: the
 * secret and codes go, the flag is cleared, and the user is told by email. False: it was not on.
 */
export async function resetTwoFactorOf(userId: string, audit: AuditWrite): Promise<boolean> {
  const reset = await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ twoFactorEnabled: false, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.twoFactorEnabled, true)))
      .returning({ email: users.email, locale: users.locale });
    const [user] = updated;
    if (!user) return null;
    await tx.delete(twoFactors).where(eq(twoFactors.userId, userId));
    await audit(tx);
    return user;
  });
  if (!reset) return false;
  // In the user's language (their preference, else the site's), not the operator's.
  const locale = isLocale(reset.locale) ? reset.locale : appConfig.locales.default;
  await sendAccountEmail('twoFactorReset', reset.email, locale, { url: appConfig.site.url });
  return true;
}

/**
 * Deletes an account for good, with the rules of self-deletion: refused while the user is the only owner of an
 * organization with other members; other features' hooks act first (solo organizations and their subscriptions).
 */
export async function deleteAccountOf(userId: string, audit: AuditWrite): Promise<boolean> {
  const [user] = await db.select({ image: users.image }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return false;
  await assertCanDeleteAccount(userId, 'operator');
  await runBeforeAccountDeleted(userId);
  await db.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.id, userId));
    await audit(tx);
  });
  await deleteAvatarFile(user.image);
  return true;
}

/**
 * Signs out every session of the user that began before `before`: turning two-factor authentication on ends the
 * sessions opened without it, so that every session of a user with two-factor on has passed it.
 */
export async function endSessionsOpenedBefore(userId: string, before: Date): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.createdAt, before)))
    .returning({ id: sessions.id });
  return removed.length;
}
