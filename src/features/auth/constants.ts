/** Cookie names better-auth uses with Keel's prefix ("__Secure-" is added over HTTPS in production). */
export const SESSION_COOKIE = 'keel.session_token';
export const TWO_FACTOR_COOKIE = 'keel.two_factor';

export function cookieName(base: string, secure: boolean) {
  return secure ? `__Secure-${base}` : base;
}

/** Areas only signed-in users can open (proxy.ts redirects early; each page checks with requireUser). */
export const SIGNED_IN_AREAS = ['/dashboard', '/settings', '/onboarding'];
