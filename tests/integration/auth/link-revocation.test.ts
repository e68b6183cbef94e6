import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as authLinks } from '@/app/api/auth/[...all]/route';
import { requestMagicLink, verifyMagicLink } from '@/features/auth/server/magic-link-actions';
import { requestPasswordReset, resetPassword } from '@/features/auth/server/password-reset-actions';
import { pendingEmailChange } from '@/features/auth/server/email-change';
import { accounts, users } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { requestEmailChange } from '@/features/auth/server/email-change-actions';
import { changePassword } from '@/features/auth/server/password-actions';
import { signOutOtherSessions } from '@/features/auth/server/session-actions';
import { db } from '@/platform/db/client';
import { errorText, subjectOf } from '../../support/messages';
import { createPasswordUser, signInAs, type TestAccount } from '../../support/users';
import { Visitor, lastEmailTo, uniqueEmail, type Outcome } from '../../support/visitor';

/**
 * Emailed links are keys to an account. Each works once, and none outlives a
 * change that should end it: a newer link of its kind being used, or the
 * password changing (by a reset link or in settings). "Sign out everywhere
 * else" leaves them: it needs only a session, which may be an intruder's.
 */

const NEW_PASSWORD = 'a brand new passphrase';

async function passwordHash(userId: string) {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  return row!.password;
}

async function emailOf(userId: string) {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}

async function linkOfLastEmail(to: string, subject: string) {
  const message = await lastEmailTo(to);
  expect(message?.subject).toBe(subject);
  return message!.link!;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Asks for a reset link as a signed-out visitor; returns its token. */
async function resetLink(user: TestAccount) {
  expect(await new Visitor().run(requestPasswordReset, { email: user.email })).toMatchObject({ ok: true });
  return tokenOf(await linkOfLastEmail(user.email, subjectOf('passwordReset')));
}

/** Asks for a magic link as a signed-out visitor; returns its token. */
async function magicLink(email: string) {
  expect(await new Visitor().run(requestMagicLink, { email })).toMatchObject({ ok: true });
  return tokenOf(await linkOfLastEmail(email, subjectOf('magicLink')));
}

/**
 * Asks, signed in as `visitor`, to move the account to a new address; returns the address and its confirmation link.
 */
async function emailChangeLink(user: TestAccount, visitor: Visitor) {
  const newEmail = uniqueEmail('moving');
  expect(await visitor.run(requestEmailChange, { email: newEmail, password: user.password })).toMatchObject({
    ok: true,
  });
  return { newEmail, link: await linkOfLastEmail(newEmail, subjectOf('emailChangeNew')) };
}

function expectSpentLink<R>(outcome: Outcome<R>) {
  expect(outcome).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', message: errorText('en', 'auth.invalidLink') },
  });
}

/** Opens an email-change link; true when it changed the address. */
async function followEmailChange(link: string) {
  const response = await new Visitor().follow(link, authLinks);
  expect(response.status).toBe(302);
  return response.headers.get('location') === '/settings/account?email=confirmed';
}

describe('password reset links', () => {
  it('an older link dies when a newer one is used', async () => {
    const user = await createPasswordUser();
    const first = await resetLink(user);
    const second = await resetLink(user);

    expect(await new Visitor().run(resetPassword, { token: second, password: NEW_PASSWORD })).toEqual({
      redirect: '/auth/sign-in?reset=1',
    });
    const hash = await passwordHash(user.id);
    expectSpentLink(await new Visitor().run(resetPassword, { token: first, password: 'the attacker’s passphrase' }));
    expect(await passwordHash(user.id)).toBe(hash);
  });

  it('every outstanding link dies when the password is changed in settings', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const reset = await resetLink(user);
    const magic = await magicLink(user.email);
    const { link: emailChange } = await emailChangeLink(user, visitor);

    expect(await visitor.run(changePassword, { currentPassword: user.password, newPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      data: { changed: true },
    });

    expectSpentLink(await new Visitor().run(resetPassword, { token: reset, password: 'the attacker’s passphrase' }));
    expectSpentLink(await new Visitor().run(verifyMagicLink, { token: magic }));
    expect(await followEmailChange(emailChange)).toBe(false);
    expect(await emailOf(user.id)).toBe(user.email);
    expect(await pendingEmailChange(user.id, user.email)).toBeNull();
  });

  it('a reset ends the outstanding magic links and email changes too', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const magic = await magicLink(user.email);
    const { link: emailChange } = await emailChangeLink(user, visitor);

    expect(await new Visitor().run(resetPassword, { token: await resetLink(user), password: NEW_PASSWORD })).toEqual({
      redirect: '/auth/sign-in?reset=1',
    });

    expectSpentLink(await new Visitor().run(verifyMagicLink, { token: magic }));
    expect(await followEmailChange(emailChange)).toBe(false);
    expect(await emailOf(user.id)).toBe(user.email);
  });
});

describe('magic links', () => {
  it('work once, and using one ends the others sent to the same address', async () => {
    const user = await createPasswordUser();
    const first = await magicLink(user.email);
    const second = await magicLink(user.email);

    const owner = new Visitor();
    expect(await owner.run(verifyMagicLink, { token: second })).toHaveProperty('redirect');
    expect((await getSessionFromHeaders(owner.headers()))?.user.id).toBe(user.id);

    const attacker = new Visitor();
    expectSpentLink(await attacker.run(verifyMagicLink, { token: first }));
    expectSpentLink(await attacker.run(verifyMagicLink, { token: second }));
    expect(await getSessionFromHeaders(attacker.headers())).toBeNull();
  });
});

describe('email change links', () => {
  it('only the latest asked for works, once', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const older = await emailChangeLink(user, visitor);
    const newer = await emailChangeLink(user, visitor);

    expect(await followEmailChange(older.link)).toBe(false);
    expect(await emailOf(user.id)).toBe(user.email);
    expect(await followEmailChange(newer.link)).toBe(true);
    expect(await emailOf(user.id)).toBe(newer.newEmail);
    expect(await followEmailChange(newer.link)).toBe(false);
  });

  it('a confirmed change ends the reset and magic links sent before it', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const reset = await resetLink(user);
    const magic = await magicLink(user.email);
    const { link } = await emailChangeLink(user, visitor);
    expect(await followEmailChange(link)).toBe(true);

    expectSpentLink(await new Visitor().run(resetPassword, { token: reset, password: 'the attacker’s passphrase' }));
    expectSpentLink(await new Visitor().run(verifyMagicLink, { token: magic }));
  });
});

describe('signing out every other session', () => {
  it('leaves the links waiting in the mailbox: a stolen session cannot keep deleting the owner’s reset link', async () => {
    const user = await createPasswordUser();
    const intruder = await signInAs(user);
    const reset = await resetLink(user);

    expect(await intruder.run(signOutOtherSessions, {})).toMatchObject({ ok: true });

    // The owner's reset still works, and takes the account back: the intruder's session ends.
    expect(await new Visitor().run(resetPassword, { token: reset, password: NEW_PASSWORD })).toEqual({
      redirect: '/auth/sign-in?reset=1',
    });
    expect(await getSessionFromHeaders(intruder.headers())).toBeNull();
  });
});
