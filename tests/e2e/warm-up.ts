import { e2eBaseUrl } from '../../playwright.config';
import { SESSION_COOKIE, createAccount, sessionCookieValue } from './fixtures';

/**
 * Playwright's global setup (after the server answers /api/health, before the first test): opens each
 * kind of page once, signed out and signed in, so that no test pays for the server's first load of a
 * route. A production Next.js server loads a route's code on its first request; under CI's load that
 * cost several seconds per route, all charged to whichever test came first (the sign-up journey, which
 * opens eight pages, ran out of its 30 s that way). Nothing is checked here: the specs do that.
 */
export default async function warmUp() {
  const account = await createAccount();
  const cookie = `${SESSION_COOKIE}=${await sessionCookieValue(account)}`;
  const slug = account.organization.slug;
  const signedOut = [
    '/',
    '/contact',
    '/no-such-page',
    '/auth/sign-in',
    '/auth/sign-up',
    '/auth/forgot-password',
    '/auth/verify-email?email=warm-up%40example.com',
    '/auth/confirm-email?token=warm-up',
    '/auth/verified',
    '/auth/magic-link?token=warm-up',
    '/auth/reset-password?token=warm-up',
    '/auth/two-factor',
    '/auth/error?error=access_denied',
  ];
  const signedIn = [
    '/',
    '/dashboard',
    `/dashboard/${slug}`,
    `/dashboard/${slug}/members`,
    `/dashboard/${slug}/settings`,
    `/dashboard/${slug}/tasks`,
    `/dashboard/${slug}/tasks/new`,
    '/onboarding',
    '/onboarding/organization',
    `/onboarding/invite?organization=${slug}`,
    '/join?token=warm-up',
    '/settings/profile',
    '/settings/account',
    '/settings/security',
    '/settings/preferences',
  ];
  // One at a time: this is about loading code, and the server shares the machine with the browser.
  for (const path of signedOut) await open(path);
  for (const path of signedIn) await open(path, { cookie });
}

async function open(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, e2eBaseUrl), { headers, redirect: 'manual' });
  await response.arrayBuffer();
}
