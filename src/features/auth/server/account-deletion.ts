import 'server-only';
import { TransactionRollbackError, sql } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';

/**
 * Users without a password confirm a deletion by having signed in recently:
 * someone who finds a session left open long ago cannot delete the account.
 */
export const RECENT_SIGN_IN_MINUTES = 10;

export function signedInRecently(sessionCreatedAt: Date, now = new Date()) {
  return now.getTime() - sessionCreatedAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60 * 1000;
}

/** Database refusals (by constraint name) that mean "not now", with the message for the user and for operators. */
const DELETION_RULES: Record<string, { self: string; operator: string }> = {
  // drizzle/0005_organization_rls.sql: the last owner of an organization that has other members.
  organization_keeps_an_owner: { self: 'auth.soleOwner', operator: 'admin.soleOwner' },
};

/**
 * Throws when deleting the account now would harm others. Other features
 * state their rules in the database (triggers and constraints on the rows
 * that go with the user), so the account feature needs to know none of them:
 * it rehearses the deletion in a transaction it always rolls back, and turns
 * a refusal into a translated message (to the user, or to an operator deleting it). Today's rule: the last owner of an
 * organization with other members must first transfer ownership or delete it.
 */
export async function assertCanDeleteAccount(userId: string, by: 'self' | 'operator' = 'self'): Promise<void> {
  const rehearsal = db.transaction(async (tx) => {
    await tx.execute(sql`delete from users where id = ${userId}`);
    tx.rollback();
  });
  try {
    await rehearsal;
  } catch (error) {
    const cause =
      (error as { cause?: { code?: string; constraint?: string } }).cause ??
      (error as { code?: string; constraint?: string });
    const messageKey = cause.code === '23514' && cause.constraint ? DELETION_RULES[cause.constraint]?.[by] : undefined;
    if (messageKey) throw new AppError('CONFLICT', { messageKey });
    if (error instanceof TransactionRollbackError) return;
    throw error;
  }
}
