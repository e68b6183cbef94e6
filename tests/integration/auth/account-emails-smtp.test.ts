import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../../support/smtp-server';
import { findFreePort } from '@/platform/net/ports';

/**
 * Account emails over SMTP. The file starts with SMTP_URL pointing at a port
 * where nothing listens (an SMTP outage); one test switches to a real SMTP
 * server started here. Each test file is its own process, so the environment
 * is set before anything reads the server configuration.
 */
process.env.EMAIL_TRANSPORT = 'smtp';
process.env.SMTP_URL = `smtp://127.0.0.1:${await findFreePort()}`;
process.env.EMAIL_FROM = 'Keel Tests <hello@keel.test>';

const { received, port: livePort, close: closeSmtp } = await startTestSmtpServer();
afterAll(closeSmtp);

const { eq, and } = await import('drizzle-orm');
const { confirmEmail, resendVerificationEmail, signUp } = await import('@/features/auth/server/sign-up-actions');
const { requestPasswordReset } = await import('@/features/auth/server/password-reset-actions');
const { requestMagicLink } = await import('@/features/auth/server/magic-link-actions');
const { accounts, users } = await import('@/features/auth/server/schema');
const { getSessionFromHeaders } = await import('@/features/auth/server/session');
const { getServerConfig } = await import('@/platform/config/server-config');
const { db } = await import('@/platform/db/client');
const { errorText, subjectOf } = await import('../../support/messages');
const { TEST_PASSWORD } = await import('../../support/users');
const { Visitor, uniqueEmail } = await import('../../support/visitor');

/** Runs `work` with emails going to the SMTP server started above. */
async function withWorkingSmtp<T>(work: () => Promise<T>): Promise<T> {
  const config = getServerConfig();
  const outage = config.email.smtpUrl;
  config.email.smtpUrl = `smtp://127.0.0.1:${livePort}`;
  try {
    return await work();
  } finally {
    config.email.smtpUrl = outage;
  }
}

function expectEmailNotSent(outcome: unknown, locale: 'en' | 'es' = 'en') {
  expect(outcome).toMatchObject({
    ok: false,
    error: { code: 'EMAIL_NOT_SENT', status: 502, message: errorText(locale, 'EMAIL_NOT_SENT') },
  });
}

describe('account emails through a real SMTP server', () => {
  it('delivers the confirmation email to the new address, with a working link', async () => {
    const email = uniqueEmail();
    const visitor = new Visitor({ locale: 'es' });
    await withWorkingSmtp(() => visitor.run(signUp, { email, password: TEST_PASSWORD }));

    const delivery = received.find((message) => message.envelopeTo.includes(email));
    expect(delivery?.envelopeTo).toEqual([email]);
    expect(delivery?.mail.subject).toBe(subjectOf('verifyEmail', 'es'));
    expect(delivery?.mail.from?.value).toEqual([{ name: 'Keel Tests', address: 'hello@keel.test' }]);
    const link = delivery?.mail.text?.match(/https?:\/\/\S+\/auth\/confirm-email\?token=\S+/)?.[0];
    expect(link).toBeTruthy();
    expect(delivery?.mail.html).toContain(link!.replace(/&/g, '&amp;'));
    const url = new URL(link!);
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3000/auth/confirm-email');
    expect(url.searchParams.get('next')).toBe('/onboarding');

    // The link's page asks for the password, which confirms the address and signs in.
    const token = url.searchParams.get('token')!;
    const confirmed = await visitor.run(confirmEmail, {
      token,
      password: TEST_PASSWORD,
      next: url.searchParams.get('next')!,
    });
    expect(confirmed).toEqual({ redirect: '/onboarding' });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerified).toBe(true);
    expect((await getSessionFromHeaders(visitor.headers()))?.user).toMatchObject({ email, emailVerified: true });
  });
});

describe('when the SMTP server cannot be reached', () => {
  it('sign-up answers EMAIL_NOT_SENT calmly and leaves no account behind', async () => {
    const email = uniqueEmail();
    expectEmailNotSent(await new Visitor({ locale: 'es' }).run(signUp, { email, password: TEST_PASSWORD }), 'es');
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

    // Once mail flows again, the same address signs up normally.
    const retried = await withWorkingSmtp(() => new Visitor().run(signUp, { email, password: TEST_PASSWORD }));
    expect(retried).toEqual({ redirect: `/auth/verify-email?email=${encodeURIComponent(email)}` });
  });

  it('password reset answers EMAIL_NOT_SENT and the account is unchanged', async () => {
    const email = uniqueEmail();
    await withWorkingSmtp(() => new Visitor().run(signUp, { email, password: TEST_PASSWORD }));
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const credential = () =>
      db
        .select()
        .from(accounts)
        .where(and(eq(accounts.userId, user!.id), eq(accounts.providerId, 'credential')));
    const before = await credential();

    expectEmailNotSent(await new Visitor().run(requestPasswordReset, { email }));
    expect(await credential()).toEqual(before);
    expect((await db.select().from(users).where(eq(users.email, email)))[0]).toEqual(user);
  });

  it('magic link and confirmation resend answer EMAIL_NOT_SENT', async () => {
    const email = uniqueEmail();
    expectEmailNotSent(await new Visitor().run(requestMagicLink, { email }));

    const pending = uniqueEmail();
    await withWorkingSmtp(() => new Visitor().run(signUp, { email: pending, password: TEST_PASSWORD }));
    expectEmailNotSent(await new Visitor().run(resendVerificationEmail, { email: pending }));
  });
});
