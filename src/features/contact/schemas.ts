import { z } from 'zod';
import { multiLineText, singleLineText } from '@/platform/http/text-fields';

/** What the contact form sends. Used by the server action and the form alike. */
export const contactRequestSchema = z.object({
  name: singleLineText().min(1).max(100),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  message: multiLineText().min(10).max(5000),
});

export type ContactRequestInput = z.input<typeof contactRequestSchema>;
