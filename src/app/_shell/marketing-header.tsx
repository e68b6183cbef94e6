import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { PublicLanguageSwitcher } from '@/platform/i18n/public-language-switcher';
import { publicHref } from '@/platform/i18n/public-paths';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { AccountLinks } from './account-links';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { visibleItems } from './navigation';

/**
 * The marketing site's header: logo, menu from configuration, switchers, and
 * the way in ("Sign in" and "Get started", or "Dashboard" once signed in:
 * AccountLinks decides in the browser, the header being prerendered); a
 * drawer on small screens.
 */
export async function MarketingHeader() {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const href = (path: string) => publicHref(locale, path, appConfig.locales.default);
  const items = visibleItems(appConfig.navigation.marketing, { features: appConfig.features }).map((item) => ({
    path: href(item.path),
    label: t(item.labelKey as never),
  }));
  return (
    <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4">
        <Link href={href('/')} className="rounded-md">
          <Logo />
        </Link>
        <nav aria-label={t('common.navigation.main')} className="hidden md:block">
          <ul className="flex items-center gap-6 text-sm font-medium">
            {items.map((item) => (
              <li key={item.path}>
                <Link className="text-muted-foreground transition-colors hover:text-foreground" href={item.path}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-1">
          {appConfig.features.languageSwitcher ? (
            <PublicLanguageSwitcher defaultLocale={appConfig.locales.default} />
          ) : null}
          {appConfig.features.themeSwitcher ? <ThemeSwitcher /> : null}
          <AccountLinks
            dashboard={{ href: appConfig.paths.dashboard, label: t('common.navigation.dashboard') }}
            signIn={{ href: appConfig.paths.signIn, label: t('common.navigation.signIn') }}
            signUp={{ href: appConfig.paths.signUp, label: t('common.navigation.getStarted') }}
          />
          <MobileMenu
            items={items}
            labels={{
              open: t('common.navigation.openMenu'),
              close: t('common.navigation.closeMenu'),
              title: t('common.navigation.menu'),
            }}
          />
        </div>
      </div>
    </header>
  );
}
