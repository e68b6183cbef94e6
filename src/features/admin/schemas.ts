import { z } from 'zod';
import { calendarDateSchema } from '@/platform/data/table-query';
import { singleLineText } from '@/platform/http/text-fields';

/** One user, by id (unban, sign out everywhere). */
export const userIdSchema = z.object({ userId: singleLineText().min(1).max(200) });

/**
 * A ban: who, why (shown in the audit log, never to the user), and optionally the last day it lasts (YYYY-MM-DD,
 * UTC; empty: until lifted). A day in the past is refused.
 */
export const banUserSchema = z.object({
  userId: singleLineText().min(1).max(200),
  reason: singleLineText().min(3).max(500),
  until: z
    .union([z.literal(''), calendarDateSchema])
    .optional()
    .refine((day) => !day || day >= new Date().toISOString().slice(0, 10), 'validation.notInPast'),
});

/** Deleting a user: their email address typed out, as a check that it is the right account. */
export const deleteUserSchema = z.object({
  userId: singleLineText().min(1).max(200),
  confirmation: singleLineText().min(1).max(320),
});
