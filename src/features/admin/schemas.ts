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

/** Deleting an organization: its id, and its slug typed again to confirm. */
export const deleteOrganizationSchema = z.object({
  organizationId: singleLineText().min(1).max(200),
  confirmation: singleLineText().min(1).max(200),
});

/** Making one of its members the organization's owner. */
export const transferOrganizationSchema = z.object({
  organizationId: singleLineText().min(1).max(200),
  memberId: singleLineText().min(1).max(200),
});

/**
 * A plan grant: which product, through which day (YYYY-MM-DD, UTC, today or later, at most five years ahead), and
 * why — required, a sentence: the organization's owners and admins read it in their audit log.
 */
export const grantPlanSchema = z.object({
  organizationId: singleLineText().min(1).max(200),
  productId: singleLineText().min(1).max(100),
  until: calendarDateSchema
    .refine((day) => day >= new Date().toISOString().slice(0, 10), 'validation.notInPast')
    .refine((day) => day <= fiveYearsAhead(), 'admin.organizations.grantTooLong'),
  reason: singleLineText().min(10).max(500),
});

function fiveYearsAhead() {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() + 5);
  return day.toISOString().slice(0, 10);
}
