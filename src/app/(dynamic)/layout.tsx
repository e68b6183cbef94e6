import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import type { CSSProperties, ReactNode } from 'react';
import { appConfig } from '@/platform/config/app-config';
import { CsrfTokenProvider } from '@/platform/http/client/csrf-token-provider';
import { getCsrfToken } from '@/platform/http/csrf-token';
import { CLIENT_ERROR_MESSAGES, pickMessages } from '@/platform/i18n/messages';
import { brandCssVariables } from '@/platform/theme/brand-palette';
import { parseTheme, serverThemeClass, THEME_COOKIE, themeBootScript } from '@/platform/theme/theme';
import { ThemeProvider } from '@/platform/theme/theme-provider';
import { Toaster } from '@/ui/toast';
import { TooltipProvider } from '@/ui/tooltip';
import { ErrorPageLabels } from '../_shell/error-page-labels';
// The brand font: Fontsource's stylesheet, resolved and self-hosted by the bundler (docs/look/updating-the-fonts.md).
import '@fontsource-variable/inter/wght.css';
import '../globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    metadataBase: new URL(appConfig.site.url),
    title: { default: appConfig.site.name, template: `%s · ${appConfig.site.name}` },
    description: t('footer.tagline'),
    applicationName: appConfig.site.name,
    openGraph: { siteName: appConfig.site.name, type: 'website' },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f18' },
  ],
};

// Computed once: the brand colour only changes with a new build.
const brandStyle = brandCssVariables(appConfig.theme.brandColor) as CSSProperties;

/** The document: language, theme (applied before first paint), brand colours, and the providers every page needs. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, csrfToken, cookieStore, headerList, t] = await Promise.all([
    getLocale(),
    getCsrfToken(),
    cookies(),
    headers(),
    getTranslations('common'),
  ]);
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
        {/* Only what every page's client components use: layouts and pages add theirs (ClientMessages). */}
        <NextIntlClientProvider messages={pickMessages(locale, ['common', ...CLIENT_ERROR_MESSAGES])}>
          <CsrfTokenProvider token={csrfToken}>
            <ThemeProvider initialTheme={theme}>
              <TooltipProvider>
                <ErrorPageLabels>{children}</ErrorPageLabels>
                <Toaster
                  closeLabel={t('close')}
                  regionLabel={t.raw('notifications.region') as string}
                  toastLabel={t('notifications.toast')}
                />
              </TooltipProvider>
            </ThemeProvider>
          </CsrfTokenProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
