import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as authLinks } from '@/app/api/auth/[...all]/route';
import { confirmEmail } from '@/features/auth/server/sign-up-actions';
import { sessions, users } from '@/features/auth/server/schema';
import { pendingEmailChange } from '@/features/auth/server/email-change';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { requestEmailChange } from '@/features/auth/server/email-change-actions';
import { db } from '@/platform/db/client';
import { errorText } from '../../support/messages';
import { createPasswordUser, createPasswordlessUser, signInWithMagicLink, signInAs } from '../../support/users';
import { Visitor, emailsTo, lastEmailTo, uniqueEmail } from '../../support/visitor';

async function emailOf(userId: string) {
  const [row] = await db
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

describe('changing the email address', () => {
  it('emails both addresses and changes nothing until the link sent to the new one is opened', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const newEmail = uniqueEmail('moved');

    const outcome = await visitor.run(requestEmailChange, { email: newEmail.toUpperCase(), password: user.password });
    expect(outcome).toEqual({ ok: true, data: { email: newEmail } });

    // The old address is told, with the new one named.
    const notice = await lastEmailTo(user.email);
    expect(notice?.subject).toContain('Your email address is being changed');
    expect(notice?.text).toContain(newEmail);
    // The new address gets the confirmation link.
    const confirmation = await lastEmailTo(newEmail);
    expect(confirmation?.subject).toContain('Confirm your new email address');
    expect(confirmation?.link).toMatch(/\/api\/auth\/verify-email\?token=/);

    // Nothing has changed yet; the page can show the pending change.
    expect(await emailOf(user.id)).toEqual({ email: user.email, verified: true });
    expect(await pendingEmailChange(user.id, user.email)).toMatchObject({ email: newEmail });

    const response = await visitor.follow(confirmation!.link!, authLinks);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/settings/account?email=confirmed');
    expect(await emailOf(user.id)).toEqual({ email: newEmail, verified: true });
    expect((await getSessionFromHeaders(visitor.headers()))?.user.email).toBe(newEmail);
    expect(await pendingEmailChange(user.id, newEmail)).toBeNull();
  });

  it('works from a signed-out browser too (the link carries the change)', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const newEmail = uniqueEmail('elsewhere');
    await visitor.run(requestEmailChange, { email: newEmail, password: user.password });
    const link = (await lastEmailTo(newEmail))!.link!;
    await new Visitor().follow(link, authLinks);
    expect((await emailOf(user.id)).email).toBe(newEmail);
  });

  it('sends a link the sign-up confirmation page refuses: only GET /api/auth/verify-email takes it', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const newEmail = uniqueEmail('notsignup');
    await visitor.run(requestEmailChange, { email: newEmail, password: user.password });
    const link = (await lastEmailTo(newEmail))!.link!;
    const token = new URL(link).searchParams.get('token')!;

    // Even with the account's password: the confirmation page is for sign-ups only.
    const confirmed = await new Visitor().run(confirmEmail, { token, password: user.password!, next: '' });
    expect(confirmed).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: errorText('en', 'auth.invalidLink') },
    });
    expect(await emailOf(user.id)).toEqual({ email: user.email, verified: true });

    const response = await visitor.follow(link, authLinks);
    expect(response.headers.get('location')).toBe('/settings/account?email=confirmed');
    expect(await emailOf(user.id)).toEqual({ email: newEmail, verified: true });
  });

  it('refuses a wrong password with a field error and sends nothing', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user);
    const newEmail = uniqueEmail('nope');
    const outcome = await visitor.run(requestEmailChange, { email: newEmail, password: 'not my password' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fieldErrors: { password: ['That password is not right.'] } },
    });
    expect(await emailsTo(newEmail)).toHaveLength(0);

    const missing = await visitor.run(requestEmailChange, { email: newEmail });
    expect(missing).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: ['Enter your password to confirm.'] } },
    });
    expect((await emailOf(user.id)).email).toBe(user.email);
  });

  it('refuses the current address, in the user’s language', async () => {
    const user = await createPasswordUser();
    const visitor = await signInAs(user, { locale: 'es' });
    const outcome = await visitor.run(requestEmailChange, { email: user.email, password: user.password });
    expect(outcome).toMatchObject({
      ok: false,
      error: { fieldErrors: { email: ['Esta ya es tu dirección de correo.'] } },
    });
  });

  it('answers the same for an address that already has an account, and sends it nothing', async () => {
    const user = await createPasswordUser();
    const other = await createPasswordUser();
    const visitor = await signInAs(user);
    const before = (await emailsTo(other.email)).length;
    expect(await visitor.run(requestEmailChange, { email: other.email, password: user.password })).toEqual({
      ok: true,
      data: { email: other.email },
    });
    expect(await emailsTo(other.email)).toHaveLength(before);
    expect((await emailOf(user.id)).email).toBe(user.email);
  });

  it('asks a user without a password to have signed in within the last minutes', async () => {
    const user = await createPasswordlessUser();
    const visitor = await signInWithMagicLink(user);
    const newEmail = uniqueEmail('linkmoved');

    // A session signed in an hour ago (a stolen one, say) cannot move the account elsewhere.
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 60 * 60 * 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await visitor.run(requestEmailChange, { email: newEmail })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', status: 403 },
    });
    expect(await lastEmailTo(newEmail)).toBeNull();

    // Just signed in again: allowed.
    const fresh = await signInWithMagicLink(user);
    expect(await fresh.run(requestEmailChange, { email: newEmail })).toEqual({ ok: true, data: { email: newEmail } });
    await fresh.follow((await lastEmailTo(newEmail))!.link!, authLinks);
    expect((await emailOf(user.id)).email).toBe(newEmail);
  });
});
