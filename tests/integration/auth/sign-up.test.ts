import { randomUUID } from 'node:crypto';
import { signJWT } from 'better-auth/crypto';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as authLinks } from '@/app/api/auth/[...all]/route';
import { requestMagicLink } from '@/features/auth/server/magic-link-actions';
import { requestPasswordReset } from '@/features/auth/server/password-reset-actions';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { confirmEmail, resendVerificationEmail, signUp } from '@/features/auth/server/sign-up-actions';
import { SESSION_LIFETIME_SECONDS } from '@/features/auth/server/auth';
import { signUpConfirmationEmail } from '@/features/auth/server/email-confirmation';
import { accounts, sessions, users } from '@/features/auth/server/schema';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { db } from '@/platform/db/client';
import { errorText, subjectOf } from '../../support/messages';
import { TEST_PASSWORD as password, confirmFromEmail, confirmationLink, confirmationToken } from '../../support/users';
import { Visitor, emailsTo, lastEmailTo, uniqueEmail, type Outcome } from '../../support/visitor';

/** A confirmed account made through the flow this file tests (elsewhere fixtures write the rows directly). */
async function signedUpAndConfirmed() {
  const email = uniqueEmail();
  const visitor = new Visitor();
  expect(await visitor.run(signUp, { email, password })).toHaveProperty('redirect');
  expect(await confirmFromEmail(visitor, email, password)).toHaveProperty('redirect');
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: row!.id, email, password, visitor };
}

async function userRows(email: string) {
  return db.select().from(users).where(eq(users.email, email));
}

async function sessionCount(userId: string) {
  const [row] = await db.select({ total: count() }).from(sessions).where(eq(sessions.userId, userId));
  return row?.total ?? 0;
}

const SESSION_COOKIE = 'keel.session_token';

function verifyPagePath(email: string) {
  return `/auth/verify-email?email=${encodeURIComponent(email)}`;
}

/** The error of a refused action, without its request id. */
function refusal<R>(outcome: Outcome<R>) {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  const { requestId: _requestId, ...rest } = outcome.error;
  return rest;
}

/** The refusal of a confirmation with a password that is not the account's: a field error on `password`. */
function wrongPassword(locale: 'en' | 'es' = 'en') {
  const message = errorText(locale, 'auth.confirmPasswordWrong');
  return { code: 'FORBIDDEN', status: 403, message, fieldErrors: { password: [message] } };
}

/** The refusal of a forged, expired or otherwise unusable confirmation token: "ask for a new link". */
const INVALID_LINK = { code: 'BAD_REQUEST', status: 400, message: errorText('en', 'auth.invalidLink') };

/**
 * The old better-auth confirmation link (GET /api/auth/verify-email), as emails carried it before the confirmation
 * page.
 */
function oldStyleLink(token: string) {
  const callback = encodeURIComponent('/auth/verified?next=%2Fonboarding');
  return `http://localhost:3000/api/auth/verify-email?token=${token}&callbackURL=${callback}`;
}

