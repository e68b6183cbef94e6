import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn, verifyRecoveryCode, verifyTwoFactorCode } from '@/features/auth/server/sign-in-actions';
import { sessions, twoFactors, users } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
} from '@/features/auth/server/two-factor-actions';
import { getMfaStatus } from '@/features/auth/server/two-factor';
import { db } from '@/platform/db/client';
import {
  createPasswordUser,
  createPasswordlessUser,
  signInAs,
  signInWithMagicLink,
  type TestAccount,
} from '../../support/users';
import { nextTotpCode, secretFrom, totpCode, wrongCode } from '../../support/totp';
import { Visitor } from '../../support/visitor';

async function twoFactorColumns(userId: string) {
  const [user] = await db.select({ enabled: users.twoFactorEnabled }).from(users).where(eq(users.id, userId));
  const rows = await db.select().from(twoFactors).where(eq(twoFactors.userId, userId));
  return { enabled: user!.enabled, rows: rows.length };
}

/** Turns two-factor on through the settings actions; returns the secret and the recovery codes. */
async function enableTwoFactor(visitor: Visitor, password?: string) {
  const started = await visitor.run<{ qrCode: string; manualKey: string }>(
    startTwoFactorSetup,
    password ? { password } : {},
  );
  if (!('ok' in started) || !started.ok) throw new Error(`setup refused: ${JSON.stringify(started)}`);
  const secret = secretFrom(started.data.manualKey);
  const confirmed = await visitor.run<{ recoveryCodes: string[] }>(confirmTwoFactorSetup, {
    code: await nextTotpCode(secret),
  });
  if (!('ok' in confirmed) || !confirmed.ok) throw new Error(`confirmation refused: ${JSON.stringify(confirmed)}`);
  return { secret, recoveryCodes: confirmed.data.recoveryCodes, setup: started.data };
}

/** Signs in with the password; expects the two-factor step. */
async function startSignIn(user: TestAccount) {
  const visitor = new Visitor();
  expect(await visitor.run(signIn, { email: user.email, password: user.password! })).toEqual({
    redirect: '/auth/two-factor?next=%2Fdashboard',
  });
  expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
  return visitor;
}

