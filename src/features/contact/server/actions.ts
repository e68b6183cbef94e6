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
 * Stores a message from the contact form and emails the sender a copy. Both
 * happen in one transaction: if the email cannot be sent, nothing is stored
 * and the visitor is told to try again. Public (no sign-in), so rate limited.
 */
export const sendContactRequest = defineAction({
  name: 'contact.send',
  input: contactRequestSchema,
  rateLimit: { name: 'contact', limit: 5, windowSeconds: 10 * 60 },
  handler: async (input, context) => {
    const { html, text } = await renderEmail(createElement(ContactReceivedEmail, { locale: context.locale, name: input.name, message: input.message }));
    const id = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(contactRequests)
        .values({ ...input, locale: context.locale })
        .returning({ id: contactRequests.id });
      await sendEmail({ to: input.email, subject: contactReceivedSubject(context.locale), html, text });
      return created!.id;
    });
    context.logger.info({ contactRequestId: id }, 'contact request received');
    return { name: input.name };
  },
});
