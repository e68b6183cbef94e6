import { z } from 'zod';
import type { Locale } from '@/platform/config/app-config';
import { translatorFor } from '@/platform/i18n/translator';
import type { FieldErrors } from './errors';

import { FORM_ERROR_KEY } from './validation-keys';
import { validationMessage, type ErrorsTranslator } from './validation-messages';

/**
 * Validates `input` and reports problems per field, in the user's language.
 *
 * Built-in checks get a translated message from the `errors.validation`
 * namespace. A schema may give its own message as a translation key in that
 * namespace, e.g. `z.string().min(12, 'validation.tooShort')`.
 */
export function validateInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const t = translatorFor(locale, 'errors');
  const result = schema.safeParse(input, { error: (issue) => validationMessage(issue, t as ErrorsTranslator) });
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : FORM_ERROR_KEY;
    const message =
      issue.message.startsWith('validation.') && t.has(issue.message as never)
        ? t(issue.message as never, boundsOf(issue) as never)
        : issue.message;
    (fieldErrors[key] ??= []).push(message);
  }
  return { ok: false, fieldErrors };
}

/**
 * The limits a size check carries, for a schema's own message that names
 * them ("Invite at most {maximum} addresses at once."): without them the
 * message cannot be formatted and the user would read its key.
 */
function boundsOf(issue: z.core.$ZodIssue): Record<string, number> {
  const bounds: Record<string, number> = {};
  if ('minimum' in issue) bounds.minimum = Number(issue.minimum);
  if ('maximum' in issue) bounds.maximum = Number(issue.maximum);
  return bounds;
}

/**
 * Turns FormData or URLSearchParams into a plain object for validation:
 * repeated names become arrays; Next.js' own `$ACTION_*` fields are dropped.
 */
export function entriesToObject(
  entries: FormData | URLSearchParams,
  omit: readonly string[] = [],
): Record<string, unknown> {
  // A Map, so names like "__proto__" or "constructor" are plain fields, not the object's own machinery.
  const fields = new Map<string, unknown>();
  for (const [key, value] of entries.entries()) {
    if (key.startsWith('$ACTION') || omit.includes(key)) continue;
    const existing = fields.get(key);
    if (existing === undefined) fields.set(key, value);
    else if (Array.isArray(existing)) existing.push(value);
    else fields.set(key, [existing, value]);
  }
  return Object.fromEntries(fields);
}
