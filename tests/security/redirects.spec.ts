import { expect, test } from '@playwright/test';
import { e2eBaseUrl } from '../../playwright.config';
import { createPerson } from '../e2e/fixtures';
import { Client, actionId } from './attacker';

/**
 * Open redirects: every return parameter a page or action takes — `next` on
 * the auth and onboarding pages and actions, better-auth's `callbackURL` and
 * `redirectTo` on its link endpoint — fed the usual escapes.
 */

const ESCAPES = [
  'https://evil.example/',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '%2F%2Fevil.example',
  '/%2F/evil.example',
  '/..//evil.example',
  '/\t/evil.example',
  'javascript:alert(document.domain)',
  'http:evil.example',
];

function staysHome(location: string | null | undefined) {
  if (!location) return true;
  // Where the browser goes: the location's origin (evil.example may appear in a query, as the value refused).
  return !/^\s*javascript:/i.test(location) && new URL(location, e2eBaseUrl).origin === new URL(e2eBaseUrl).origin;
}

const SIGN_IN = 'src/features/auth/server/sign-in-actions.ts';
const SIGN_UP = 'src/features/auth/server/sign-up-actions.ts';

test('open redirect: `next` on sign-in, sign-out and onboarding never leaves the site', async () => {
  const person = await createPerson();
  for (const next of ESCAPES) {
    const visitor = new Client();
    const signedIn = await visitor.action(actionId(`${SIGN_IN}#signIn`), {
      email: person.email,
      password: person.password,
      next,
    });
    expect(signedIn.redirect, `sign-in next=${next}`).toBeTruthy();
    expect(staysHome(signedIn.redirect), `sign-in next=${next} → ${signedIn.redirect}`).toBe(true);

    const onboarded = await visitor.action(actionId(`${SIGN_UP}#completeOnboarding`), { name: 'Ada', next });
    expect(staysHome(onboarded.redirect), `onboarding next=${next} → ${onboarded.redirect}`).toBe(true);

    const signedOut = await visitor.action(actionId(`${SIGN_IN}#signOut`), { next });
    expect(staysHome(signedOut.redirect), `sign-out next=${next} → ${signedOut.redirect}`).toBe(true);
  }
});

test('open redirect: pages taking `next`, `callbackURL` or `redirectTo` link and redirect only within the site', async () => {
  const signedIn = await Client.signedInAs(await createPerson());
  const pages = [
    '/auth/sign-in',
    '/auth/sign-up',
    '/auth/magic-link',
    '/auth/two-factor',
    '/auth/verified',
    '/auth/verify-email',
    '/auth/confirm-email',
    '/auth/forgot-password',
    '/onboarding',
    '/onboarding/organization',
    '/onboarding/invite',
    '/join',
  ];
  for (const next of ESCAPES) {
    const query = (name: string) => `${name}=${encodeURIComponent(next)}`;
    for (const page of pages) {
      // Signed-in visitors are sent on from the auth pages (redirectIfSignedIn): where to is the question there.
      for (const client of [
        new Client(),
        ...(page.startsWith('/auth/sign-') || page.startsWith('/onboarding') || page === '/join' ? [signedIn] : []),
      ]) {
        const response = await client.fetch(
          `${page}?${query('next')}&${query('callbackURL')}&${query('redirectTo')}&token=x`,
        );
        const label = `${page} next=${next} → ${response.status}`;
        expect(staysHome(response.headers.get('location')), label).toBe(true);
        const html = await response.text();
        expect(html, label).not.toMatch(/(href|action)="(https?:)?\/\/evil|(href|action)="javascript:|url=\/\/evil/i);
      }
    }
    for (const link of ['/api/auth/verify-email', '/api/auth/callback/oidc', '/api/auth/oauth2/callback/oidc']) {
      const response = await new Client().fetch(
        `${link}?token=x&state=x&code=x&${query('callbackURL')}&${query('redirectTo')}`,
      );
      expect(
        staysHome(response.headers.get('location')),
        `${link} callbackURL=${next} → ${response.headers.get('location')}`,
      ).toBe(true);
    }
  }
});
