import { z } from 'zod';
import { singleLineText } from '@/platform/http/text-fields';

/**
 * What the organization forms and actions accept. Shared by the server
 * actions and the forms, so the browser shows the field errors the server
 * would. Role names and reserved slugs come from the configuration and are
 * checked on the server.
 */

const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 48;
/** How many addresses one invitation form may carry. */
export const MAX_INVITATIONS_AT_ONCE = 20;

const organizationNameField = singleLineText().min(1).max(80);
/** Lower-case letters, digits and single dashes between them: it is part of every URL of the organization. */
const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN_LENGTH)
  .max(SLUG_MAX_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'validation.slug');
const idField = z.uuid();
const roleField = singleLineText().min(1).max(40);

/** A slug made from a name ("Acme, Inc." → "acme-inc"): the create form proposes it. */
export function slugFromName(name: string) {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug.length >= SLUG_MIN_LENGTH ? slug : slug.padEnd(SLUG_MIN_LENGTH, '0');
}

const emailAddress = z.email();

/**
 * Addresses separated by commas, semicolons, spaces or new lines; duplicates
 * dropped. A bad address is reported on the field itself (`emails`), not on
 * its position in the list (`emails.1`), which no form field would show.
 */
const emailList = z
  .string()
  .max(10_000)
  .transform((value) => [
    ...new Set(
      value
        .split(/[\s,;]+/)
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string())
      .min(1, 'validation.required')
      .max(MAX_INVITATIONS_AT_ONCE, 'validation.tooManyEmails')
      .refine((emails) => emails.every((email) => emailAddress.safeParse(email).success), 'validation.emails'),
  );

export const createOrganizationSchema = z.object({
  name: organizationNameField,
  slug: slugField,
  next: singleLineText().max(2000).optional(),
});
export const updateOrganizationSchema = z.object({
  organizationId: idField,
  name: organizationNameField,
  slug: slugField,
});
export const organizationOnlySchema = z.object({ organizationId: idField });
export const inviteMembersSchema = z.object({ organizationId: idField, emails: emailList, role: roleField });
export const invitationActionSchema = z.object({ organizationId: idField, invitationId: idField });
export const memberActionSchema = z.object({ organizationId: idField, memberId: idField });
export const changeRoleSchema = z.object({ organizationId: idField, memberId: idField, role: roleField });
/** Re-authentication: the password, or a current authenticator code for accounts without one. */
export const transferOwnershipSchema = z.object({
  organizationId: idField,
  memberId: idField,
  password: z.string().min(1).max(128).optional(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'validation.totpCode')
    .optional(),
});
export const deleteOrganizationSchema = z.object({
  organizationId: idField,
  confirmation: singleLineText().min(1).max(80),
  password: z.string().min(1).max(128).optional(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'validation.totpCode')
    .optional(),
});
export const acceptInvitationSchema = z.object({ token: z.string().min(20).max(200) });
export const acceptInvitationByIdSchema = z.object({ invitationId: idField });
const uploadedFile = z.custom<Blob>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).arrayBuffer === 'function' &&
    typeof (value as Blob).size === 'number',
  'validation.required',
);
export const logoUploadSchema = z.object({
  organizationId: idField,
  logo: uploadedFile.refine((file) => file.size > 0, 'validation.required'),
});
