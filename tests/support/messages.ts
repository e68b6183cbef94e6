import { accountEmailSubject, type AccountEmailKind } from '@/features/auth/server';
import type { Locale } from '@/platform/config/app-config';
import { translatorFor } from '@/platform/i18n/translator';

/**
 * A message of the `errors` namespace as a user of `locale` reads it, e.g. errorText('es', 'auth.invalidCredentials').
 */
export function errorText(locale: Locale, key: string, values?: Record<string, string | number>) {
  const t = translatorFor(locale, 'errors');
  return t(key as never, values as never);
}

/** The subject line of an account email. */
export function subjectOf(kind: AccountEmailKind, locale: Locale = 'en') {
  return accountEmailSubject(locale, kind, {});
}
