import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText } from '../support/messages';
import { startTestSmtpServer } from '../support/smtp-server';
import { startApp, type AppProcess } from './support/app-process';
import { startTestDatabase, type TestDatabase } from './support/database';
import { HttpVisitor } from './support/http-visitor';
import { createMembers, RESILIENCE_PASSWORD, signIn, type Member } from './support/world';

/**
 * The SMTP server goes away while the app runs (decision 0023): emails are
 * sent while the request waits, so the person is told at once, in their
 * language, and nothing is lost — a sign-up whose confirmation could not
 * leave is undone (the address can sign up again later), invitations stay
 * saved and go out when sent again, a contact message is kept. The app
 * speaks real SMTP to a real server (tests/support/smtp-server.ts), which the
 * test stops mid-run and starts again on the same port.
 */
const SIGN_UP_ACTIONS = 'src/features/auth/server/sign-up-actions.ts';
const ORGANIZATION_ACTIONS = 'src/features/organizations/server/actions.ts';

let database: TestDatabase;
let app: AppProcess;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let owner: Member;
let ownerVisitor: HttpVisitor;

beforeAll(async () => {
  database = await startTestDatabase();
  smtp = await startTestSmtpServer();
  app = await startApp({
    databaseUrl: database.url,
    env: { EMAIL_TRANSPORT: 'smtp', SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_FROM: 'Keel <hello@keel.test>' },
  });
  [owner] = (await createMembers(database, 1)) as [Member];
  ownerVisitor = new HttpVisitor(app.url);
  await signIn(ownerVisitor, owner);
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await database?.dispose();
});

const signUp = (email: string) =>
  new HttpVisitor(app.url).action('/auth/sign-up', SIGN_UP_ACTIONS, 'signUp', { email, password: RESILIENCE_PASSWORD });
const invite = (email: string) =>
  ownerVisitor.action(`/dashboard/${owner.slug}/members`, ORGANIZATION_ACTIONS, 'inviteMembersAction', {
    organizationId: owner.organizationId,
    emails: email,
    role: 'member',
  });
const delivered = (email: string) => smtp.received.filter((message) => message.envelopeTo.includes(email)).length;
const usersWith = (email: string) => database.query('select id from users where email = $1', [email]);

describe('SMTP goes down mid-run', () => {
  it('before: a sign-up and an invitation are emailed', async () => {
    const email = `before-${Date.now()}@example.com`;
    expect((await signUp(email)).redirect).toContain('/auth/verify-email');
    expect(delivered(email)).toBe(1);
    const invited = `invited-before-${Date.now()}@example.com`;
    expect((await invite(invited)).result).toMatchObject({ ok: true });
    expect(delivered(invited)).toBe(1);
  });

  it('during: each is told clearly, and nothing is lost; after: the same requests succeed', async () => {
    await smtp.close();
    const port = smtp.port;

    // Sign-up: refused with the translated message and a request id, and undone — no account that could never be
    // confirmed.
    const email = `during-${Date.now()}@example.com`;
    const refused = await signUp(email);
    expect(refused.result).toMatchObject({
      ok: false,
      error: { code: 'EMAIL_NOT_SENT', message: errorText('en', 'EMAIL_NOT_SENT') },
    });
    expect(refused.result?.error?.requestId).toBeTruthy();
    expect(await usersWith(email)).toHaveLength(0);

    // Invitation: kept (it is in the list), and the inviter is told the email did not go and what to do.
    const invited = `invited-during-${Date.now()}@example.com`;
    const notSent = await invite(invited);
    expect(notSent.result).toMatchObject({
      ok: false,
      error: { code: 'EMAIL_NOT_SENT', message: errorText('en', 'organizations.invitationEmailNotSent') },
    });
    expect(await database.query(`select status from invitations where email = $1`, [invited])).toEqual([
      { status: 'pending' },
    ]);

    // Contact form: the message is kept and the visitor told so; only the acknowledgement is missing.
    const contact = await new HttpVisitor(app.url).action(
      '/contact',
      'src/features/contact/server/actions.ts',
      'sendContactRequest',
      {
        name: 'Grace',
        email: `contact-${Date.now()}@example.com`,
        message: 'Written while the mail server was down.',
      },
    );
    expect(contact.result).toMatchObject({ ok: true });
    expect(
      await database.query(`select name from contact_requests where message = $1`, [
        'Written while the mail server was down.',
      ]),
    ).toEqual([{ name: 'Grace' }]);

    // SMTP is back on the same address: the same address signs up, the same invitation goes out.
    smtp = await startTestSmtpServer(port);
    expect((await signUp(email)).redirect).toContain('/auth/verify-email');
    expect(delivered(email)).toBe(1);
    expect((await invite(invited)).result).toMatchObject({ ok: true });
    expect(delivered(invited)).toBe(1);
    expect(await database.query(`select status from invitations where email = $1`, [invited])).toEqual([
      { status: 'pending' },
    ]);
  });

  it('a server that accepts the connection and never answers: the person still gets an answer, within the transport timeouts', async () => {
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentApp = await startApp({
      databaseUrl: database.url,
      env: { EMAIL_TRANSPORT: 'smtp', SMTP_URL: `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}` },
    });
    try {
      const email = `silent-${Date.now()}@example.com`;
      const refused = await new HttpVisitor(silentApp.url).action(
        '/auth/sign-up',
        SIGN_UP_ACTIONS,
        'signUp',
        { email, password: RESILIENCE_PASSWORD },
        { timeoutMs: 60_000 },
      );
      expect(refused.result).toMatchObject({ ok: false, error: { code: 'EMAIL_NOT_SENT' } });
      expect(await usersWith(email)).toHaveLength(0);
    } finally {
      await silentApp.stop();
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
