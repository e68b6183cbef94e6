import { describe, expect, it } from 'vitest';
import { resetPassword } from '@/features/auth/server/password-reset-actions';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { changePassword, sendPasswordSetupLink } from '@/features/auth/server/password-actions';
import { saveProfile } from '@/features/auth/server/profile-actions';
import { createPasswordUser, createPasswordlessUser, signInWithMagicLink, signInAs } from '../../support/users';
import { Visitor, lastEmailTo } from '../../support/visitor';

const NEW_PASSWORD = 'a brand new passphrase for tests';

describe('changing the password', () => {
  it('refuses a wrong current password with an error on that field, and keeps the old password', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const outcome = await visitor.run(changePassword, { currentPassword: 'wrong password', newPassword: NEW_PASSWORD });
    expect(outcome).toMatchObject({
      ok: false,
      error: { fieldErrors: { currentPassword: ['That password is not right.'] } },
    });
    expect(await new Visitor().run(signIn, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ ok: false });
  });

  it('refuses a common new password', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const outcome = await visitor.run(changePassword, { currentPassword: user.password, newPassword: 'password123' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { newPassword: [expect.stringContaining('too common')] } },
    });
  });

  it('signs out the other sessions, keeps this one, and tells the user by email', async () => {
    const user = await createPasswordUser();
    const laptop = await signInAs(user);
    const phone = await signInAs(user);

    expect(await laptop.run(changePassword, { currentPassword: user.password, newPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      data: { changed: true },
    });

    // This browser got a fresh session cookie and stays signed in; the phone is out.
    expect((await getSessionFromHeaders(laptop.headers()))?.user.id).toBe(user.id);
    expect(await getSessionFromHeaders(phone.headers())).toBeNull();
    expect(await phone.run(saveProfile, { name: 'Intruder' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', status: 401 },
    });

    expect((await lastEmailTo(user.email))?.subject).toContain('Your password was changed');
    expect(await new Visitor().run(signIn, { email: user.email, password: NEW_PASSWORD })).toEqual({
      redirect: '/dashboard',
    });
    expect(await new Visitor().run(signIn, { email: user.email, password: user.password })).toMatchObject({
      ok: false,
    });
  });
});

describe('setting a first password', () => {
  it('emails a user without a password the link to choose one', async () => {
    const user = await createPasswordlessUser();
    const visitor = await signInWithMagicLink(user);
    expect(await visitor.run(sendPasswordSetupLink, {})).toEqual({ ok: true, data: { email: user.email } });
    const email = await lastEmailTo(user.email);
    expect(email?.subject).toContain('Reset your password');
    expect(email?.link).toContain('/auth/reset-password?token=');

    // The reset page's action adds the password to the account; signing in with it then works.
    const token = new URL(email!.link!).searchParams.get('token')!;
    expect(await new Visitor().run(resetPassword, { token, password: NEW_PASSWORD })).toHaveProperty('redirect');
    expect(await new Visitor().run(signIn, { email: user.email, password: NEW_PASSWORD })).toEqual({
      redirect: '/dashboard',
    });
  });
});
