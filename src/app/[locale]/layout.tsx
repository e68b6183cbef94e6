import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import type { CSSProperties, ReactNode } from 'react';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import { CsrfTokenProvider } from '@/platform/http/client/csrf-token-provider';
import { brandCssVariables } from '@/platform/theme/brand-palette';
import { serverThemeClass, themeBootScript } from '@/platform/theme/theme';
import { ThemeProvider } from '@/platform/theme/theme-provider';
import { publicPageLocale } from '@/platform/i18n/public-page';
import { ErrorPageLabels } from '../_shell/error-page-labels';
// The brand font: Fontsource's stylesheet, resolved and self-hosted by the bundler (docs/look/updating-the-fonts.md).
import '@fontsource-variable/inter/wght.css';
import '../globals.css';

/**
 * The root layout of the public site (marketing, blog, docs, legal): prerendered
 * once per language at build, the same bytes for every visitor. It reads no
 * cookie, header or session (that would render it per request): the language
 * comes from the URL, the theme from the boot script, which applies the
 * visitor's stored choice before the first paint. Guide: docs/navigation/public-pages.md.
 */
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

// Only these languages: `/auth/nope` or `/en/no-such-page` match no page and get src/app/global-not-found.tsx.
export const dynamicParams = false;

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'common' });
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

const brandStyle = brandCssVariables(appConfig.theme.brandColor) as CSSProperties;

export default async function PublicRootLayout({ children, params }: Props) {
  const locale = await publicPageLocale(params);
  // Server markup uses the configured default; the boot script below switches to the visitor's choice.
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
        {/* No nonce (prerendered): the CSP allows it by its hash (proxy.ts). */}
        <script dangerouslySetInnerHTML={{ __html: themeBootScript(theme) }} />
      </head>
      <body>
        {/* No message provider: the public pages' client components take their words as props, so their scripts
            carry no message formatter; a page whose client components need next-intl wraps them in its own. */}
        <ErrorPageLabels locale={locale}>
          {/* Prerendered HTML carries no token: a page with a form renders per request (public-pages.md). */}
          <CsrfTokenProvider token={null}>
            <ThemeProvider initialTheme={theme}>{children}</ThemeProvider>
          </CsrfTokenProvider>
        </ErrorPageLabels>
      </body>
    </html>
  );
}
