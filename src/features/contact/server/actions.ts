'use server';

import { createElement } from 'react';
import { db } from '@/platform/db/client';
import { renderEmail } from '@/platform/email/render';
import { sendEmail } from '@/platform/email/transport';
import { defineAction } from '@/platform/http/action';
import { ContactReceivedEmail, contactReceivedSubject } from '../emails/contact-received';
import { contactRequestSchema } from '../schemas';
import { contactRequests } from './schema';

/**
 * Stores a message from the contact form, then sends the sender a short
 * acknowledgement. The message is what matters: once stored, the visitor is
 * told so even if the acknowledgement cannot be sent (that failure is logged).
 * The acknowledgement repeats nothing the visitor typed, so the form cannot be
 * used to send someone else arbitrary text from our address. Public, so rate
 * limited per client and per recipient.
 */
export const sendContactRequest = defineAction({
  name: 'contact.send',
  input: contactRequestSchema,
  rateLimit: [
    { name: 'contact', limit: 5, windowSeconds: 10 * 60 },
    { name: 'contact-recipient', limit: 3, windowSeconds: 60 * 60, by: (_context, input) => `email:${input.email}` },
  ],
  handler: async (input, context) => {
    const [created] = await db
      .insert(contactRequests)
      .values({ ...input, locale: context.locale })
      .returning({ id: contactRequests.id });
    context.logger.info({ contactRequestId: created!.id }, 'contact request received');
    try {
      const { html, text } = await renderEmail(createElement(ContactReceivedEmail, { locale: context.locale }));
      await sendEmail({ to: input.email, subject: contactReceivedSubject(context.locale), html, text });
    } catch (error) {
      context.logger.warn({ contactRequestId: created!.id, err: error }, 'contact acknowledgement not sent');
    }
    return { name: input.name };
  },
});
