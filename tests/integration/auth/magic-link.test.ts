import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestMagicLink, verifyMagicLink } from '@/features/auth/server/magic-link-actions';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { signUp } from '@/features/auth/server/sign-up-actions';
import { users, verifications } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { db } from '@/platform/db/client';
import { errorText, subjectOf } from '../../support/messages';
import { TEST_PASSWORD, createVerifiedUser } from '../../support/users';
import { Visitor, lastEmailTo, uniqueEmail, type Outcome } from '../../support/visitor';

/** Asks for a link as a signed-out visitor; returns the emailed page's token and `next`. */
async function requestLink(email: string, next?: string) {
  expect(await new Visitor().run(requestMagicLink, { email, next })).toEqual({ ok: true, data: { email } });
  const message = await lastEmailTo(email);
  expect(message?.subject).toBe(subjectOf('magicLink'));
  const link = new URL(message!.link!);
  // The link opens our page (a button there signs in), never better-auth's endpoint directly.
  expect(link.pathname).toBe('/auth/magic-link');
  return { token: link.searchParams.get('token')!, next: link.searchParams.get('next') ?? undefined };
}

function refusal<R>(outcome: Outcome<R>) {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

describe('signing in with an emailed link', () => {
  it('creates a confirmed account for a new address and sends it to onboarding, keeping `next` for afterwards', async () => {
    const email = uniqueEmail('newcomer');
    const { token, next } = await requestLink(email, '/join?token=abc');
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

    const visitor = new Visitor();
    expect(await visitor.run(verifyMagicLink, { token, next })).toEqual({
      redirect: '/onboarding?next=%2Fjoin%3Ftoken%3Dabc',
    });
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user).toMatchObject({ email, emailVerified: true, onboardedAt: null });
  });

  it('signs in an existing user and goes to `next`, or the dashboard when `next` leads elsewhere', async () => {
    const user = await createVerifiedUser();
    const first = await requestLink(user.email, '/settings/security');
    expect(first.next).toBe('/settings/security');
    const visitor = new Visitor();
    expect(await visitor.run(verifyMagicLink, first)).toEqual({ redirect: '/settings/security' });
    expect((await getSessionFromHeaders(visitor.headers()))?.user.id).toBe(user.id);

    const second = await requestLink(user.email, '//evil.com');
    expect(await new Visitor().run(verifyMagicLink, { token: second.token, next: '//evil.com' })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('confirms an address that signed up with a password and removes that unproven password', async () => {
    // Someone registered this address with a password, but never confirmed it.
    const email = uniqueEmail('claimed');
    await new Visitor().run(signUp, { email, password: TEST_PASSWORD });
    const { token } = await requestLink(email);

    const owner = new Visitor();
    expect(await owner.run(verifyMagicLink, { token })).toEqual({ redirect: '/onboarding' });
    expect((await getSessionFromHeaders(owner.headers()))?.user.emailVerified).toBe(true);
    // The password chosen by whoever registered first no longer opens the account.
    expect(await new Visitor().run(signIn, { email, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('answers the same whether or not the address has an account', async () => {
    const user = await createVerifiedUser();
    for (const email of [user.email, uniqueEmail()]) {
      const started = performance.now();
      expect(await new Visitor().run(requestMagicLink, { email })).toEqual({ ok: true, data: { email } });
      expect(performance.now() - started).toBeGreaterThanOrEqual(595);
    }
  });
});

describe('links that no longer work', () => {
  it('refuses a used link with the translated "invalid link" message', async () => {
    const user = await createVerifiedUser();
    const { token } = await requestLink(user.email);
    expect(await new Visitor().run(verifyMagicLink, { token })).toEqual({ redirect: '/dashboard' });

    const again = new Visitor({ locale: 'es' });
    const outcome = refusal(await again.run(verifyMagicLink, { token }));
    expect(outcome).toMatchObject({ code: 'BAD_REQUEST', status: 400, message: errorText('es', 'auth.invalidLink') });
    expect(await getSessionFromHeaders(again.headers())).toBeNull();
  });

  it('refuses an expired link and a made-up one', async () => {
    const user = await createVerifiedUser();
    const { token } = await requestLink(user.email);
    await db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verifications.identifier, 'magic-link:%'));

    for (const candidate of [token, 'made-up-token']) {
      const visitor = new Visitor();
      expect(refusal(await visitor.run(verifyMagicLink, { token: candidate }))).toMatchObject({
        code: 'BAD_REQUEST',
        message: errorText('en', 'auth.invalidLink'),
      });
      expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    }
  });
});
