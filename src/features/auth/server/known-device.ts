import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { and, eq } from 'drizzle-orm';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { KNOWN_DEVICE_COOKIE, cookieName } from '../constants';
import { accounts } from './schema';

/**
 * "Known device" cookies: a browser that has signed in to an account before
 * is counted on its own when it signs in again, not under the limit of the
 * account's address — so strangers sending wrong passwords for an address
 * cannot lock its owner out (sign-in-throttle.ts; decision 0019).
 *
 * The cookie holds nothing secret and names no account: for each account the
 * browser signed in to (a few at most), a random device id, when it was issued
 * and an HMAC with APP_SECRET over those, the account's user id and its
 * current password hash. It is valid only for the account it was made for,
 * for a year from its last sign-in, and only until the password changes — so
 * taking an account back also takes back an intruder's allowance. It cannot be
 * forged without the secret, and the server stores nothing.
 */

/** A year: the owner should not have to sign in often for the browser to stay known. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** Accounts remembered per browser (the most recent sign-ins). */
const MAX_ACCOUNTS = 5;

export function knownDeviceCookieName() {
  return cookieName(KNOWN_DEVICE_COOKIE, getServerConfig().isProduction);
}

/**
 * What a device entry is signed for: the account, and its password hash ('' without a password), so that a
 * password change — by the owner taking the account back, say — ends every entry made before it.
 */
export interface DeviceAccount {
  userId: string;
  passwordHash: string;
}

/** The account as known-device entries are signed for it (its current password hash). */
export async function deviceAccountOf(userId: string): Promise<DeviceAccount> {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
    .limit(1);
  return { userId, passwordHash: row?.password ?? '' };
}

function signature(account: DeviceAccount, deviceId: string, issuedAt: string) {
  return createHmac('sha256', getServerConfig().appSecret)
    .update(`keel-known-device:${account.userId}:${deviceId}:${issuedAt}:${account.passwordHash}`)
    .digest('base64url');
}

function entries(cookie: string | undefined) {
  return (cookie ?? '').split('~').filter(Boolean).slice(0, MAX_ACCOUNTS);
}

/** The device id of `cookie`'s entry for `account` when its signature holds and it is under a year old, else null. */
export function knownDeviceFor(cookie: string | undefined, account: DeviceAccount, now = Date.now()): string | null {
  for (const entry of entries(cookie)) {
    const [deviceId = '', issuedAt = '', given = ''] = entry.split('.');
    const issued = Number(issuedAt);
    if (!deviceId || !/^\d+$/.test(issuedAt) || now / 1000 - issued > MAX_AGE_SECONDS || issued - now / 1000 > 60)
      continue;
    const expected = Buffer.from(signature(account, deviceId, issuedAt));
    if (Buffer.byteLength(given) === expected.length && timingSafeEqual(Buffer.from(given), expected)) return deviceId;
  }
  return null;
}

/**
 * The cookie after a sign-in to `account`: its entry first (same id when already known, issued anew), then the others.
 */
export function rememberDevice(cookie: string | undefined, account: DeviceAccount, now = Date.now()): string {
  const deviceId = knownDeviceFor(cookie, account, now) ?? randomBytes(16).toString('base64url');
  const issuedAt = String(Math.floor(now / 1000));
  const mine = `${deviceId}.${issuedAt}.${signature(account, deviceId, issuedAt)}`;
  return [mine, ...entries(cookie).filter((entry) => !entry.startsWith(`${deviceId}.`))]
    .slice(0, MAX_ACCOUNTS)
    .join('~');
}

/**
 * Marks the browser as known to the account whenever better-auth starts a
 * session for it — after a password, a code, a magic link or an OAuth
 * provider — but not at a pending second factor (no session yet). Listed
 * after the plugins that hold a session back for the second factor.
 */
export function knownDevices(): BetterAuthPlugin {
  return {
    id: 'keel-known-devices',
    hooks: {
      after: [
        {
          matcher: () => true,
          handler: createAuthMiddleware(async (ctx) => {
            const userId = (ctx.context.newSession as { user?: { id?: string } } | null)?.user?.id;
            if (!userId) return;
            const cookie = ctx.context.createAuthCookie('known_device', { maxAge: MAX_AGE_SECONDS });
            ctx.setCookie(
              cookie.name,
              rememberDevice(ctx.getCookie(cookie.name) ?? undefined, await deviceAccountOf(userId)),
              cookie.attributes,
            );
          }),
        },
      ],
    },
  };
}