describe('sign up with email and password', () => {
  it('creates an unverified account and emails a link to the confirmation page, where the password confirms it and signs in', async () => {
    const visitor = new Visitor();
    const email = uniqueEmail();
    const outcome = await visitor.run(signUp, { email, password, next: '/settings' });
    expect(outcome).toEqual({ redirect: `/auth/verify-email?email=${encodeURIComponent(email)}&next=%2Fsettings` });

    const [user] = await userRows(email);
    expect(user?.emailVerified).toBe(false);
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    const message = await lastEmailTo(email);
    expect(message?.subject).toBe(subjectOf('verifyEmail'));
    // The link opens our page (not better-auth's GET endpoint), with the token and the sign-up's `next`.
    const link = new URL(message!.link!);
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:3000/auth/confirm-email');
    expect([...link.searchParams.keys()]).toEqual(['token', 'next']);
    expect(link.searchParams.get('next')).toBe('/settings');
    const token = link.searchParams.get('token')!;
    expect(await signUpConfirmationEmail(token)).toBe(email);

    // Signing in before confirming goes to the verification page, without a session.
    expect(await visitor.run(signIn, { email, password })).toEqual({ redirect: verifyPagePath(email) });
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    expect(await sessionCount(user!.id)).toBe(0);

    // (That sign-in emailed a fresh link, without `next`; the first one still works.)
    expect((await confirmationLink(email)).searchParams.get('next')).toBe('/onboarding');

    // On the page, the password confirms the address and signs in; a new account goes to onboarding, keeping `next`.
    const confirmed = await visitor.run(confirmEmail, { token, password, next: link.searchParams.get('next')! });
    expect(confirmed).toEqual({ redirect: '/onboarding?next=%2Fsettings' });
    expect((await userRows(email))[0]?.emailVerified).toBe(true);
    const cookie = visitor.received.get(SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_LIFETIME_SECONDS });
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user).toMatchObject({ id: user!.id, email, emailVerified: true });
    expect(await sessionCount(user!.id)).toBe(1);
  });

  it('stores the address lower-cased and trimmed', async () => {
    const email = uniqueEmail('Mixed.Case');
    await new Visitor().run(signUp, { email: `  ${email.toUpperCase()} `, password });
    expect(await userRows(email.toLowerCase())).toHaveLength(1);
  });
});

describe('sign-up refusals', () => {
  async function refusal(input: Record<string, unknown>, locale?: 'en' | 'es') {
    const outcome = await new Visitor({ locale }).run(signUp, input);
    if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
    return outcome.error;
  }

  it('refuses a common password with a translated field error, creating no account', async () => {
    const email = uniqueEmail();
    const english = await refusal({ email, password: 'iloveyou' });
    expect(english).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(english.fieldErrors).toEqual({ password: [errorText('en', 'validation.commonPassword')] });

    // Case does not help: the list is compared case-insensitively.
    const spanish = await refusal({ email, password: 'Password1' }, 'es');
    expect(spanish.message).toBe('Algunos campos necesitan tu atención.');
    expect(spanish.fieldErrors).toEqual({
      password: ['Esta contraseña es demasiado común. Elige una más difícil de adivinar.'],
    });
    expect(await userRows(email)).toHaveLength(0);
  });

  it('refuses a short password and an invalid email, naming each field', async () => {
    const short = await refusal({ email: uniqueEmail(), password: 'x7#kQ2' });
    expect(short.fieldErrors).toEqual({ password: [errorText('en', 'validation.tooShort', { minimum: 8 })] });

    const badEmail = await refusal({ email: 'not-an-email', password }, 'es');
    expect(badEmail.fieldErrors).toEqual({ email: ['Introduce un correo electrónico válido.'] });
  });

  it('accepts a 128-character password and refuses 129', async () => {
    const tooLong = uniqueEmail();
    const refused = await refusal({ email: tooLong, password: 'a1b2c3d4'.repeat(16) + 'z' });
    expect(refused.fieldErrors).toEqual({ password: [errorText('en', 'validation.tooLong', { maximum: 128 })] });
    expect(await userRows(tooLong)).toHaveLength(0);

    const longest = uniqueEmail();
    const accepted = await new Visitor().run(signUp, { email: longest, password: 'a1b2c3d4'.repeat(16) });
    expect(accepted).toEqual({ redirect: verifyPagePath(longest) });
    expect(await userRows(longest)).toHaveLength(1);
  });
});

