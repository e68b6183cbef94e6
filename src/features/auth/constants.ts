import { cookieName, SESSION_COOKIE } from '@/platform/http/session-cookie';

/** Cookie names better-auth uses with Keel's prefix ("__Secure-" is added over HTTPS in production). */
export { cookieName, SESSION_COOKIE };
export const TWO_FACTOR_COOKIE = 'keel.two_factor';
/** A browser that signed in to an account before (see server/known-device.ts). */
export const KNOWN_DEVICE_COOKIE = 'keel.known_device';

/**
 * Not a credential: tells the prerendered public pages' header, in the browser, to offer "Dashboard"
 * rather than "Sign in" (they cannot ask the server). proxy.ts keeps it in step with the session cookie on
 * pages rendered per request; signing out clears it.
 */
export const SIGNED_IN_HINT_COOKIE = 'keel-signed-in';

/** Areas only signed-in users can open (proxy.ts redirects early; each page checks with requireUser). */
export const SIGNED_IN_AREAS = ['/dashboard', '/settings', '/onboarding'];

/**
 * Where the OAuth buttons' forms end up: the sign-in form posts to our action,
 * which redirects to the provider's authorization page. Browsers apply the CSP
 * `form-action` to that redirect, so these origins are allowed there.
 */
export function oauthAuthorizationOrigins(providers: readonly string[], oidcIssuerUrl: string | undefined): string[] {
  const origins: string[] = [];
  if (providers.includes('github')) origins.push('https://github.com');
  if (providers.includes('google')) origins.push('https://accounts.google.com');
  if (providers.includes('oidc') && oidcIssuerUrl && URL.canParse(oidcIssuerUrl))
    origins.push(new URL(oidcIssuerUrl).origin);
  return origins;
}
