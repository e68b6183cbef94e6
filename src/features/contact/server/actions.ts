'use server';

import { db } from '@/platform/db/client';
import { defineAction } from '@/platform/http/action';
import { contactRequestSchema } from '../schemas';
import { contactRequests } from './schema';

/** Stores a message from the contact form. Public (no sign-in), so rate limited per IP. */
export const sendContactRequest = defineAction({
  name: 'contact.send',
  input: contactRequestSchema,
  rateLimit: { name: 'contact', limit: 5, windowSeconds: 10 * 60 },
  handler: async (input, context) => {
    const [created] = await db
      .insert(contactRequests)
      .values({ ...input, locale: context.locale })
      .returning({ id: contactRequests.id });
    context.logger.info({ contactRequestId: created!.id }, 'contact request received');
    return { name: input.name };
  },
});
