import { describe, expect, it } from 'vitest';
import { requestMagicLink } from '@/features/auth/server/magic-link-actions';
import { requestPasswordReset } from '@/features/auth/server/password-reset-actions';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { confirmEmail, resendVerificationEmail, signUp } from '@/features/auth/server/sign-up-actions';
import { normaliseEmail } from '@/features/auth/server/policy';
import { errorText, subjectOf } from '../../support/messages';
import { TEST_PASSWORD, confirmationToken, createPasswordUser } from '../../support/users';
import { Visitor, emailsTo, uniqueEmail, type Outcome } from '../../support/visitor';

/**
 * The minutes a RATE_LIMITED message tells the user to wait (the message is all a form receives; long waits are in
 * minutes).
 */
function minutesToWait(outcome: Outcome<unknown>, locale: 'en' | 'es' = 'en') {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  expect(outcome.error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  const minutes = Number(outcome.error.message.match(/\d+/)?.[0]);
  expect(outcome.error.message).toBe(errorText(locale, 'RATE_LIMITED_MINUTES', { minutes }));
  return minutes;
}

function isRateLimited(outcome: Outcome<unknown>) {
  return !('redirect' in outcome) && !outcome.ok && outcome.error.code === 'RATE_LIMITED';
}

describe('sign-in limits', () => {
  it('allows 10 attempts per address in 15 minutes, from any number of addresses, then refuses even the right password from a new device', async () => {
    // A user who has not signed in yet: the ten guesses are the address's first attempts.
    const user = await createPasswordUser();
    // Concurrent, as an attacker would send them: the counter is one atomic upsert.
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        new Visitor().run(signIn, { email: user.email, password: `wrong guess ${i}` }),
      ),
    );
    for (const outcome of guesses) expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const blocked = await new Visitor({ locale: 'es' }).run(signIn, { email: user.email, password: user.password });
    // (Devices that signed in to the account before are not held back: sign-in-lockout.test.ts.)
    expect(blocked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', status: 429 } });
    const message = 'ok' in blocked && !blocked.ok ? blocked.error.message : '';
    const minutes = Number(message.match(/\d+/)?.[0]);
    expect(message).toBe(errorText('es', 'auth.tooManySignInAttempts', { minutes }));
    expect(minutes).toBeGreaterThanOrEqual(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Another account is not affected.
    const other = await createPasswordUser();
    expect(await new Visitor().run(signIn, { email: other.email, password: other.password })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('counts "+tags", case and spaces as one address', async () => {
    const user = await createPasswordUser({ email: `${uniqueEmail('tagged').split('@')[0]}@example.com` });
    const [local, domain] = user.email.split('@');
    const variants = Array.from({ length: 10 }, (_, i) =>
      i % 2 ? `${local}+${i}@${domain!.toUpperCase()}` : ` ${local!.toUpperCase()}+x${i}@${domain} `,
    );
    expect(new Set(variants.map(normaliseEmail))).toEqual(new Set([user.email]));
    await Promise.all(variants.map((email) => new Visitor().run(signIn, { email, password: 'wrong guess' })));
    expect(isRateLimited(await new Visitor().run(signIn, { email: user.email, password: user.password }))).toBe(true);
  });

  // Thirty password checks at once on a busy two-core runner can pass the default 20 s: a roomier limit (not a speed
  // check).
  it(
    'allows 30 attempts per client address across different emails, then refuses that address',
    { timeout: 60_000 },
    async () => {
      const user = await createPasswordUser();
      const attacker = new Visitor();
      const sprayed = await Promise.all(
        Array.from({ length: 30 }, () =>
          attacker.run(signIn, { email: uniqueEmail('sprayed'), password: 'Winter2025!' }),
        ),
      );
      for (const outcome of sprayed) expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      minutesToWait(await attacker.run(signIn, { email: user.email, password: user.password }));
      // The same account from another address is fine.
      expect(await new Visitor().run(signIn, { email: user.email, password: user.password })).toEqual({
        redirect: '/dashboard',
      });
    },
  );
});

describe('confirmation page limits', () => {
  it('allows 20 password attempts per client address in 15 minutes, then refuses even the right password', async () => {
    const email = uniqueEmail('confirming');
    await new Visitor().run(signUp, { email, password: TEST_PASSWORD });
    const token = await confirmationToken(email);
    const guesser = new Visitor();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => guesser.run(confirmEmail, { token, password: `wrong guess ${i}` })),
    );
    for (const outcome of guesses) expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const minutes = minutesToWait(await guesser.run(confirmEmail, { token, password: TEST_PASSWORD }));
    expect(minutes).toBeGreaterThanOrEqual(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // The refused attempts confirmed nothing; from another address the owner still can.
    expect(await new Visitor().run(confirmEmail, { token, password: TEST_PASSWORD })).toEqual({
      redirect: '/onboarding',
    });
  });
});

describe('limits of the endpoints that send emails', () => {
  // The requests run together: the counter is one atomic upsert, so exactly the
  // requests beyond the limit are refused, whichever they are.
  async function burst(action: Parameters<Visitor['run']>[0], email: string, times: number) {
    return Promise.all(Array.from({ length: times }, () => new Visitor().run(action, { email })));
  }

  it('password reset: 3 requests per address in an hour', async () => {
    const user = await createPasswordUser();
    const outcomes = await burst(requestPasswordReset, user.email, 4);
    expect(outcomes.filter((outcome) => 'ok' in outcome && outcome.ok)).toHaveLength(3);
    const refused = outcomes.filter(isRateLimited);
    expect(refused).toHaveLength(1);
    expect(minutesToWait(refused[0]!)).toBe(60);
    expect(
      (await emailsTo(user.email)).filter((message) => message.subject === subjectOf('passwordReset')),
    ).toHaveLength(3);
  });

  it('magic link: 3 requests per address in 15 minutes, "+tags" included', async () => {
    const email = uniqueEmail('magic');
    const tagged = email.replace('@', '+promo@');
    const outcomes = [...(await burst(requestMagicLink, email, 2)), ...(await burst(requestMagicLink, tagged, 2))];
    expect(outcomes.filter(isRateLimited)).toHaveLength(1);
    expect(await emailsTo(email)).toHaveLength(2);
  });

  it('confirmation email: 3 resends per address in an hour', async () => {
    const email = uniqueEmail('pending');
    await new Visitor().run(signUp, { email, password: TEST_PASSWORD });
    const outcomes = await burst(resendVerificationEmail, email, 4);
    expect(outcomes.filter(isRateLimited)).toHaveLength(1);
    // The one sent at sign-up, and three resends.
    expect(await emailsTo(email)).toHaveLength(4);
  });
});
