import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getUser } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { LanguageSwitcher } from '@/platform/i18n/language-switcher';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { Button } from '@/ui/button';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { visibleItems } from './navigation';

/**
 * The marketing site's header: logo, menu from configuration, switchers, and
 * the way in — "Sign in" and "Get started" for visitors, "Dashboard" once
 * signed in; a drawer on small screens.
 */
export async function MarketingHeader() {
  const [t, user] = await Promise.all([getTranslations(), getUser()]);
  const items = visibleItems(appConfig.navigation.marketing, { features: appConfig.features }).map((item) => ({
    path: item.path,
    label: t(item.labelKey as never),
  }));
  return (
    <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4">
        <Link href="/" className="rounded-md">
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
          {appConfig.features.languageSwitcher ? <LanguageSwitcher /> : null}
          {appConfig.features.themeSwitcher ? <ThemeSwitcher /> : null}
          {user ? (
            <Button asChild size="sm" className="ml-1">
              <Link href={appConfig.paths.dashboard}>{t('common.navigation.dashboard')}</Link>
            </Button>
          ) : (
            <>
              <Button asChild size="sm" variant="ghost" className="ml-1">
                <Link href={appConfig.paths.signIn}>{t('common.navigation.signIn')}</Link>
              </Button>
              <Button asChild size="sm" className="hidden sm:inline-flex">
                <Link href={appConfig.paths.signUp}>{t('common.navigation.getStarted')}</Link>
              </Button>
            </>
          )}
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
