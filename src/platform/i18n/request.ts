import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { LOCALE_COOKIE, resolveLocale } from './locale';
import { messagesFor } from './messages';

/** next-intl's per-request configuration: which language this request renders in. */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
    defaultLocale: appConfig.locales.default,
  });
  // One time zone on server and client, so formatted dates never differ at hydration.
  return { locale, messages: messagesFor(locale), timeZone: 'UTC' };
});
