import type { z } from 'zod';

/**
 * A translator for the `errors` namespace: next-intl's `useTranslations('errors')` or `translatorFor(locale,
 * 'errors')`.
 */
export type ErrorsTranslator = (key: `validation.${string}`, values?: Record<string, string | number>) => string;

/** The translated message for a built-in zod check. Shared by the server (actions, routes) and the browser (forms). */
export function validationMessage(issue: z.core.$ZodRawIssue, t: ErrorsTranslator): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { minimum: Number(issue.minimum) });
      }
      return t('validation.tooSmall', { minimum: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { maximum: Number(issue.maximum) })
        : t('validation.tooBig', { maximum: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.invalidOption');
    case 'unrecognized_keys':
      return t('validation.unexpectedField');
    default:
      return t('validation.invalid');
  }
}
