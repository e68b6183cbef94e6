import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import type { CSSProperties } from 'react';
import { appConfig } from '@/platform/config/app-config';
import { PATH_HEADER } from '@/platform/http/request-context';
import { LOCALE_COOKIE, resolveLocale } from '@/platform/i18n/locale';
import { publicRoute } from '@/platform/i18n/public-paths';
import { brandCssVariables } from '@/platform/theme/brand-palette';
import { parseTheme, serverThemeClass, THEME_COOKIE, themeBootScript } from '@/platform/theme/theme';
import { NotFoundPage } from './_shell/not-found-page';
import '@fontsource-variable/inter/wght.css';
import './globals.css';

/**
 * Every URL that matches no page, public or not (`/no-such-page`, `/es/nope`, `/auth/nope`): with two root
 * layouts (the public `[locale]` one and `(dynamic)`) there is none to wrap a 404 in, so Next.js renders this
 * whole document (experimental `globalNotFound`). `[locale]` accepts only its languages (`dynamicParams`), so
 * unknown public paths end here too rather than in a `notFound()` of a catch-all page: Next.js 16.4 sends a
 * page's `notFound()` as an empty error shell that only JavaScript fills (decision 0049), this one as HTML.
 * Rendered per request: the language of the URL (or the visitor's), the theme cookie, the CSP nonce.
 */
export const metadata: Metadata = {
  metadataBase: new URL(appConfig.site.url),
  title: `404 · ${appConfig.site.name}`,
};

const brandStyle = brandCssVariables(appConfig.theme.brandColor) as CSSProperties;

export default async function GlobalNotFound() {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  // Only picks the language (any value gives one of ours); split rather than parsed, so no path can make it throw.
  const path = (headerList.get(PATH_HEADER) ?? '/').split('?')[0]!;
  const route = publicRoute(path, appConfig.locales.default);
  const locale =
    route && route.action !== 'redirect'
      ? route.locale
      : resolveLocale({
          cookie: cookieStore.get(LOCALE_COOKIE)?.value,
          acceptLanguage: headerList.get('accept-language'),
          defaultLocale: appConfig.locales.default,
        });
  setRequestLocale(locale);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value, appConfig.theme.default);
  const nonce = headerList.get('x-nonce') ?? undefined;
  return (
    <html
      lang={locale}
      className={serverThemeClass(theme)}
      style={brandStyle}
      data-theme={theme}
      suppressHydrationWarning
    >
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript(appConfig.theme.default) }} />
      </head>
      <body>
        <NotFoundPage />
      </body>
    </html>
  );
}
