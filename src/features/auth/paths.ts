import { safeRedirectPath } from './redirect';

/** The account pages besides sign-in and sign-up (those two are in appConfig.paths). */
export const AUTH_PAGES = {
  forgotPassword: '/auth/forgot-password',
  resetPassword: '/auth/reset-password',
  verifyEmail: '/auth/verify-email',
  verified: '/auth/verified',
  confirmEmail: '/auth/confirm-email',
  magicLink: '/auth/magic-link',
  twoFactor: '/auth/two-factor',
  error: '/auth/error',
  onboarding: '/onboarding',
} as const;

type QueryValues = Record<string, string | null | undefined>;

/**
 * A link to an account page that keeps the visitor's destination: `next` is
 * added only when it is a safe path on this site (anything else is dropped),
 * other values only when set.
 *
 *   authHref('/auth/sign-up', { next: '/settings' })  →  '/auth/sign-up?next=%2Fsettings'
 */
export function authHref(path: string, { next, ...values }: QueryValues & { next?: string | null } = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
  const target = safeRedirectPath(next, '');
  if (target) query.set('next', target);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Where a signed-in user belongs: onboarding until they have finished it
 * (keeping `next` for afterwards), then `next` when it is safe, else the
 * dashboard. Used when a signed-in user opens a signed-out page (sign in, sign
 * up) and by onboarding itself.
 */
export function landingPath(user: { onboardedAt: Date | null }, next?: string | null, fallback = '/dashboard'): string {
  const target = safeRedirectPath(next, '');
  // Never back to onboarding or a signed-out page: that would only bounce here again.
  const useful = target && !/^\/(onboarding|auth)(\/|\?|#|$)/.test(target) ? target : '';
  if (!user.onboardedAt) return authHref(AUTH_PAGES.onboarding, { next: useful });
  return useful || fallback;
}

/** The page that asks a new account to confirm its address (and offers to send the link again). */
export function verifyEmailPath(email: string, next?: string) {
  const params = new URLSearchParams({ email });
  const target = safeRedirectPath(next, '');
  if (target) params.set('next', target);
  return `/auth/verify-email?${params}`;
}

/** Where the email verification link lands: a confirmation page that continues to onboarding (or `next`). */
export function verifiedCallback(next?: string) {
  return `/auth/verified?next=${encodeURIComponent(safeRedirectPath(next, '/onboarding'))}`;
}

/** The first value of a search parameter (`?a=1&a=2` gives "1"), or undefined. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
