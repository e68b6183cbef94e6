import { like } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

// The configuration is read when it is first imported: switch the providers on before that.
vi.hoisted(() => {
  process.env.NEXT_PUBLIC_AUTH_OAUTH_PROVIDERS = 'github,oidc';
  process.env.GITHUB_CLIENT_ID = 'keel-test-client';
  process.env.GITHUB_CLIENT_SECRET = 'keel-test-secret';
  // An OpenID provider that cannot be reached (nothing listens on port 9).
  process.env.OIDC_ISSUER_URL = 'http://127.0.0.1:9';
  process.env.OIDC_CLIENT_ID = 'keel-test-client';
  process.env.OIDC_CLIENT_SECRET = 'keel-test-secret';
});

const { signInWithProvider } = await import('@/features/auth/server/oauth-actions');
const { verifications } = await import('@/features/auth/server/schema');
const { db } = await import('@/platform/db/client');
const { Visitor } = await import('../../support/visitor');

/** What better-auth stored for the sign-in the provider will come back with (keyed by the state in its URL). */
async function storedState(providerUrl: string) {
  const state = new URL(providerUrl).searchParams.get('state');
  expect(state).toBeTruthy();
  const [row] = await db
    .select()
    .from(verifications)
    .where(like(verifications.value, `%"oauthState":"${state}"%`));
  return JSON.parse(row!.value) as { callbackURL: string; errorURL: string; newUserURL: string };
}

describe('signInWithProvider', () => {
  it('sends the browser to the provider, to come back to `next`, onboarding for a new account, or the error page', async () => {
    const visitor = new Visitor();
    const outcome = await visitor.run(signInWithProvider, { provider: 'github', next: '/dashboard?x=1' });
    expect(outcome).toMatchObject({
      redirect: expect.stringMatching(/^https:\/\/github\.com\/login\/oauth\/authorize\?/),
    });
    const url = new URL((outcome as { redirect: string }).redirect);
    expect(url.searchParams.get('client_id')).toBe('keel-test-client');
    expect(url.searchParams.get('redirect_uri')).toMatch(/\/api\/auth\/callback\/github$/);
    expect(await storedState(url.toString())).toMatchObject({
      callbackURL: '/dashboard?x=1',
      newUserURL: '/onboarding?next=%2Fdashboard%3Fx%3D1',
      errorURL: '/auth/error',
    });
    // The state is also bound to this browser by a cookie.
    expect([...visitor.cookies.keys()].some((name) => name.includes('state'))).toBe(true);
  });

  it('never sends a user to another site afterwards: an unsafe `next` becomes the dashboard', async () => {
    for (const next of ['//evil.com', 'https://evil.com/', '/\\evil.com', '%2F%2Fevil.com']) {
      const outcome = await new Visitor().run(signInWithProvider, { provider: 'github', next });
      const state = await storedState((outcome as { redirect: string }).redirect);
      expect({ next, callbackURL: state.callbackURL, newUserURL: state.newUserURL }).toEqual({
        next,
        callbackURL: '/dashboard',
        newUserURL: '/onboarding',
      });
    }
  });

  it('refuses a provider it does not know, and one that is not switched on', async () => {
    const visitor = new Visitor();
    const unknown = await visitor.run(signInWithProvider, { provider: 'facebook' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { provider: [expect.any(String)] } },
    });
    const off = await visitor.run(signInWithProvider, { provider: 'google' });
    expect(off).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers calmly when a configured provider cannot be used right now', async () => {
    const outcome = await new Visitor().run(signInWithProvider, { provider: 'oidc' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', status: 503 } });
  });
});
