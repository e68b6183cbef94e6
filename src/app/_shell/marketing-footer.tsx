import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { publicHref } from '@/platform/i18n/public-paths';
import { Logo } from './logo';
import { visibleSections } from './navigation';

/** The marketing footer: link groups from configuration. */
export async function MarketingFooter() {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <footer className="border-t bg-muted/40">
      {/* One row on wide screens, whatever the number of link groups: the brand, then a column per group. */}
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:auto-cols-fr lg:grid-flow-col lg:grid-cols-[2fr]">
        <div className="space-y-3">
          <Logo />
          <p className="max-w-sm text-sm text-muted-foreground">{t('common.footer.tagline')}</p>
        </div>
        {visibleSections(appConfig.navigation.footer, { features: appConfig.features }).map((group) => (
          <nav key={group.labelKey} aria-label={t(group.labelKey as never)}>
            <h2 className="text-sm font-semibold">{t(group.labelKey as never)}</h2>
            <ul className="mt-3 space-y-2 text-sm">
              {group.items.map((item) => (
                <li key={item.path}>
                  <Link
                    href={publicHref(locale, item.path, appConfig.locales.default)}
                    className="text-muted-foreground hover:text-foreground"
                  >
                    {t(item.labelKey as never)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <p className="mx-auto max-w-6xl px-4 pb-8 text-sm text-muted-foreground">
        {t('common.footer.rights', { year: new Date().getFullYear(), siteName: appConfig.site.name })}
      </p>
    </footer>
  );
}
