import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import type { CSSProperties } from 'react';
import { appConfig } from '@/platform/config/app-config';
import { brandCssVariables } from '@/platform/theme/brand-palette';
import { serverThemeClass, themeBootScript } from '@/platform/theme/theme';
import { NotFoundPage } from './_shell/not-found-page';
import '@fontsource-variable/inter/wght.css';
import './globals.css';

/**
 * A URL no page matches outside the public site (`/auth/nope`, `/api/nope`):
 * with two root layouts (public `[locale]` and `(dynamic)`) there is none to
 * wrap a 404 in, so Next.js renders this whole document (experimental
 * `globalNotFound`). Public URLs never get here: the proxy sends them to
 * `[locale]`, whose `[...rest]` page answers in the URL's language.
 */
export const metadata: Metadata = { title: `404 · ${appConfig.site.name}` };

const brandStyle = brandCssVariables(appConfig.theme.brandColor) as CSSProperties;

export default function GlobalNotFound() {
  const locale = appConfig.locales.default;
  setRequestLocale(locale);
  const theme = appConfig.theme.default;
  return (
    <html
      lang={locale}
      className={serverThemeClass(theme)}
      style={brandStyle}
      data-theme={theme}
      suppressHydrationWarning
    >
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript(theme) }} />
      </head>
      <body>
        <NotFoundPage />
      </body>
    </html>
  );
}