describe('two-factor authentication for a user with a password', () => {
  it('is set up with the password and a code from the app, then asked for at sign-in', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);

    expect(await visitor.run(startTwoFactorSetup, {})).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: ['Enter your password to confirm.'] } },
    });
    expect(await visitor.run(startTwoFactorSetup, { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: ['That password is not right.'] } },
    });

    const started = await visitor.run<{ qrCode: string; manualKey: string }>(startTwoFactorSetup, {
      password: user.password,
    });
    if (!('ok' in started) || !started.ok) throw new Error('setup refused');
    // A QR code made on the server, as an SVG data URL (nothing loaded from elsewhere).
    expect(started.data.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.data.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');
    expect(started.data.manualKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    // Not in force until confirmed.
    expect((await twoFactorColumns(user.id)).enabled).toBe(false);

    const secret = secretFrom(started.data.manualKey);
    expect(await visitor.run(confirmTwoFactorSetup, { code: wrongCode(secret) })).toMatchObject({
      ok: false,
      error: { fieldErrors: { code: [expect.any(String)] } },
    });
    expect((await twoFactorColumns(user.id)).enabled).toBe(false);

    const confirmed = await visitor.run<{ recoveryCodes: string[] }>(confirmTwoFactorSetup, {
      code: await nextTotpCode(secret),
    });
    if (!('ok' in confirmed) || !confirmed.ok) throw new Error('confirmation refused');
    expect(confirmed.data.recoveryCodes).toHaveLength(10);
    expect(await twoFactorColumns(user.id)).toEqual({ enabled: true, rows: 1 });
    expect(await getMfaStatus(user.id)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    // The browser that turned it on stays signed in (better-auth gave it a new session).
    expect((await getSessionFromHeaders(visitor.headers()))?.user.twoFactorEnabled).toBe(true);
    // Confirming again is not a way to read the recovery codes.
    expect(await visitor.run(confirmTwoFactorSetup, { code: totpCode(secret) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // Signing in now needs the code.
    const other = await startSignIn(user);
    expect(await other.run(verifyTwoFactorCode, { code: await nextTotpCode(secret) })).toEqual({
      redirect: '/dashboard',
    });
    expect((await getSessionFromHeaders(other.headers()))?.user.id).toBe(user.id);
  });

  it('ends the sessions opened without it: every session of the user has then passed the second factor', async () => {
    const user = await createPasswordUser();
    const laptop = await signInAs(user);
    const phone = await signInAs(user);
    await enableTwoFactor(laptop, user.password);
    expect(await getSessionFromHeaders(laptop.headers())).not.toBeNull();
    expect(await getSessionFromHeaders(phone.headers())).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('lets each recovery code sign in once', async () => {
    const user = await createPasswordUser();
    const { recoveryCodes } = await enableTwoFactor(await signInAs(user), user.password!);

    const first = await startSignIn(user);
    expect(await first.run(verifyRecoveryCode, { code: recoveryCodes[0]! })).toEqual({ redirect: '/dashboard' });
    expect((await getSessionFromHeaders(first.headers()))?.user.id).toBe(user.id);
    expect(await getMfaStatus(user.id)).toEqual({ enabled: true, recoveryCodesLeft: 9 });

    const second = await startSignIn(user);
    expect(await second.run(verifyRecoveryCode, { code: recoveryCodes[0]! })).toMatchObject({
      ok: false,
      error: { fieldErrors: { code: [expect.any(String)] } },
    });
    expect(await getSessionFromHeaders(second.headers())).toBeNull();
  });

  it('makes new recovery codes with the password; the old ones stop working', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const { recoveryCodes: oldCodes } = await enableTwoFactor(visitor, user.password!);

    expect(await visitor.run(regenerateRecoveryCodes, {})).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: [expect.any(String)] } },
    });
    const outcome = await visitor.run<{ recoveryCodes: string[] }>(regenerateRecoveryCodes, {
      password: user.password,
    });
    if (!('ok' in outcome) || !outcome.ok) throw new Error('regeneration refused');
    const newCodes = outcome.data.recoveryCodes;
    expect(newCodes).toHaveLength(10);
    expect(newCodes).not.toContain(oldCodes[1]);

    expect(await (await startSignIn(user)).run(verifyRecoveryCode, { code: oldCodes[1]! })).toMatchObject({
      ok: false,
    });
    expect(await (await startSignIn(user)).run(verifyRecoveryCode, { code: newCodes[0]! })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('is turned off only with the right password', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const { secret } = await enableTwoFactor(visitor, user.password!);

    expect(await visitor.run(disableTwoFactor, { code: totpCode(secret) })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: [expect.any(String)] } },
    });
    expect(await visitor.run(disableTwoFactor, { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: ['That password is not right.'] } },
    });
    expect((await twoFactorColumns(user.id)).enabled).toBe(true);

    expect(await visitor.run(disableTwoFactor, { password: user.password })).toEqual({
      ok: true,
      data: { enabled: false },
    });
    expect(await twoFactorColumns(user.id)).toEqual({ enabled: false, rows: 0 });
    expect(await new Visitor().run(signIn, { email: user.email, password: user.password! })).toEqual({
      redirect: '/dashboard',
    });
  });
});

describe('two-factor authentication for a user without a password', () => {
  it('is set up without a password and, once the sign-in is not recent, turned off only with a current code', async () => {
    const user = await createPasswordlessUser();
    const visitor = await signInWithMagicLink(user);
    const { secret } = await enableTwoFactor(visitor);
    expect((await twoFactorColumns(user.id)).enabled).toBe(true);

    // An hour later (a stolen session, say), neither nothing nor a wrong code will do.
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 60 * 60 * 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await visitor.run(disableTwoFactor, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', status: 403 },
    });
    expect(await visitor.run(disableTwoFactor, { code: wrongCode(secret) })).toMatchObject({
      ok: false,
      error: { fieldErrors: { code: [expect.any(String)] } },
    });
    expect((await twoFactorColumns(user.id)).enabled).toBe(true);

    expect(await visitor.run(disableTwoFactor, { code: await nextTotpCode(secret) })).toEqual({
      ok: true,
      data: { enabled: false },
    });
    expect(await twoFactorColumns(user.id)).toEqual({ enabled: false, rows: 0 });
  });
});
