import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../support/smtp-server';

/**
 * A real SMTP server, started by the test: the app's transport speaks SMTP to
 * it exactly as it would to a provider.
 */
const { received, port, close: closeSmtp } = await startTestSmtpServer();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.EMAIL_FROM = 'Keel Tests <hello@keel.test>';
afterAll(closeSmtp);

const { sendEmail } = await import('@/platform/email/transport');
const { renderEmail } = await import('@/platform/email/render');
const { ContactReceivedEmail, contactReceivedSubject } = await import('@/features/contact/server');
const { createElement } = await import('react');

describe('sendEmail through SMTP', () => {
  it('delivers a translated template to the recipient, with its HTML and plain-text parts', async () => {
    const { html, text } = await renderEmail(createElement(ContactReceivedEmail, { locale: 'es' }));
    const sent = await sendEmail({ to: 'ada@example.com', subject: contactReceivedSubject('es'), html, text });
    expect(sent.transport).toBe('smtp');
    const delivery = received.at(-1)!;
    expect(delivery.envelopeTo).toEqual(['ada@example.com']);
    expect(delivery.mail.subject).toBe('Hemos recibido tu mensaje — Keel');
    expect(delivery.mail.from?.value).toEqual([{ name: 'Keel Tests', address: 'hello@keel.test' }]);
    expect(delivery.mail.text).toContain('Gracias por escribir a Keel.');
    expect(delivery.mail.html).toMatch(/<html[^>]* lang="es"/);
  });

  it('never lets text in a subject add a header: line breaks and other controls become one line', async () => {
    // As an invitation subject would carry an organization or inviter name that slipped past validation.
    await sendEmail({
      to: 'ada@example.com',
      subject: 'Evil\r\nBcc: x@y\r\nX-Injected: yes \u202eorder',
      html: '<p>x</p>',
      text: 'x',
    });
    const delivery = received.at(-1)!;
    expect(delivery.envelopeTo).toEqual(['ada@example.com']);
    expect(delivery.mail.subject).toBe('Evil Bcc: x@y X-Injected: yes order');
    expect(delivery.mail.bcc).toBeUndefined();
    expect(delivery.mail.headers.has('x-injected')).toBe(false);
    expect([...delivery.mail.headers.keys()].filter((name) => name === 'subject')).toHaveLength(1);
  });

  it('refuses an address that carries a line break, sending nothing', async () => {
    const before = received.length;
    await expect(
      sendEmail({ to: 'ada@example.com\r\nBcc: x@y', subject: 'x', html: '<p>x</p>', text: 'x' }),
    ).rejects.toThrow(/control character/);
    await expect(
      sendEmail({
        to: 'ada@example.com',
        replyTo: 'a@example.com\nBcc: x@y',
        subject: 'x',
        html: '<p>x</p>',
        text: 'x',
      }),
    ).rejects.toThrow(/control character/);
    expect(received.length).toBe(before);
  });

  it('reports a server that refuses as EMAIL_NOT_SENT', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const refusingPort = (refusing.server.address() as net.AddressInfo).port;
    // The transport follows SMTP_URL when it changes.
    const { getServerConfig } = await import('@/platform/config/server-config');
    const config = getServerConfig();
    const original = config.email.smtpUrl;
    config.email.smtpUrl = `smtp://127.0.0.1:${refusingPort}`;
    try {
      await expect(
        sendEmail({ to: 'nobody@example.com', subject: 'x', html: '<p>x</p>', text: 'x' }),
      ).rejects.toMatchObject({ code: 'EMAIL_NOT_SENT', status: 502 });
    } finally {
      config.email.smtpUrl = original;
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
