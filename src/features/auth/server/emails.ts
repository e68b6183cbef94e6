import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createElement } from 'react';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { renderEmail } from '@/platform/email/render';
import { sendEmail } from '@/platform/email/transport';
import { AppError } from '@/platform/http/errors';
import { LOCALE_COOKIE, isLocale, resolveLocale } from '@/platform/i18n/locale';
import { parseCookieHeader, type RequestContext } from '@/platform/http/request-context';
import { accountEmailSubject, type AccountEmailKind, type AccountEmailValues } from '../emails/account-email-words';
import type { SignedInUser } from './session';

/**
 * What the request being served knows that better-auth's email callbacks do
 * not: when our actions call better-auth on the server, the callbacks receive
 * no Request, so the language comes from here; and some senders run through
 * better-auth's "background" helper, which only logs a failure, so failures
 * are counted here for the actions that must report them.
 */
interface EmailScope {
  locale?: Locale;
  failures?: { count: number };
}
const emailScope = new AsyncLocalStorage<EmailScope>();

/** Runs `work` (a better-auth call for a request) so that the emails it sends use the request's language. */
export function inRequestLanguage<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  return emailScope.run({ ...emailScope.getStore(), locale }, work);
}

/**
 * Runs `work` and throws AppError('EMAIL_NOT_SENT') if an account email sent
 * during it failed — even one whose failure better-auth caught and only logged.
 */
export async function requireEmailDelivery<T>(work: () => Promise<T>): Promise<T> {
  const failures = { count: 0 };
  const result = await emailScope.run({ ...emailScope.getStore(), failures }, work);
  if (failures.count > 0) throw new AppError('EMAIL_NOT_SENT');
  return result;
}

/** Renders and sends one account email (SMTP or the dev mailbox). Throws AppError('EMAIL_NOT_SENT') on failure. */
export async function sendAccountEmail(kind: AccountEmailKind, to: string, locale: Locale, values: AccountEmailValues) {
  try {
    // The template (React Email) is loaded when a message is sent, not by every module that imports auth.
    const { AccountEmail } = await import('../emails/account-email');
    const { html, text } = await renderEmail(createElement(AccountEmail, { locale, kind, values }));
    return await sendEmail({ to, subject: accountEmailSubject(locale, kind, values), html, text });
  } catch (error) {
    const failures = emailScope.getStore()?.failures;
    if (failures) failures.count += 1;
    throw error;
  }
}

/**
 * The language of an email: the user's saved preference, else the language of
 * the request that caused it (its cookie and Accept-Language, or the language
 * of the action that called better-auth).
 */
export function localeOfRequest(request?: Request | null, user?: object | null): Locale {
  const preference = (user as { locale?: unknown } | null | undefined)?.locale;
  if (isLocale(preference)) return preference;
  const headers = request?.headers;
  if (!headers) return emailScope.getStore()?.locale ?? appConfig.locales.default;
  return resolveLocale({
    cookie: parseCookieHeader(headers.get('cookie')).get(LOCALE_COOKIE),
    acceptLanguage: headers.get('accept-language'),
    defaultLocale: appConfig.locales.default,
  });
}

/** The language of an email to a signed-in user about their account: theirs, else the request's. */
export function emailLocale(context: RequestContext, user: SignedInUser) {
  return isLocale(user.locale) ? user.locale : context.locale;
}
