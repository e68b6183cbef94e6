import 'server-only';
import { createElement } from 'react';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { renderEmail } from '@/platform/email/render';
import { sendEmail } from '@/platform/email/transport';
import { LOCALE_COOKIE, isLocale, resolveLocale } from '@/platform/i18n/locale';
import { parseCookieHeader } from '@/platform/http/request-context';
import { AccountEmail, accountEmailSubject, type AccountEmailKind, type AccountEmailValues } from '../emails/account-email';

/** Renders and sends one account email (SMTP or the dev mailbox). Throws AppError('EMAIL_NOT_SENT') on failure. */
export async function sendAccountEmail(kind: AccountEmailKind, to: string, locale: Locale, values: AccountEmailValues) {
  const { html, text } = await renderEmail(createElement(AccountEmail, { locale, kind, values }));
  return sendEmail({ to, subject: accountEmailSubject(locale, kind, values), html, text });
}

/** The language of an email: the user's saved preference, else the language of the request that caused it. */
export function localeOfRequest(request?: Request | null, user?: object | null): Locale {
  const preference = (user as { locale?: unknown } | null | undefined)?.locale;
  if (isLocale(preference)) return preference;
  const headers = request?.headers;
  return resolveLocale({
    cookie: headers ? parseCookieHeader(headers.get('cookie')).get(LOCALE_COOKIE) : null,
    acceptLanguage: headers?.get('accept-language'),
    defaultLocale: appConfig.locales.default,
  });
}