describe('signing up with an address that already has an account', () => {
  it('answers like a new sign-up, emails the owner instead, and changes nothing', async () => {
    const owner = await signedUpAndConfirmed();
    const before = await userRows(owner.email);

    const outcome = await new Visitor().run(signUp, { email: owner.email, password: 'a different passphrase' });
    expect(outcome).toEqual({ redirect: verifyPagePath(owner.email) });

    const after = await userRows(owner.email);
    expect(after).toEqual(before);
    const message = await lastEmailTo(owner.email);
    expect(message?.subject).toBe(subjectOf('existingAccount'));
    expect(message?.link).toBe('http://localhost:3000/auth/sign-in');
    // No second confirmation email, and the stranger's password does not work.
    expect((await emailsTo(owner.email)).filter((email) => email.subject === subjectOf('verifyEmail'))).toHaveLength(1);
    const stranger = await new Visitor().run(signIn, { email: owner.email, password: 'a different passphrase' });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  // The floor is the property the code guarantees: both answers wait until 600 ms have passed, which covers
  // the work either path does. How close the two are on a given machine is a measurement, not a test (a
  // loaded CI machine would make it flaky), so it is not asserted here.
  it('never answers in less than 600 ms, for a new address or a taken one', async () => {
    const owner = await signedUpAndConfirmed();
    const timed = async (email: string) => {
      const started = performance.now();
      const outcome = await new Visitor().run(signUp, { email, password });
      expect(outcome).toEqual({ redirect: verifyPagePath(email) });
      return performance.now() - started;
    };

    const durations = [await timed(uniqueEmail()), await timed(owner.email)];
    // Timers may fire a millisecond early.
    for (const duration of durations) expect(duration).toBeGreaterThanOrEqual(595);
  });
});

describe('signing up with an address whose account was never confirmed', () => {
  const attackerPassword = 'the attacker knows this one';

  async function confirmationEmails(email: string) {
    return (await emailsTo(email)).filter((message) => message.subject === subjectOf('verifyEmail'));
  }

  it('replaces it: someone who registered the address first cannot keep their password on it', async () => {
    const victim = uniqueEmail('victim');
    // Someone signs up first with the victim's address and a password of their own.
    const attacker = new Visitor();
    expect(await attacker.run(signUp, { email: victim, password: attackerPassword })).toEqual({
      redirect: verifyPagePath(victim),
    });
    const [planted] = await userRows(victim);
    const plantedToken = await confirmationToken(victim);

    // The victim signs up with their own password: the answer is the usual one, and a new confirmation email arrives.
    const owner = new Visitor();
    expect(await owner.run(signUp, { email: victim, password })).toEqual({ redirect: verifyPagePath(victim) });
    const rows = await userRows(victim);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(planted!.id);
    expect(rows[0]!.emailVerified).toBe(false);
    expect(await db.select().from(accounts).where(eq(accounts.userId, planted!.id))).toEqual([]);
    expect(await confirmationEmails(victim)).toHaveLength(2);

    // The link sent at the first sign-up belonged to the removed account: it confirms nothing, whichever password comes
    // with it.
    expect(refusal(await owner.run(confirmEmail, { token: plantedToken, password }))).toEqual(INVALID_LINK);
    expect(refusal(await attacker.run(confirmEmail, { token: plantedToken, password: attackerPassword }))).toEqual(
      wrongPassword(),
    );
    expect((await userRows(victim))[0]?.emailVerified).toBe(false);
    expect(owner.received.has(SESSION_COOKIE) || attacker.received.has(SESSION_COOKIE)).toBe(false);

    // The victim confirms with the link of their own sign-up and the password: that signs them in.
    expect(await confirmFromEmail(owner, victim, password)).toEqual({ redirect: '/onboarding' });
    expect((await getSessionFromHeaders(owner.headers()))?.user).toMatchObject({
      id: rows[0]!.id,
      email: victim,
      emailVerified: true,
    });

    // The first password opens nothing.
    const refused = await new Visitor().run(signIn, { email: victim, password: attackerPassword });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await userRows(victim)).toHaveLength(1);
    expect(await sessionCount(rows[0]!.id)).toBe(1);
  });

  it('replaces it the other way round: the newest link does not lead the owner into an account registered after theirs', async () => {
    const email = uniqueEmail('raced');
    // The owner signs up; before they open the email, someone else signs up with the same address.
    const owner = new Visitor();
    expect(await owner.run(signUp, { email, password })).toEqual({ redirect: verifyPagePath(email) });
    const ownersToken = await confirmationToken(email);
    const attacker = new Visitor();
    expect(await attacker.run(signUp, { email, password: attackerPassword })).toEqual({
      redirect: verifyPagePath(email),
    });
    const [planted] = await userRows(email);
    expect(await confirmationEmails(email)).toHaveLength(2);

    // The owner opens the newest email (sent for the other sign-up) and types their own password: refused, with
    // a field error that says to sign up again. Their first email's link is refused the same way. Nothing is confirmed.
    expect(refusal(await confirmFromEmail(owner, email, password))).toEqual(wrongPassword());
    expect(refusal(await owner.run(confirmEmail, { token: ownersToken, password }))).toEqual(wrongPassword());
    expect(refusal(await new Visitor({ locale: 'es' }).run(confirmEmail, { token: ownersToken, password }))).toEqual(
      wrongPassword('es'),
    );
    expect((await userRows(email))[0]).toMatchObject({ id: planted!.id, emailVerified: false });
    expect(owner.received.has(SESSION_COOKIE)).toBe(false);

    // The other party has no token from the mailbox: one signed with any other secret is refused, and signing in
    // only sends a fresh link to the owner's mailbox. The old GET link confirms nothing either.
    const forged = await signJWT({ email, userId: planted!.id }, 'not the app secret', 3600);
    expect(refusal(await attacker.run(confirmEmail, { token: forged, password: attackerPassword }))).toEqual(
      INVALID_LINK,
    );
    expect(await attacker.run(signIn, { email, password: attackerPassword })).toEqual({
      redirect: verifyPagePath(email),
    });
    expect(await confirmationEmails(email)).toHaveLength(3);
    const viaOldLink = await attacker.follow(oldStyleLink(forged), authLinks);
    expect(viaOldLink.headers.get('location')).toBe('http://localhost:3000/auth/verified?error=INVALID_TOKEN');
    expect(attacker.received.has(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount(planted!.id)).toBe(0);
    expect((await userRows(email))[0]?.emailVerified).toBe(false);

    // The owner signs up again with their password: that replaces the unconfirmed account, and the new link signs them
    // in.
    expect(await owner.run(signUp, { email, password })).toEqual({ redirect: verifyPagePath(email) });
    const [mine] = await userRows(email);
    expect(mine!.id).not.toBe(planted!.id);
    expect(await confirmFromEmail(owner, email, password)).toEqual({ redirect: '/onboarding' });
    expect((await getSessionFromHeaders(owner.headers()))?.user).toMatchObject({
      id: mine!.id,
      email,
      emailVerified: true,
    });

    // The other password opens nothing.
    const refused = await new Visitor().run(signIn, { email, password: attackerPassword });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await userRows(email)).toHaveLength(1);
  });

  it('keeps an unconfirmed account that also signs in another way (an OAuth provider)', async () => {
    const email = uniqueEmail('linked');
    await new Visitor().run(signUp, { email, password: attackerPassword });
    const [user] = await userRows(email);
    await db
      .insert(accounts)
      .values({ id: randomUUID(), accountId: randomUUID(), providerId: 'oidc', userId: user!.id });

    expect(await new Visitor().run(signUp, { email, password })).toEqual({ redirect: verifyPagePath(email) });
    expect(await userRows(email)).toEqual([user]);
    expect(
      (await db.select().from(accounts).where(eq(accounts.userId, user!.id)))
        .map((account) => account.providerId)
        .sort(),
    ).toEqual(['credential', 'oidc']);
    // Treated like any existing account: its owner is told, and no second confirmation link is sent.
    expect((await lastEmailTo(email))?.subject).toBe(subjectOf('existingAccount'));
    expect(await confirmationEmails(email)).toHaveLength(1);
  });
});

describe('the confirmation page', () => {
  it('confirms only with the account’s password: a wrong one gets a field error and confirms nothing', async () => {
    const email = uniqueEmail();
    await new Visitor().run(signUp, { email, password });
    const [user] = await userRows(email);

    // Whoever opens the link without the password (another person, a mail scanner pressing buttons) confirms nothing.
    const opener = new Visitor();
    expect(refusal(await confirmFromEmail(opener, email, 'not the passphrase'))).toEqual(wrongPassword());
    expect(refusal(await confirmFromEmail(new Visitor({ locale: 'es' }), email, 'not the passphrase'))).toEqual(
      wrongPassword('es'),
    );
    const empty = await confirmFromEmail(opener, email, '');
    const required = errorText('en', 'validation.required');
    expect(refusal(empty)).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: { password: [required] } });
    expect(opener.received.has(SESSION_COOKIE)).toBe(false);
    expect((await userRows(email))[0]?.emailVerified).toBe(false);
    expect(await sessionCount(user!.id)).toBe(0);

    // The refusals did not spend the link: with the right password it confirms and makes the one session.
    expect(await confirmFromEmail(opener, email, password)).toEqual({ redirect: '/onboarding' });
    expect((await userRows(email))[0]?.emailVerified).toBe(true);
    expect((await getSessionFromHeaders(opener.headers()))?.user).toMatchObject({ id: user!.id, emailVerified: true });
    expect(await sessionCount(user!.id)).toBe(1);
  });

  it('used again, is spent: it goes to the "email confirmed" page without looking at the password, and signs nobody in', async () => {
    const owner = await signedUpAndConfirmed();
    const [before] = await userRows(owner.email);
    expect(await sessionCount(owner.id)).toBe(1);

    const later = new Visitor();
    for (const password of ['not the passphrase', owner.password]) {
      expect(await confirmFromEmail(later, owner.email, password, '/settings')).toEqual({
        redirect: '/auth/verified?next=%2Fsettings',
      });
    }
    expect(later.received.has(SESSION_COOKIE)).toBe(false);
    expect(await getSessionFromHeaders(later.headers())).toBeNull();
    expect(await sessionCount(owner.id)).toBe(1);
    expect(await userRows(owner.email)).toEqual([before]);
  });

  describe('after 24 hours', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('refuses the link even with the right password, and the account stays unconfirmed', async () => {
      const email = uniqueEmail();
      const visitor = new Visitor();
      // Sign up "25 hours ago": the link's token is signed with that time.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 25 * 60 * 60 * 1000 });
      await visitor.run(signUp, { email, password });
      vi.useRealTimers();

      expect(refusal(await confirmFromEmail(visitor, email, password))).toEqual(INVALID_LINK);
      expect(visitor.received.has(SESSION_COOKIE)).toBe(false);
      expect((await userRows(email))[0]?.emailVerified).toBe(false);
    });
  });

  it('refuses a tampered token and a made-up one, even with the right password', async () => {
    const email = uniqueEmail();
    const visitor = new Visitor();
    await visitor.run(signUp, { email, password });
    const token = await confirmationToken(email);

    for (const forged of [`${token.slice(0, -4)}AAAA`, 'made-up-token']) {
      expect(refusal(await visitor.run(confirmEmail, { token: forged, password }))).toEqual(INVALID_LINK);
    }
    expect(visitor.received.has(SESSION_COOKIE)).toBe(false);
    expect((await userRows(email))[0]?.emailVerified).toBe(false);
  });
});

