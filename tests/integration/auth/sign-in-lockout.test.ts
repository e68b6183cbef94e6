import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestMagicLink, verifyMagicLink } from '@/features/auth/server/magic-link-actions';
import { signIn } from '@/features/auth/server/sign-in-actions';
import { signUp } from '@/features/auth/server/sign-up-actions';
import { getSessionFromHeaders } from '@/features/auth/server/session';
import { changePassword } from '@/features/auth/server/password-actions';
import { updatePreferences } from '@/features/auth/server/profile-actions';
import { HELP_EMAILS_PER_DAY } from '@/features/auth/server/sign-in-throttle';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { errorText, subjectOf } from '../../support/messages';
import { createPasswordUser, createVerifiedUser, signInAs, type TestUser } from '../../support/users';
import { Visitor, emailsTo, lastEmailTo, uniqueEmail, type Outcome } from '../../support/visitor';

/**
 * Wrong passwords for an address are limited (10 in 15 minutes, from any
 * number of client addresses), but the limit must not be a way to lock the
 * owner out. A browser that signed in to the account before carries a signed
 * "known device" cookie and is counted on its own; anyone else meets the
 * address's limit, and the owner is emailed a one-time sign-in link.
 */

const KNOWN_DEVICE_COOKIE = 'keel.known_device';

/** Ten wrong passwords for `email` at once, each from its own client address, as a distributed attacker sends them. */
async function attack(email: string, times = 10) {
  const outcomes = await Promise.all(
    Array.from({ length: times }, (_, i) => new Visitor().run(signIn, { email, password: `wrong guess ${i}` })),
  );
  // Refused, as wrong passwords, or as too many once the address's limit is reached.
  for (const outcome of outcomes) expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(refusal(outcome).code);
}

function refusal<R>(outcome: Outcome<R>) {
  if ('redirect' in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  const { requestId: _requestId, ...rest } = outcome.error;
  return rest;
}

/** The "too many attempts for this address" answer, in `locale`. */
function expectPausedForAddress<R>(outcome: Outcome<R>, locale: 'en' | 'es' = 'en') {
  const error = refusal(outcome);
  expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  const minutes = Number(error.message.match(/\d+/)?.[0]);
  expect(minutes).toBeGreaterThanOrEqual(14);
  expect(error.message).toBe(errorText(locale, 'auth.tooManySignInAttempts', { minutes }));
  return error;
}

/**
 * The "someone is trying to sign in" emails to `email`, once `count` have arrived: they are sent in the
 * background after the refusal, so the test waits for them (bounded).
 */
async function helpEmailsTo(email: string, count = 1, locale: 'en' | 'es' = 'en') {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const notices = (await emailsTo(email)).filter(
      (message) => message.subject === subjectOf('signInAttempts', locale),
    );
    if (notices.length >= count || Date.now() > deadline) return notices;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until `count` refused attempts' background help has counted against `limit` ('link': one per 15 minutes,
 * 'daily': three a day) for the user, then a moment more: each refusal's help counts there first and sends right
 * after, so an email wrongly let through would be in the mailbox by then. Proves "no further email" without waiting
 * out the 15 s that helpEmailsTo allows a slow email.
 */
async function afterHelpDecided(userId: string, limit: 'link' | 'daily', count: number) {
  const key = `sign-in-help-${limit}:user:${userId}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = (await db.execute<{ count: number }>(sql`select count from rate_limit_buckets where key = ${key}`))
      .rows;
    if (Number(row?.count ?? 0) >= count) break;
    if (Date.now() > deadline) throw new Error(`${key} never reached ${count} (${row?.count ?? 0})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 3_000));
}

/** Lets the next refusal email the owner again, as if the 15 minutes of the last help email had passed. */
async function fifteenMinutesLater(userId: string) {
  await db.execute(sql`delete from rate_limit_buckets where key = ${`sign-in-help-link:user:${userId}`}`);
}

/** Runs `work` with magic-link sign-in turned on or off in the configuration. */
async function withMagicLinks<T>(enabled: boolean, work: () => Promise<T>) {
  const auth = appConfig.auth as { magicLink: boolean };
  const setting = auth.magicLink;
  auth.magicLink = enabled;
  try {
    return await work();
  } finally {
    auth.magicLink = setting;
  }
}

const signedInAs = async (visitor: Visitor) => (await getSessionFromHeaders(visitor.headers()))?.user.id;

// Each test sends ten sign-ins at once (password hashes), so the tests run one after another, each with a roomier
// limit on a busy runner (not a speed check).
const ROOMY = { timeout: 60_000 };

