import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { EMAIL_VERIFICATION_HOURS } from './auth';
import { pendingEmailChangeIdentifier as identifierOf } from './emailed-links';
import { verifications } from './schema';

/**
 * A note that an email change is waiting for its confirmation link, so the
 * account page can say so. The link itself (better-auth's signed token)
 * carries the change; this row only remembers what was asked and until when
 * (emailed-links.ts records the link itself, and ends both together).
 */

export async function recordPendingEmailChange(userId: string, newEmail: string) {
  await db.transaction(async (tx) => {
    await tx.delete(verifications).where(eq(verifications.identifier, identifierOf(userId)));
    await tx.insert(verifications).values({
      id: crypto.randomUUID(),
      identifier: identifierOf(userId),
      value: newEmail,
      expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_HOURS * 60 * 60 * 1000),
    });
  });
}

/** The address the user asked to change to, while its link is still valid and the change has not happened. */
export async function pendingEmailChange(
  userId: string,
  currentEmail: string,
): Promise<{ email: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ email: verifications.value, expiresAt: verifications.expiresAt })
    .from(verifications)
    .where(and(eq(verifications.identifier, identifierOf(userId)), gt(verifications.expiresAt, new Date())))
    .orderBy(desc(verifications.createdAt))
    .limit(1);
  if (!row || row.email === currentEmail.toLowerCase()) return null;
  return row;
}