describe('the old confirmation link (GET /api/auth/verify-email)', () => {
  it('no longer confirms a sign-up: it goes to the "could not confirm" page and changes nothing', async () => {
    const email = uniqueEmail();
    await new Visitor().run(signUp, { email, password });
    const token = await confirmationToken(email);

    // Opened by the owner or by a mail scanner, with or without a callback: no confirmation, no session.
    for (const url of [oldStyleLink(token), `http://localhost:3000/api/auth/verify-email?token=${token}`]) {
      const opener = new Visitor();
      const response = await opener.follow(url, authLinks);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('http://localhost:3000/auth/verified?error=INVALID_TOKEN');
      expect(opener.received.has(SESSION_COOKIE)).toBe(false);
    }
    const [user] = await userRows(email);
    expect(user?.emailVerified).toBe(false);
    expect(await sessionCount(user!.id)).toBe(0);

    // The token was not spent: the confirmation page still takes it.
    expect(await confirmFromEmail(new Visitor(), email, password)).toEqual({ redirect: '/onboarding' });
  });
});

describe('resending the confirmation email', () => {
  it('sends a new link to an unconfirmed address, and answers the same for others without sending', async () => {
    const pending = uniqueEmail();
    await new Visitor().run(signUp, { email: pending, password });
    const confirmed = await signedUpAndConfirmed();
    const unknown = uniqueEmail();

    for (const email of [pending, confirmed.email, unknown]) {
      expect(await new Visitor().run(resendVerificationEmail, { email })).toEqual({ ok: true, data: { email } });
    }
    const sent = (email: string) =>
      emailsTo(email).then((all) => all.filter((message) => message.subject === subjectOf('verifyEmail')));
    expect(await sent(pending)).toHaveLength(2);
    expect(await sent(confirmed.email)).toHaveLength(1);
    expect(await emailsTo(unknown)).toHaveLength(0);

    // The new link leads to the confirmation page, where the password confirms the address and signs in.
    const visitor = new Visitor();
    expect(await confirmFromEmail(visitor, pending, password)).toEqual({ redirect: '/onboarding' });
    expect((await userRows(pending))[0]?.emailVerified).toBe(true);
    expect((await getSessionFromHeaders(visitor.headers()))?.user.email).toBe(pending);
  });
});

