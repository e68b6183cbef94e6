import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestPasswordReset, resetPassword } from '@/features/auth/server/password-reset-actions';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { accounts, verifications } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { db } from '@/platform/db/client';
import { errorText, subjectOf } from '../../support/messages';
import { createVerifiedUser, signInAs, type TestUser } from '../../support/users';
import { Visitor, emailsTo, lastEmailTo, uniqueEmail, type Outcome } from '../../support/visitor';

const NEW_PASSWORD = 'a brand new passphrase';

/** Asks for a reset as a signed-out visitor and returns the token of the emailed link. */
async function resetToken(user: TestUser) {
  expect(await new Visitor().run(requestPasswordReset, { email: user.email })).toEqual({
    ok: true,
    data: { email: user.email },
  });
  const message = await lastEmailTo(user.email);
  expect(message?.subject).toBe(subjectOf('passwordReset'));
  const link = new URL(message!.link!);
  expect(link.pathname).toBe('/auth/reset-password');
  return link.searchParams.get('token')!;
}

function refusal<R>(outcome: Outcome<R>) {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function passwordHash(userId: string) {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  return row?.password;
}

describe('asking for a password reset', () => {
  it('answers an unknown address like a known one, and sends nothing', async () => {
    const unknown = uniqueEmail();
    expect(await new Visitor().run(requestPasswordReset, { email: unknown })).toEqual({
      ok: true,
      data: { email: unknown },
    });
    expect(await emailsTo(unknown)).toHaveLength(0);
  });

  it('takes at least 600 ms either way', async () => {
    const user = await createVerifiedUser();
    for (const email of [user.email, uniqueEmail()]) {
      const started = performance.now();
      await new Visitor().run(requestPasswordReset, { email });
      expect(performance.now() - started).toBeGreaterThanOrEqual(595);
    }
  });
});

describe('choosing a new password with the emailed link', () => {
  it('changes the password, signs out every session, tells the owner, and works only once', async () => {
    const user = await createVerifiedUser();
    const otherDevice = await signInAs(user);
    const token = await resetToken(user);

    // A common password is refused, and the link stays usable.
    const common = refusal(await new Visitor({ locale: 'es' }).run(resetPassword, { token, password: 'iloveyou1' }));
    expect(common).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: { password: [errorText('es', 'validation.commonPassword')] },
    });

    expect(await new Visitor().run(resetPassword, { token, password: NEW_PASSWORD })).toEqual({
      redirect: '/auth/sign-in?reset=1',
    });

    // Every session ends: the one that signed up and the other device.
    expect(await getSessionFromHeaders(user.visitor.headers())).toBeNull();
    expect(await getSessionFromHeaders(otherDevice.headers())).toBeNull();

    const notice = await lastEmailTo(user.email);
    expect(notice?.subject).toBe(subjectOf('passwordChanged'));

    expect(await new Visitor().run(signIn, { email: user.email, password: user.password })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await new Visitor().run(signIn, { email: user.email, password: NEW_PASSWORD })).toEqual({
      redirect: '/dashboard',
    });

    // Used once: refused with the translated "invalid link" message, and the password stays.
    const hash = await passwordHash(user.id);
    const reused = refusal(
      await new Visitor({ locale: 'es' }).run(resetPassword, { token, password: 'yet another passphrase' }),
    );
    expect(reused).toMatchObject({ code: 'BAD_REQUEST', status: 400, message: errorText('es', 'auth.invalidLink') });
    expect(await passwordHash(user.id)).toBe(hash);
  });

  it('refuses an expired link and a made-up one', async () => {
    const user = await createVerifiedUser();
    const token = await resetToken(user);
    const hash = await passwordHash(user.id);
    await db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(like(verifications.identifier, 'reset-password:%'), eq(verifications.value, user.id)));

    const expired = refusal(await new Visitor().run(resetPassword, { token, password: NEW_PASSWORD }));
    expect(expired).toMatchObject({ code: 'BAD_REQUEST', message: errorText('en', 'auth.invalidLink') });
    const madeUp = refusal(
      await new Visitor().run(resetPassword, { token: 'not-a-real-token', password: NEW_PASSWORD }),
    );
    expect(madeUp).toMatchObject({ code: 'BAD_REQUEST', message: errorText('en', 'auth.invalidLink') });

    expect(await passwordHash(user.id)).toBe(hash);
    expect(await getSessionFromHeaders(user.visitor.headers())).not.toBeNull();
  });

  it('validates the new password before looking at the token', async () => {
    const outcome = refusal(await new Visitor().run(resetPassword, { token: 'anything', password: 'short' }));
    expect(outcome.fieldErrors).toEqual({ password: [errorText('en', 'validation.tooShort', { minimum: 8 })] });
  });
});
