import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestMagicLink, verifyMagicLink } from '@/features/auth/server/magic-link-actions';
import { signIn, verifyRecoveryCode, verifyTwoFactorCode } from '@/features/auth/server/sign-in-actions';
import { sessions } from '@/features/auth/server/schema';
import { changePassword } from '@/features/auth/server/password-actions';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { db } from '@/platform/db/client';
import { errorText } from '../../support/messages';
import { nextTotpCode, totpCode, wrongCode } from '../../support/totp';
import { createVerifiedUser, enableAuthenticator, type TestUser } from '../../support/users';
import { Visitor, lastEmailTo, type Outcome } from '../../support/visitor';

const TWO_FACTOR_COOKIE = 'keel.two_factor';

interface TwoFactorUser extends TestUser {
  secret: string;
  recoveryCodes: string[];
}

async function createTwoFactorUser(): Promise<TwoFactorUser> {
  const user = await createVerifiedUser();
  return { ...user, ...(await enableAuthenticator(user)) };
}

/** Signs in with the password from a new browser; returns it at the code prompt. */
async function startSignIn(user: TestUser, options: { locale?: 'en' | 'es'; next?: string } = {}) {
  const visitor = new Visitor({ locale: options.locale });
  const outcome = await visitor.run(signIn, { email: user.email, password: user.password, next: options.next });
  expect(outcome).toEqual({ redirect: `/auth/two-factor?next=${encodeURIComponent(options.next ?? '/dashboard')}` });
  return visitor;
}

function refusal<R>(outcome: Outcome<R>) {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function sessionTokens(userId: string) {
  return (await db.select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, userId))).map(
    (row) => row.token,
  );
}

// Each test has its own user and visitors (own addresses, own challenges): they run concurrently.
// Several password hashes at once on a busy two-core runner can pass the default 20 s: a roomier limit (not a speed
// check).
const CONCURRENT = { timeout: 60_000 };

describe.concurrent('signing in with an authenticator app', CONCURRENT, () => {
  it('asks for a code after the password, with no session until the code is right', async () => {
    const user = await createTwoFactorUser();
    const before = await sessionTokens(user.id);
    const visitor = await startSignIn(user, { locale: 'es', next: '/settings' });
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    expect(visitor.cookies.has('keel.session_token')).toBe(false);
    expect(visitor.received.get(TWO_FACTOR_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'lax' });
    expect(await sessionTokens(user.id)).toEqual(before);

    const wrong = refusal(await visitor.run(verifyTwoFactorCode, { code: wrongCode(user.secret), next: '/settings' }));
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { code: [errorText('es', 'auth.invalidCode')] } });
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();

    expect(
      await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret), next: '/settings' }),
    ).toEqual({ redirect: '/settings' });
    expect((await getSessionFromHeaders(visitor.headers()))?.user.id).toBe(user.id);
    expect(visitor.cookies.has(TWO_FACTOR_COOKIE)).toBe(false);
  });

  it('refuses a code without a pending sign-in', async () => {
    const user = await createTwoFactorUser();
    const outcome = refusal(await new Visitor().run(verifyTwoFactorCode, { code: totpCode(user.secret) }));
    expect(outcome).toMatchObject({ code: 'UNAUTHENTICATED', message: errorText('en', 'auth.twoFactorExpired') });
  });

  it('validates the code’s shape before anything else', async () => {
    const outcome = refusal(await new Visitor().run(verifyTwoFactorCode, { code: '12ab' }));
    expect(outcome.fieldErrors).toEqual({ code: [errorText('en', 'validation.totpCode')] });
  });

  it('skips the code on a device the user chose to trust', async () => {
    const user = await createTwoFactorUser();
    const visitor = await startSignIn(user);
    await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret), trustDevice: 'on' });
    expect(await visitor.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
    // Another browser still needs the code.
    await startSignIn(user);
  });

  it('forgets the trusted devices when the password changes: each asks for the code again', async () => {
    const user = await createTwoFactorUser();
    const visitor = await startSignIn(user);
    expect(
      await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret), trustDevice: 'on' }),
    ).toEqual({ redirect: '/dashboard' });
    expect(
      await visitor.run(changePassword, { currentPassword: user.password, newPassword: 'a brand new passphrase' }),
    ).toMatchObject({ ok: true });
    expect(await visitor.run(signIn, { email: user.email, password: 'a brand new passphrase' })).toEqual({
      redirect: '/auth/two-factor?next=%2Fdashboard',
    });
  });
});

