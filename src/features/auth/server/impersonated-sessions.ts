import 'server-only';
import { constantTimeEqual, generateRandomString, makeSignature } from 'better-auth/crypto';
import { and, eq, gt } from 'drizzle-orm';
import { getServerConfig } from '@/platform/config/server-config';
import type { Transaction } from '@/platform/db/client';
import type { CookieOptions, CookieReader } from '@/platform/http/request-context';
import { SESSION_COOKIE, cookieName } from '../constants';
import { sessions } from './schema';

/**
 * Sessions a super admin opens as another user (impersonation: src/features/admin, decision 0064). The session is
 * a row of `sessions` like any other — better-auth reads it, the sessions list shows it — marked with the admin in
 * `impersonated_by`, expiring an hour after it opened (a trigger keeps better-auth's sliding refresh from moving
 * that). The admin's own session is kept, its token in a signed, HttpOnly cookie of its own, and handed back on stop.
 */

/** How long an impersonated session lasts: never extended; after it the admin signs in again. */
export const IMPERSONATION_SECONDS = 60 * 60;

/** Holds the admin's own session token while they impersonate someone (signed like the session cookie). */
const IMPERSONATOR_COOKIE = 'keel.impersonator_session';

/** A cookie for the action to set once the transaction has committed. */
export interface CookieToSet {
  name: string;
  value: string;
  options: CookieOptions;
}

function secure() {
  return getServerConfig().isProduction;
}

/** Signed as better-auth signs its cookies, with its own function: `<value>.<HMAC-SHA256 with APP_SECRET>`. */
async function signed(value: string): Promise<string> {
  return `${value}.${await makeSignature(value, getServerConfig().appSecret)}`;
}

/** The value of a signed cookie whose signature holds, else null. */
async function unsigned(cookie: string | undefined): Promise<string | null> {
  const dot = cookie?.lastIndexOf('.') ?? -1;
  if (!cookie || dot < 1) return null;
  const value = cookie.slice(0, dot);
  return constantTimeEqual(cookie, await signed(value)) ? value : null;
}

/** The session cookie as better-auth sets it (HttpOnly, SameSite=Lax, Secure in production), for `maxAge` seconds. */
async function cookie(base: string, value: string, maxAge: number): Promise<CookieToSet> {
  return {
    name: cookieName(base, secure()),
    value: maxAge > 0 ? await signed(value) : '',
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(), maxAge: Math.max(0, maxAge) },
  };
}

/**
 * Opens a session for `userId` on behalf of the super admin signed in as `impersonator.sessionId`, in `tx` (the
 * caller records the audit row in it). Returns the cookies that switch the browser to it, keeping the admin's session
 * token aside: set them after the transaction commits.
 */
export async function openImpersonatedSession(
  tx: Transaction,
  input: {
    userId: string;
    impersonator: { userId: string; sessionId: string };
    ipAddress: string | null;
    userAgent: string | null;
  },
): Promise<{ sessionId: string; expiresAt: Date; cookies: CookieToSet[] }> {
  const [own] = await tx
    .select({ token: sessions.token })
    .from(sessions)
    .where(and(eq(sessions.id, input.impersonator.sessionId), eq(sessions.userId, input.impersonator.userId)))
    .limit(1);
  if (!own) throw new Error('openImpersonatedSession: the super admin’s own session is gone');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + IMPERSONATION_SECONDS * 1000);
  // As better-auth makes them (its generateId(32)), and an id as auth.ts has it make them.
  const token = generateRandomString(32, 'a-z', 'A-Z', '0-9');
  const [session] = await tx
    .insert(sessions)
    .values({
      id: crypto.randomUUID(),
      token,
      userId: input.userId,
      impersonatedBy: input.impersonator.userId,
      expiresAt,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: sessions.id });
  return {
    sessionId: session!.id,
    expiresAt,
    cookies: [
      await cookie(SESSION_COOKIE, token, IMPERSONATION_SECONDS),
      // Gone with the impersonated session: after the hour there is nothing to go back to but the sign-in page.
      await cookie(IMPERSONATOR_COOKIE, own.token, IMPERSONATION_SECONDS),
    ],
  };
}

/**
 * Ends the impersonated session `sessionId` in `tx` (the caller records the audit row in it) and returns the
 * cookies that give the browser back the super admin's own session — when the kept token is theirs, signed by us
 * and its session still valid; else the cookies sign the browser out (`restored: false`).
 */
export async function closeImpersonatedSession(
  tx: Transaction,
  input: { sessionId: string; impersonatorUserId: string; cookies: CookieReader },
): Promise<{ restored: boolean; cookies: CookieToSet[] }> {
  await tx.delete(sessions).where(eq(sessions.id, input.sessionId));
  const token = await unsigned(input.cookies.get(cookieName(IMPERSONATOR_COOKIE, secure())));
  const own = token ? await liveSessionOf(tx, token, input.impersonatorUserId) : null;
  const forget = await cookie(IMPERSONATOR_COOKIE, '', 0);
  if (!token || !own) return { restored: false, cookies: [await cookie(SESSION_COOKIE, '', 0), forget] };
  const seconds = Math.floor((own.expiresAt.getTime() - Date.now()) / 1000);
  return { restored: true, cookies: [await cookie(SESSION_COOKIE, token, seconds), forget] };
}

/** The session of `userId` with this token, if it has not expired. */
async function liveSessionOf(tx: Transaction, token: string, userId: string): Promise<{ expiresAt: Date } | null> {
  const [row] = await tx
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.token, token), eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}
