/**
 * CSRF protection: a signed token bound to the visitor.
 *
 * Each visitor gets a random, HttpOnly "CSRF session" cookie (set by proxy.ts
 * on their first request). A token is `v1.<issued-at>.<nonce>.<signature>`,
 * where the signature is an HMAC (APP_SECRET) over the cookie value, the
 * issue time and the nonce. A token stolen from another visitor does not
 * verify against your cookie, a forged one has no valid signature, and an old
 * one expires. Pages receive a token through `useCsrfToken()`; our form
 * component and fetch helper send it (`csrf_token` field / `X-CSRF-Token`).
 */

export const CSRF_FIELD = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_TOKEN_TTL_SECONDS = 60 * 60 * 24;
export const CSRF_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

/**
 * Paths whose state-changing requests are not CSRF-checked because another
 * server calls them and they verify a signature instead (billing webhooks).
 * Routes there must also say so with `csrf: { disabledBecause: … }`.
 */
export const CSRF_EXEMPT_PATH_PREFIXES = ['/api/billing/webhooks/'] as const;

/** `__Host-` cookies need HTTPS; local development runs on plain http. */
export function csrfCookieName(secure: boolean) {
  return secure ? '__Host-keel-csrf' : 'keel-csrf';
}

/**
 * Browsers say where a request comes from. A state-changing request must come
 * from our own origin: `Sec-Fetch-Site` must be same-origin (or none, for a
 * user-typed navigation), and `Origin`, when sent, must be one of ours.
 * Requests without either header (curl, server-to-server) still need a token.
 */
export function isSameOriginRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = headers.get('origin');
  if (origin && origin !== 'null') return allowedOrigins.includes(origin);
  if (origin === 'null') return false;
  return true;
}

export function isStateChangingMethod(method: string) {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
