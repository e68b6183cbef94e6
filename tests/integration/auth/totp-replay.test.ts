import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestMagicLink, verifyMagicLink } from '@/features/auth/server/magic-link-actions';
import { signIn, verifyRecoveryCode, verifyTwoFactorCode } from '@/features/auth/server/sign-in-actions';
import { twoFactors } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  startTwoFactorSetup,
} from '@/features/auth/server/two-factor-actions';
import { db } from '@/platform/db/client';
import { errorText } from '../../support/messages';
import { nextTotpCode, secretFrom, totpCode } from '../../support/totp';
import {
  createPasswordlessUser,
  createVerifiedUser,
  enableAuthenticator,
  signInWithMagicLink,
  type TestUser,
} from '../../support/users';
import { Visitor, lastEmailTo, type Outcome } from '../../support/visitor';

/**
 * A code from an authenticator app is good for one use: whoever reads it over
 * the user's shoulder, or from a phishing page, cannot sign in with it again
 * while it is still current. Keel remembers the last time step each account
 * used and accepts only later ones, in one atomic update.
 */

/** Signs in with the password from a new browser; returns it at the code prompt. */
async function atCodePrompt(user: TestUser) {
  const visitor = new Visitor();
  expect(await visitor.run(signIn, { email: user.email, password: user.password })).toEqual({
    redirect: '/auth/two-factor?next=%2Fdashboard',
  });
  return visitor;
}

function expectUsedCode<R>(outcome: Outcome<R>) {
  expect(outcome).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', fieldErrors: { code: [errorText('en', 'auth.codeAlreadyUsed')] } },
  });
}

const signedIn = async (visitor: Visitor) => Boolean(await getSessionFromHeaders(visitor.headers()));

// Several password hashes at once on a busy two-core runner, and a wait for the clock when a test needs a third code.
const ROOMY = { timeout: 90_000 };

