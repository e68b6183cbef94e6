import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { appConfig } from '@/platform/config/app-config';
import { CsrfTokenProvider } from '@/platform/http/client/csrf-token-provider';
import { getCsrfToken } from '@/platform/http/csrf-token';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(appConfig.site.url),
  title: { default: appConfig.site.name, template: `%s · ${appConfig.site.name}` },
  description: appConfig.site.description,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, csrfToken, t] = await Promise.all([getLocale(), getCsrfToken(), getTranslations('common')]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider>
          <CsrfTokenProvider token={csrfToken}>
            <header className="border-b border-border">
              <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4">
                <a href="/" className="text-lg font-semibold text-foreground">
                  {appConfig.site.name}
                </a>
                <nav aria-label={t('navigation.main')}>
                  <ul className="flex gap-4 text-sm">
                    {appConfig.navigation.marketing.filter((item) => !item.feature || appConfig.features[item.feature]).map((item) => (
                      <li key={item.path}>
                        <a className="text-muted-foreground hover:text-foreground" href={item.path}>
                          {t(item.labelKey as 'navigation.home')}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              </div>
            </header>
            <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-12">
              {children}
            </main>
            <footer className="border-t border-border">
              <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted-foreground">
                {t('footer.rights', { year: new Date().getFullYear(), siteName: appConfig.site.name })}
              </p>
            </footer>
          </CsrfTokenProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
