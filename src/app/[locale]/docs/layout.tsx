import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { docsHref } from '@/features/docs';
import { DocsSearch } from '@/features/docs/components/docs-search';
import { appConfig } from '@/platform/config/app-config';
import { PublicLanguageSwitcher } from '@/platform/i18n/public-language-switcher';
import { localizedPath } from '@/platform/seo/localized-path';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { publicPageLocale } from '@/platform/i18n/public-page';
import { Logo } from '../../_shell/logo';
import { SkipLink } from '../../_shell/skip-link';

/** The docs site's frame: a slim header with the search box; each page brings its sidebar and contents. */
export default async function DocsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'docs' });
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-3 px-4">
          <div className="flex min-w-0 items-center gap-3">
            <Link href={localizedPath(locale, '/')} className="rounded-md">
              <Logo showName={false} />
            </Link>
            <Link href={docsHref(locale, '')} className="truncate font-semibold">
              {t('title')}
            </Link>
          </div>
          <div className="flex items-center gap-1">
            <DocsSearch
              home={docsHref(locale, '')}
              labels={{
                open: t('search.open'),
                title: t('search.title'),
                label: t('search.label'),
                placeholder: t('search.placeholder'),
                loading: t('search.loading'),
                hint: t('search.hint'),
                failed: t('search.failed'),
                close: t('search.close'),
                empty: t.raw('search.empty') as string,
              }}
            />
            {appConfig.features.languageSwitcher ? (
              <PublicLanguageSwitcher defaultLocale={appConfig.locales.default} />
            ) : null}
            {appConfig.features.themeSwitcher ? <ThemeSwitcher /> : null}
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}
