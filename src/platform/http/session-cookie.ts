/**
 * The session cookie's name (better-auth's, with Keel's "keel" prefix): the
 * proxy sends signed-out visitors away early by it and the per-session rate
 * limits count by it. The auth feature configures better-auth with the same
 * prefix (src/features/auth/server/auth.ts).
 */
export const SESSION_COOKIE = 'keel.session_token';

/** "__Secure-" is added over HTTPS in production. */
export function cookieName(base: string, secure: boolean) {
  return secure ? `__Secure-${base}` : base;
}