describe.concurrent('an authenticator code', ROOMY, () => {
  it('signs in once: the same code in another browser is refused, even in a fresh sign-in', async () => {
    const user = await createVerifiedUser();
    const { secret } = await enableAuthenticator(user);
    const code = await nextTotpCode(secret);

    const owner = await atCodePrompt(user);
    expect(await owner.run(verifyTwoFactorCode, { code })).toEqual({ redirect: '/dashboard' });

    const onlooker = await atCodePrompt(user);
    expectUsedCode(await onlooker.run(verifyTwoFactorCode, { code }));
    expect(await signedIn(onlooker)).toBe(false);
    // The next code works.
    const later = await atCodePrompt(user);
    expect(await later.run(verifyTwoFactorCode, { code: await nextTotpCode(secret) })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('is accepted exactly once when two sign-ins send it at the same moment', async () => {
    const user = await createVerifiedUser();
    const { secret } = await enableAuthenticator(user);
    const code = await nextTotpCode(secret);
    const browsers = await Promise.all(Array.from({ length: 4 }, () => atCodePrompt(user)));

    const outcomes = await Promise.all(browsers.map((browser) => browser.run(verifyTwoFactorCode, { code })));
    expect(outcomes.filter((outcome) => 'redirect' in outcome)).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => !('redirect' in outcome))) expectUsedCode(outcome);
    expect((await Promise.all(browsers.map(signedIn))).filter(Boolean)).toHaveLength(1);
  });

  it('is not accepted once a later code was used (an older one cannot come back)', async () => {
    const user = await createVerifiedUser();
    const { secret } = await enableAuthenticator(user);
    // enableAuthenticator used the current step; the app's next code (the server allows one step of drift) signs in…
    const owner = await atCodePrompt(user);
    expect(await owner.run(verifyTwoFactorCode, { code: await nextTotpCode(secret) })).toEqual({
      redirect: '/dashboard',
    });
    // …after which the current one, used or not, is too old.
    expectUsedCode(await (await atCodePrompt(user)).run(verifyTwoFactorCode, { code: totpCode(secret) }));
  });

  it('that confirmed the set-up cannot sign in', async () => {
    const user = await createVerifiedUser();
    const started = await user.visitor.run<{ manualKey: string }>(startTwoFactorSetup, { password: user.password });
    if (!('ok' in started) || !started.ok) throw new Error(`setup refused: ${JSON.stringify(started)}`);
    const secret = secretFrom(started.data.manualKey);
    const code = await nextTotpCode(secret);
    expect(await user.visitor.run(confirmTwoFactorSetup, { code })).toMatchObject({ ok: true });

    expectUsedCode(await (await atCodePrompt(user)).run(verifyTwoFactorCode, { code }));
  });

  it('that signed in cannot be used again to confirm who is there (turning two-factor off without a password)', async () => {
    const { user, visitor, code } = await signedInWithCode();
    // Turning two-factor off asks a user without a password for a current code: not that one again.
    expectUsedCode(await visitor.run(disableTwoFactor, { code }));
    expect((await getSessionFromHeaders(visitor.headers()))?.user.id).toBe(user.id);
    expect((await getSessionFromHeaders(visitor.headers()))?.user.twoFactorEnabled).toBe(true);
  });

  it('cannot be used again to confirm who is there while codes are locked for sign-in (the lock does not cover a signed-in session)', async () => {
    const { user, visitor, code } = await signedInWithCode();
    // Too many wrong codes at sign-in locked the authenticator for a while.
    await db
      .update(twoFactors)
      .set({ lockedUntil: new Date(Date.now() + 15 * 60 * 1000) })
      .where(eq(twoFactors.userId, user.id));

    expectUsedCode(await visitor.run(disableTwoFactor, { code }));
    expect((await getSessionFromHeaders(visitor.headers()))?.user.twoFactorEnabled).toBe(true);
  });
});

/**
 * A passwordless user with an authenticator, signed in on a second browser with a code: that browser and the code it
 * used.
 */
async function signedInWithCode() {
  const user = await createPasswordlessUser();
  const settingUp = await signInWithMagicLink(user);
  const started = await settingUp.run<{ manualKey: string }>(startTwoFactorSetup, {});
  if (!('ok' in started) || !started.ok) throw new Error(`setup refused: ${JSON.stringify(started)}`);
  const secret = secretFrom(started.data.manualKey);
  expect(await settingUp.run(confirmTwoFactorSetup, { code: await nextTotpCode(secret) })).toMatchObject({ ok: true });

  // Another browser signs in: the emailed link, then a code.
  const visitor = new Visitor();
  await visitor.run(requestMagicLink, { email: user.email });
  const token = new URL((await lastEmailTo(user.email))!.link!).searchParams.get('token')!;
  expect(await visitor.run(verifyMagicLink, { token })).toEqual({ redirect: '/auth/two-factor?next=%2Fdashboard' });
  const code = await nextTotpCode(secret);
  expect(await visitor.run(verifyTwoFactorCode, { code })).toEqual({ redirect: '/dashboard' });
  return { user, visitor, code };
}

describe.concurrent('a recovery code', ROOMY, () => {
  it('is accepted exactly once when two sign-ins send it at the same moment', async () => {
    const user = await createVerifiedUser();
    const { recoveryCodes } = await enableAuthenticator(user);
    const browsers = await Promise.all(Array.from({ length: 3 }, () => atCodePrompt(user)));

    const outcomes = await Promise.all(
      browsers.map((browser) => browser.run(verifyRecoveryCode, { code: recoveryCodes[0]! })),
    );
    expect(outcomes.filter((outcome) => 'redirect' in outcome)).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => !('redirect' in outcome))) {
      expect(outcome).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fieldErrors: { code: [errorText('en', 'auth.invalidRecoveryCode')] } },
      });
    }
    expect((await Promise.all(browsers.map(signedIn))).filter(Boolean)).toHaveLength(1);
  });
});
