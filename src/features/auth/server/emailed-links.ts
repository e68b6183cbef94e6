import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gt, like, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { users, verifications } from './schema';

/**
 * Emailed links are keys to an account. better-auth keeps password-reset and
 * magic links in the `verifications` table ("reset-password:<token>" → the
 * user id; "magic-link:<hashed token>" → JSON naming the address) and uses
 * each up once. Keel also ends them together, so that no link outlives the
 * event that should end it:
 *
 * - a password change (by a reset link or in settings), "sign out every other
 *   session" and a confirmed email change end every link of the account;
 * - a magic link used ends the other magic links sent to that address;
 * - a new email change ends the earlier change links.
 *
 * Email-change links are signed tokens better-auth does not store, so one
 * could not be ended. Keel records a hash of each one it sends
 * ("email-change-link:<sha256>" → the user id), and the link endpoint accepts
 * only a recorded one, using the record up (link-handler.ts).
 */

const EMAIL_CHANGE_LINK = 'email-change-link:';

/** The note that an email change is waiting for its link (email-change.ts shows it on the account page). */
export const pendingEmailChangeIdentifier = (userId: string) => `pending-email-change:${userId}`;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Remembers an email-change link as it is emailed, so that it can be used once or ended. */
export async function recordEmailChangeLink(userId: string, token: string, expiresAt: Date) {
  await db
    .insert(verifications)
    .values({ id: crypto.randomUUID(), identifier: `${EMAIL_CHANGE_LINK}${hashOf(token)}`, value: userId, expiresAt });
}

/**
 * Uses an email-change link up: the id of the user it was sent for, or null when it is unknown, used, ended or expired.
 */
export async function consumeEmailChangeLink(token: string): Promise<string | null> {
  const [row] = await db
    .delete(verifications)
    .where(
      and(
        eq(verifications.identifier, `${EMAIL_CHANGE_LINK}${hashOf(token)}`),
        gt(verifications.expiresAt, new Date()),
      ),
    )
    .returning({ userId: verifications.value });
  return row?.userId ?? null;
}

/** Ends the email-change links sent for `userId` (a newer request replaces them). */
export async function revokeEmailChangeLinks(userId: string) {
  await db.delete(verifications).where(emailChangeLinksOf(userId));
}

/** Ends every emailed link into the account: password resets, magic links to its address, email changes. */
export async function revokeAccountLinks(userId: string) {
  await db
    .delete(verifications)
    .where(
      or(
        and(like(verifications.identifier, 'reset-password:%'), eq(verifications.value, userId)),
        emailChangeLinksOf(userId),
        magicLinksTo(sql`(select ${users.email} from ${users} where ${users.id} = ${userId})`),
      ),
    );
}

/** Ends the magic links sent to `email` (one of them was just used). */
export async function revokeMagicLinks(email: string) {
  await db.delete(verifications).where(magicLinksTo(email));
}

function emailChangeLinksOf(userId: string) {
  return or(
    and(like(verifications.identifier, `${EMAIL_CHANGE_LINK}%`), eq(verifications.value, userId)),
    eq(verifications.identifier, pendingEmailChangeIdentifier(userId)),
  )!;
}

function magicLinksTo(email: string | SQL): SQL {
  // The CASE keeps PostgreSQL from reading other kinds of value (not JSON) as JSON.
  return sql`(${verifications.identifier} like 'magic-link:%' and lower(case when ${verifications.identifier} like 'magic-link:%' then ${verifications.value}::jsonb ->> 'email' end) = lower(${email}))`;
}