describe.concurrent('recovery codes', CONCURRENT, () => {
  it('sign in once each', async () => {
    const user = await createTwoFactorUser();
    const [code] = user.recoveryCodes;

    const first = await startSignIn(user);
    expect(await first.run(verifyRecoveryCode, { code: code! })).toEqual({ redirect: '/dashboard' });
    expect((await getSessionFromHeaders(first.headers()))?.user.id).toBe(user.id);

    const second = await startSignIn(user, { locale: 'es' });
    const reused = refusal(await second.run(verifyRecoveryCode, { code: code! }));
    expect(reused).toMatchObject({ fieldErrors: { code: [errorText('es', 'auth.invalidRecoveryCode')] } });
    expect(await getSessionFromHeaders(second.headers())).toBeNull();
    // Another one of the ten still works.
    expect(await second.run(verifyRecoveryCode, { code: user.recoveryCodes[1]! })).toEqual({ redirect: '/dashboard' });
  });
});

describe.concurrent('guessing codes', CONCURRENT, () => {
  it('ends a sign-in after 5 wrong codes: even the right one is refused, and signing in again is needed', async () => {
    const user = await createTwoFactorUser();
    const visitor = await startSignIn(user);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        refusal(await visitor.run(verifyTwoFactorCode, { code: wrongCode(user.secret) })).code,
        `attempt ${attempt}`,
      ).toBe('BAD_REQUEST');
    }
    const blocked = refusal(await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret) }));
    expect(blocked).toMatchObject({ code: 'RATE_LIMITED', status: 429, message: errorText('en', 'auth.tooManyCodes') });
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();

    const again = await startSignIn(user);
    expect(await again.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret) })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('locks the account’s second factor after 10 wrong codes in a row, across sign-ins', async () => {
    const user = await createTwoFactorUser();
    for (let round = 0; round < 2; round += 1) {
      const visitor = await startSignIn(user);
      for (let attempt = 0; attempt < 5; attempt += 1)
        await visitor.run(verifyTwoFactorCode, { code: wrongCode(user.secret) });
    }
    const visitor = await startSignIn(user);
    const locked = refusal(await visitor.run(verifyTwoFactorCode, { code: totpCode(user.secret) }));
    expect(locked).toMatchObject({ code: 'RATE_LIMITED', message: errorText('en', 'auth.tooManyCodes') });
    expect(refusal(await visitor.run(verifyRecoveryCode, { code: user.recoveryCodes[0]! })).code).toBe('RATE_LIMITED');
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
  });

  it('limits each pending sign-in to 10 tries in 15 minutes, without touching other sign-ins', async () => {
    const user = await createTwoFactorUser();
    const attacker = await startSignIn(user);
    const challenge = attacker.cookies.get(TWO_FACTOR_COOKIE)!;
    const outcomes = [];
    for (let attempt = 1; attempt <= 11; attempt += 1) {
      // Keep replaying the challenge cookie even after better-auth expires it.
      attacker.cookies.set(TWO_FACTOR_COOKIE, challenge);
      outcomes.push(refusal(await attacker.run(verifyTwoFactorCode, { code: wrongCode(user.secret) })));
    }
    // better-auth ends the challenge after 5 wrong codes; our limit counts the replays that follow.
    expect(outcomes.slice(0, 10).map((outcome) => outcome.message)).toEqual([
      ...Array(5).fill(errorText('en', 'auth.invalidCode')),
      errorText('en', 'auth.tooManyCodes'),
      ...Array(4).fill(errorText('en', 'auth.twoFactorExpired')),
    ]);
    const last = outcomes[10]!;
    expect(last.code).toBe('RATE_LIMITED');
    expect(last.message).toMatch(/^Too many attempts\. Please try again in 1[45] minutes\.$/);

    // The owner's own sign-in (its own challenge) is not affected.
    const owner = await startSignIn(user);
    expect(await owner.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret) })).toEqual({
      redirect: '/dashboard',
    });
  });
});

describe('two-factor authentication after a passwordless sign-in', () => {
  it('a magic link leads to the code prompt, not into the account', async () => {
    const user = await createTwoFactorUser();
    const visitor = new Visitor();
    await visitor.run(requestMagicLink, { email: user.email, next: '/settings' });
    const token = new URL((await lastEmailTo(user.email))!.link!).searchParams.get('token')!;
    expect(await visitor.run(verifyMagicLink, { token, next: '/settings' })).toEqual({
      redirect: '/auth/two-factor?next=%2Fsettings',
    });
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    expect(await sessionTokens(user.id)).toHaveLength(1); // only the session of the set-up

    expect(
      await visitor.run(verifyTwoFactorCode, { code: await nextTotpCode(user.secret), next: '/settings' }),
    ).toEqual({ redirect: '/settings' });
    expect((await getSessionFromHeaders(visitor.headers()))?.user.email).toBe(user.email);
  });
});
