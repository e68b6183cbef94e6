import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/platform/db/client';
import { devMailboxMessages } from './schema';
import { sendEmail } from './transport';

// No SMTP_URL in this file's environment: the dev mailbox is the transport.
describe('sendEmail without SMTP', () => {
  it('stores the message, both parts included, in the dev mailbox', async () => {
    const sent = await sendEmail({
      to: 'ada@example.com',
      subject: 'Verify your email',
      html: '<p>Open <a href="http://localhost:3000/verify?t=1">this</a></p>',
      text: 'Open http://localhost:3000/verify?t=1',
    });
    expect(sent.transport).toBe('mailbox');
    const [stored] = await db.select().from(devMailboxMessages).orderBy(desc(devMailboxMessages.createdAt)).limit(1);
    expect(stored).toMatchObject({
      id: sent.id,
      to: ['ada@example.com'],
      subject: 'Verify your email',
      from: '"Keel" <no-reply@localhost>',
    });
    expect(stored!.text).toContain('http://localhost:3000/verify?t=1');
    expect(stored!.html).toContain('<a href="http://localhost:3000/verify?t=1">');
  });

  it('stores a subject on one line whatever text it was made from', async () => {
    const sent = await sendEmail({
      to: 'ada@example.com',
      subject: 'Evil\r\nBcc: x@y \u2066twist\u2069',
      html: '<p>x</p>',
      text: 'x',
    });
    const [stored] = await db.select().from(devMailboxMessages).where(eq(devMailboxMessages.id, sent.id));
    expect(stored!.subject).toBe('Evil Bcc: x@y twist');
  });
});
