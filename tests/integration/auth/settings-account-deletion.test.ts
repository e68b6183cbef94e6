import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { accounts, sessions, twoFactors, users } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { deleteAccount } from '@/features/auth/server/account-deletion-actions';
import { signIn, verifyRecoveryCode } from '@/features/auth/server/sign-in-actions';
import { uploadAvatar } from '@/features/auth/server/profile-actions';
import { confirmTwoFactorSetup, startTwoFactorSetup } from '@/features/auth/server/two-factor-actions';
import { db } from '@/platform/db/client';
import { SESSION_COOKIE } from '@/features/auth/constants';
import { createPasswordUser, createPasswordlessUser, signInWithMagicLink, signInAs } from '../../support/users';
import { nextTotpCode, secretFrom } from '../../support/totp';
import { setUpTemporaryStorage } from '../../support/storage';
import { Visitor } from '../../support/visitor';

const storageDir = await setUpTemporaryStorage();

async function rowsOf(userId: string) {
  const count = async (table: typeof sessions | typeof accounts | typeof twoFactors) =>
    (await db.select().from(table).where(eq(table.userId, userId))).length;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return {
    user: Boolean(user),
    sessions: await count(sessions),
    accounts: await count(accounts),
    twoFactors: await count(twoFactors),
  };
}

describe('deleting the account', () => {
  it('needs the email typed out and the right password; then removes every row, the avatar file and the session', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    // Give the account an avatar and two-factor, so there is something in every table.
    const form = new FormData();
    form.set(
      'avatar',
      new File(
        [
          new Uint8Array(
            await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
              .png()
              .toBuffer(),
          ),
        ],
        'a.png',
      ),
    );
    expect(await visitor.run(uploadAvatar, form)).toMatchObject({ ok: true });
    const setup = await visitor.run<{ manualKey: string }>(startTwoFactorSetup, { password: user.password });
    const confirmed = await visitor.run<{ recoveryCodes: string[] }>(confirmTwoFactorSetup, {
      code: await nextTotpCode(secretFrom((setup as { data: { manualKey: string } }).data.manualKey)),
    });
    // Another device, signed in with the second factor (a recovery code), whose session the deletion must end too.
    const otherDevice = new Visitor();
    await otherDevice.run(signIn, { email: user.email, password: user.password });
    const { recoveryCodes } = (confirmed as { data: { recoveryCodes: string[] } }).data;
    expect(await otherDevice.run(verifyRecoveryCode, { code: recoveryCodes[0]! })).toEqual({ redirect: '/dashboard' });
    expect(await rowsOf(user.id)).toEqual({ user: true, sessions: 2, accounts: 1, twoFactors: 1 });
    expect(await fs.readdir(path.join(storageDir, 'avatars'))).toHaveLength(1);

    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(true);

    expect(
      await visitor.run(deleteAccount, { password: user.password, confirmation: 'someone@else.com' }),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: { confirmation: ['Type your email address exactly as shown to confirm.'] } },
    });
    expect(await visitor.run(deleteAccount, { confirmation: user.email })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: [expect.any(String)] } },
    });
    expect(await visitor.run(deleteAccount, { password: 'wrong', confirmation: user.email })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: ['That password is not right.'] } },
    });
    expect((await rowsOf(user.id)).user).toBe(true);

    const outcome = await visitor.run(deleteAccount, {
      password: user.password,
      confirmation: user.email.toUpperCase(),
    });
    expect(outcome).toEqual({ redirect: '/?notice=account-deleted' });
    expect(await rowsOf(user.id)).toEqual({ user: false, sessions: 0, accounts: 0, twoFactors: 0 });
    expect(await fs.readdir(path.join(storageDir, 'avatars'))).toEqual([]);
    // The session cookie is cleared, and no device stays signed in.
    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await getSessionFromHeaders(otherDevice.headers())).toBeNull();
  });

  it('for a user without a password, needs a sign-in from the last 10 minutes', async () => {
    const user = await createPasswordlessUser();
    const visitor = await signInWithMagicLink(user);
    // The session is older than that.
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 11 * 60 * 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await visitor.run(deleteAccount, { confirmation: user.email })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'For your security, sign in again before doing this.' },
    });
    expect((await rowsOf(user.id)).user).toBe(true);

    const fresh = await signInWithMagicLink(user);
    expect(await fresh.run(deleteAccount, { confirmation: user.email })).toEqual({
      redirect: '/?notice=account-deleted',
    });
    expect((await rowsOf(user.id)).user).toBe(false);
  });
});