describe('signing in to an unconfirmed account', () => {
  it('with the right password, emails a fresh link (keeping `next`) and goes to the verification page; a wrong one sends nothing', async () => {
    const email = uniqueEmail('unconfirmed');
    await new Visitor().run(signUp, { email, password });
    const sent = () =>
      emailsTo(email).then((all) => all.filter((message) => message.subject === subjectOf('verifyEmail')));
    expect(await sent()).toHaveLength(1);

    const wrong = await new Visitor().run(signIn, { email, password: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await sent()).toHaveLength(1);

    const visitor = new Visitor();
    expect(await visitor.run(signIn, { email, password, next: '/settings' })).toEqual({
      redirect: `/auth/verify-email?email=${encodeURIComponent(email)}&next=%2Fsettings`,
    });
    expect(await getSessionFromHeaders(visitor.headers())).toBeNull();
    expect(await sent()).toHaveLength(2);

    // The fresh link carries the sign-in's `next`: the confirmation page signs in and keeps it for after onboarding.
    expect((await confirmationLink(email)).searchParams.get('next')).toBe('/settings');
    expect(await confirmFromEmail(visitor, email, password)).toEqual({ redirect: '/onboarding?next=%2Fsettings' });
    expect((await userRows(email))[0]?.emailVerified).toBe(true);
    expect(await new Visitor().run(signIn, { email, password, next: '/settings' })).toEqual({ redirect: '/settings' });

    // Once confirmed, signing in sends no more links.
    expect(await sent()).toHaveLength(2);
  });
});

describe('the language of account emails', () => {
  it('is the language of the visitor who caused them, unless the user saved one', async () => {
    const owner = await signedUpAndConfirmed();
    const newcomer = uniqueEmail();
    const stranger = uniqueEmail();
    const spanish = () => new Visitor({ locale: 'es' });
    await Promise.all([
      spanish().run(signUp, { email: newcomer, password }),
      spanish().run(signUp, { email: owner.email, password }),
      spanish().run(requestMagicLink, { email: stranger }),
    ]);
    expect((await lastEmailTo(newcomer))?.subject).toBe(subjectOf('verifyEmail', 'es'));
    expect((await lastEmailTo(owner.email))?.subject).toBe(subjectOf('existingAccount', 'es'));
    expect((await lastEmailTo(stranger))?.subject).toBe(subjectOf('magicLink', 'es'));

    await db.update(users).set({ locale: 'en' }).where(eq(users.id, owner.id));
    await spanish().run(requestPasswordReset, { email: owner.email });
    expect((await lastEmailTo(owner.email))?.subject).toBe(subjectOf('passwordReset', 'en'));
  });
});
