import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { isSingleLine, toSingleLine } from '@/platform/http/text-fields';
import { logger } from '@/platform/logger';
import { devMailboxMessages } from './schema';

export interface OutgoingEmail {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
}

export interface SentEmail {
  transport: 'smtp' | 'mailbox';
  id: string;
}

let smtp: { url: string; transporter: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp = {
      url,
      transporter: nodemailer.createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return smtp.transporter;
}

function senderAddress() {
  return toSingleLine(
    getServerConfig().email.from ?? `"${appConfig.site.name.replace(/"/g, '')}" <no-reply@localhost>`,
  );
}

/**
 * Header values never carry a line break or another control character, whoever wrote them:
 * a subject made from a name people chose ("Evil\r\nBcc: …") is kept to one line, and an
 * address with such a character is refused (no valid address has one).
 */
function headerSafe(email: OutgoingEmail): OutgoingEmail & { to: string[] } {
  const to = Array.isArray(email.to) ? email.to : [email.to];
  for (const address of [...to, ...(email.replyTo ? [email.replyTo] : [])]) {
    if (!isSingleLine(address))
      throw new Error(`sendEmail: an address with a control character: ${JSON.stringify(address)}`);
  }
  return { ...email, to, subject: toSingleLine(email.subject) };
}

/**
 * Sends one email: through SMTP when SMTP_URL is set, otherwise into the dev
 * mailbox (PostgreSQL, shown at /dev/mailbox). A delivery failure is logged
 * with its cause and thrown as AppError('EMAIL_NOT_SENT'), which actions show
 * as a calm, translated message — run the send inside the transaction of the
 * change it belongs to, so a failure leaves nothing half-done.
 */
export async function sendEmail(outgoing: OutgoingEmail): Promise<SentEmail> {
  const email = headerSafe(outgoing);
  const { to } = email;
  const from = senderAddress();
  const { smtpUrl, transport } = getServerConfig().email;

  if (transport === 'mailbox' || !smtpUrl) {
    const [stored] = await db
      .insert(devMailboxMessages)
      .values({ from, to, subject: email.subject, html: email.html, text: email.text })
      .returning({ id: devMailboxMessages.id });
    logger.info({ to, subject: email.subject, mailboxId: stored!.id }, 'email stored in the dev mailbox');
    return { transport: 'mailbox', id: stored!.id };
  }

  try {
    const info = await smtpTransport(smtpUrl).sendMail({
      from,
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      replyTo: email.replyTo,
    });
    logger.info({ to, subject: email.subject, messageId: info.messageId }, 'email sent');
    return { transport: 'smtp', id: info.messageId };
  } catch (error) {
    logger.error({ to, subject: email.subject, reason: (error as Error).message }, 'email could not be sent');
    throw new AppError('EMAIL_NOT_SENT');
  }
}