describe('ten wrong passwords for an address, from anywhere', ROOMY, () => {
  it('leave the owner’s known device signing in as usual', async () => {
    const user = await createPasswordUser();
    const ownDevice = await signInAs(user);
    expect(ownDevice.received.get(KNOWN_DEVICE_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    expect(ownDevice.received.get(KNOWN_DEVICE_COOKIE)!.maxAge).toBeGreaterThanOrEqual(180 * 24 * 60 * 60);
    // It names no account: only a random id and a signature.
    expect(ownDevice.cookies.get(KNOWN_DEVICE_COOKIE)).not.toContain(user.id);

    await attack(user.email);
    expectPausedForAddress(await new Visitor().run(signIn, { email: user.email, password: user.password }));

    expect(await ownDevice.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
    expect(await signedInAs(ownDevice)).toBe(user.id);
  });

  it('give the owner on a new device a calm message and an emailed link that signs in (in the owner’s language)', async () => {
    const user = await createVerifiedUser();
    expect(await user.visitor.run(updatePreferences, { locale: 'es', theme: 'system' })).toMatchObject({ ok: true });
    await attack(user.email);

    const newDevice = new Visitor({ locale: 'es' });
    expectPausedForAddress(await newDevice.run(signIn, { email: user.email, password: user.password }), 'es');
    expect(await signedInAs(newDevice)).toBeUndefined();

    // One email however many attempts are refused, saying what happened, with a one-time sign-in link.
    await new Visitor().run(signIn, { email: user.email, password: 'yet another guess' });
    await afterHelpDecided(user.id, 'link', 2);
    expect(await helpEmailsTo(user.email, 1, 'es')).toHaveLength(1);
    const link = new URL((await lastEmailTo(user.email))!.link!);
    expect(link.pathname).toBe('/auth/magic-link');
    const token = link.searchParams.get('token')!;

    expect(await newDevice.run(verifyMagicLink, { token })).toHaveProperty('redirect');
    expect(await signedInAs(newDevice)).toBe(user.id);
    // Once: the link is spent.
    expect(await new Visitor().run(verifyMagicLink, { token })).toMatchObject({
      ok: false,
      error: { message: errorText('en', 'auth.invalidLink') },
    });
    // The device it was opened on is now known: the password works there again.
    expect(await newDevice.run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('answer an address without an account exactly the same way, and email nobody', async () => {
    const user = await createPasswordUser();
    const unknown = uniqueEmail('nobody');
    await Promise.all([attack(user.email), attack(unknown)]);

    const forAccount = expectPausedForAddress(
      await new Visitor().run(signIn, { email: user.email, password: 'a guess' }),
    );
    const forNobody = expectPausedForAddress(await new Visitor().run(signIn, { email: unknown, password: 'a guess' }));
    expect(forNobody).toEqual(forAccount);
    expect(await emailsTo(unknown)).toHaveLength(0);
  });
});

describe('the email to the owner of an address under attack', ROOMY, () => {
  it('comes at most three times a day, however long the attempts go on', async () => {
    const user = await createPasswordUser();
    await attack(user.email);
    for (let round = 1; round <= HELP_EMAILS_PER_DAY + 1; round += 1) {
      await fifteenMinutesLater(user.id);
      expectPausedForAddress(await new Visitor().run(signIn, { email: user.email, password: `guess ${round}` }));
      if (round <= HELP_EMAILS_PER_DAY) expect(await helpEmailsTo(user.email, round)).toHaveLength(round);
    }
    await afterHelpDecided(user.id, 'daily', HELP_EMAILS_PER_DAY + 1);
    expect(await helpEmailsTo(user.email, HELP_EMAILS_PER_DAY)).toHaveLength(HELP_EMAILS_PER_DAY);
  });

  it('goes only to a confirmed address: registering someone else’s address does not get them emailed', async () => {
    const unconfirmed = uniqueEmail('unconfirmed');
    expect(await new Visitor().run(signUp, { email: unconfirmed, password: 'a passphrase of mine' })).toHaveProperty(
      'redirect',
    );
    const confirmed = await createPasswordUser();
    await Promise.all([attack(unconfirmed), attack(confirmed.email)]);

    const [forUnconfirmed, forConfirmed] = await Promise.all([
      new Visitor().run(signIn, { email: unconfirmed, password: 'a guess' }),
      new Visitor().run(signIn, { email: confirmed.email, password: 'a guess' }),
    ]);
    expect(expectPausedForAddress(forUnconfirmed)).toEqual(expectPausedForAddress(forConfirmed));
    // Both were started together: once the confirmed owner's email is there, the other would be too.
    expect(await helpEmailsTo(confirmed.email)).toHaveLength(1);
    expect(await helpEmailsTo(unconfirmed, 0)).toHaveLength(0);
  });

  it('says how to reset the password, with no sign-in link, when magic links are turned off', async () => {
    const user = await createPasswordUser();
    await attack(user.email);
    await withMagicLinks(false, async () => {
      expectPausedForAddress(await new Visitor().run(signIn, { email: user.email, password: 'a guess' }));
      expect(await helpEmailsTo(user.email)).toHaveLength(1);
      const notice = (await lastEmailTo(user.email))!;
      expect(notice.text).not.toContain('/auth/magic-link');
      expect(new URL(notice.link!).pathname).toBe('/auth/forgot-password');
    });
  });

  it('is answered before the mail is sent: a slow mail server does not make the refusal slower for a real account', async () => {
    const user = await createPasswordUser();
    await attack(user.email);
    let release = () => {};
    const mailboxLocked = new Promise<void>((locked) => {
      // Another connection holds the mailbox table: every email waits, as it would for a mail server that hangs.
      void db.transaction(async (tx) => {
        await tx.execute(sql`lock table dev_mailbox_messages in access exclusive mode`);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      });
    });
    await mailboxLocked;
    try {
      const answer = new Visitor().run(signIn, { email: user.email, password: 'a guess' });
      const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 20_000));
      const outcome = await Promise.race([answer, stuck]);
      expect(outcome).not.toBe('stuck');
      expectPausedForAddress(outcome as Awaited<typeof answer>);
    } finally {
      release();
    }
    // Once the mail goes out, the owner has it.
    expect(await helpEmailsTo(user.email)).toHaveLength(1);
  });
});

describe('magic links turned off in the configuration', ROOMY, () => {
  it('sign nobody in, even with a link sent while they were on (which works again once they are back on)', async () => {
    const user = await createPasswordUser();
    expect(await new Visitor().run(requestMagicLink, { email: user.email })).toMatchObject({ ok: true });
    const token = new URL((await lastEmailTo(user.email))!.link!).searchParams.get('token')!;

    const visitor = new Visitor();
    await withMagicLinks(false, async () => {
      expect(await visitor.run(verifyMagicLink, { token })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: errorText('en', 'auth.invalidLink') },
      });
    });
    expect(await signedInAs(visitor)).toBeUndefined();
    expect(await visitor.run(verifyMagicLink, { token })).toHaveProperty('redirect');
    expect(await signedInAs(visitor)).toBe(user.id);
  });
});

describe('the known-device cookie', ROOMY, () => {
  async function lockedOut(): Promise<TestUser> {
    const victim = await createVerifiedUser();
    await attack(victim.email);
    return victim;
  }

  it('of the attacker’s own account does not let them past the victim’s limit', async () => {
    const attackerAccount = await createPasswordUser();
    const attacker = await signInAs(attackerAccount);
    expect(attacker.cookies.has(KNOWN_DEVICE_COOKIE)).toBe(true);
    const victim = await lockedOut();
    // Even the victim's right password: the cookie counts for nothing here.
    expectPausedForAddress(await attacker.run(signIn, { email: victim.email, password: victim.password }));
    expectPausedForAddress(await attacker.run(signIn, { email: victim.email, password: 'a guess' }));
  });

  it('cannot be carried to another account, nor altered', async () => {
    const other = await createVerifiedUser();
    const device = await signInAs(other);
    const victim = await lockedOut();
    // The cookie of a device known to another account, presented for the victim's…
    const stranger = new Visitor();
    stranger.cookies.set(KNOWN_DEVICE_COOKIE, device.cookies.get(KNOWN_DEVICE_COOKIE)!);
    expectPausedForAddress(await stranger.run(signIn, { email: victim.email, password: victim.password }));
    // …or the victim's own device cookie with its signature changed.
    const [id, issued, signature] = (await knownDeviceCookieOf(victim)).split('.');
    const forger = new Visitor();
    forger.cookies.set(
      KNOWN_DEVICE_COOKIE,
      `${id}.${issued}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`,
    );
    expectPausedForAddress(await forger.run(signIn, { email: victim.email, password: victim.password }));
  });

  it('counts for nothing once the password changes: an intruder’s browser from before loses its allowance', async () => {
    const user = await createVerifiedUser();
    const intruder = await signInAs(user);
    const newPassword = 'the owner’s new passphrase';
    expect(await user.visitor.run(changePassword, { currentPassword: user.password, newPassword })).toMatchObject({
      ok: true,
    });
    await attack(user.email);

    expectPausedForAddress(await intruder.run(signIn, { email: user.email, password: newPassword }));
    // The browser that changed the password was issued a new entry with its new session.
    expect(await user.visitor.run(signIn, { email: user.email, password: newPassword })).toEqual({
      redirect: '/dashboard',
    });
  });

  it('still stops guessing: a known device has 10 attempts of its own per 15 minutes', async () => {
    const user = await createVerifiedUser();
    const ownDevice = await signInAs(user);
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ownDevice.run(signIn, { email: user.email, password: `wrong guess ${i}` })),
    );
    for (const outcome of guesses) expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const blocked = refusal(await ownDevice.run(signIn, { email: user.email, password: user.password }));
    expect(blocked).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    // Those guesses did not count against the address: another device of the owner's is fine.
    expect(await new Visitor().run(signIn, { email: user.email, password: user.password })).toEqual({
      redirect: '/dashboard',
    });
  });
});

/** The known-device cookie of the browser the fixture signed the user in with. */
async function knownDeviceCookieOf(user: TestUser) {
  const value = user.visitor.cookies.get(KNOWN_DEVICE_COOKIE);
  expect(value).toBeTruthy();
  return value!;
}

describe('answers for an address under attack', () => {
  it('come more slowly after the first few attempts', ROOMY, async () => {
    const email = uniqueEmail('slowed');
    for (let attempt = 1; attempt <= 6; attempt += 1) await new Visitor().run(signIn, { email, password: 'a guess' });
    const started = performance.now();
    await new Visitor().run(signIn, { email, password: 'a guess' });
    // The seventh attempt waits at least two seconds (a lower bound, not a speed check).
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
  });
});
