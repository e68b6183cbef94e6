import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { isLocale, LOCALE_COOKIE, resolveLocale } from './locale';
import { messagesFor } from './messages';

/**
 * next-intl's per-request configuration: which language this request renders in.
 * Public pages name it in their URL (`[locale]`, passed on by `setRequestLocale`),
 * so they render without reading the request and can be prerendered. The rest
 * of the app follows the visitor: saved cookie, then Accept-Language.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const fromRoute = await requestLocale;
  const locale = isLocale(fromRoute) ? fromRoute : await visitorLocale();
  // One time zone on server and client, so formatted dates never differ at hydration.
  return { locale, messages: messagesFor(locale), timeZone: 'UTC' };
});

async function visitorLocale() {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
    defaultLocale: appConfig.locales.default,
  });
}
