import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { getServerConfig } from '@/platform/config/server-config';
import { KNOWN_DEVICE_COOKIE, cookieName } from '../constants';

/**
 * "Known device" cookies: a browser that has signed in to an account before
 * is counted on its own when it signs in again, not under the limit of the
 * account's address — so strangers sending wrong passwords for an address
 * cannot lock its owner out (sign-in-throttle.ts; decision 0019).
 *
 * The cookie holds nothing secret and names no account: for each account the
 * browser signed in to (a few at most), a random device id and an HMAC with
 * APP_SECRET over that id and the account's user id. It is valid only for
 * the account it was made for, cannot be forged without the secret, and the
 * server stores nothing.
 */

/** A year: the owner should not have to sign in often for the browser to stay known. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** Accounts remembered per browser (the most recent sign-ins). */
const MAX_ACCOUNTS = 5;

export function knownDeviceCookieName() {
  return cookieName(KNOWN_DEVICE_COOKIE, getServerConfig().isProduction);
}

function signature(userId: string, deviceId: string) {
  return createHmac('sha256', getServerConfig().appSecret).update(`keel-known-device:${userId}:${deviceId}`).digest('base64url');
}

function entries(cookie: string | undefined) {
  return (cookie ?? '').split('~').filter(Boolean).slice(0, MAX_ACCOUNTS);
}

/** The device id of `cookie`'s entry for `userId` when its signature holds, else null. */
export function knownDeviceFor(cookie: string | undefined, userId: string): string | null {
  for (const entry of entries(cookie)) {
    const [deviceId = '', given = ''] = entry.split('.');
    const expected = Buffer.from(signature(userId, deviceId));
    if (deviceId && Buffer.byteLength(given) === expected.length && timingSafeEqual(Buffer.from(given), expected)) return deviceId;
  }
  return null;
}

/** The cookie after a sign-in to `userId`: its entry first (same id when already known), then the others. */
export function rememberDevice(cookie: string | undefined, userId: string): string {
  const deviceId = knownDeviceFor(cookie, userId) ?? randomBytes(16).toString('base64url');
  const mine = `${deviceId}.${signature(userId, deviceId)}`;
  return [mine, ...entries(cookie).filter((entry) => !entry.startsWith(`${deviceId}.`))].slice(0, MAX_ACCOUNTS).join('~');
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
            ctx.setCookie(cookie.name, rememberDevice(ctx.getCookie(cookie.name) ?? undefined, userId), cookie.attributes);
          }),
        },
      ],
    },
  };
}
