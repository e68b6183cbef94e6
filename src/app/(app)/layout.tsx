import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { toClientUser, UserProvider } from '@/features/auth';
import { requireUser } from '@/features/auth/server/session';
import { appConfig } from '@/platform/config/app-config';
import { LanguageSwitcher } from '@/platform/i18n/language-switcher';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { AppShell } from '../_shell/app-shell';
import { Logo } from '../_shell/logo';
import { SIDEBAR_COOKIE, visibleSections } from '../_shell/navigation';
import { SkipLink } from '../_shell/skip-link';
import { UserMenu } from '../_shell/user-menu';

/**
 * The application area, for signed-in users who finished onboarding (others
 * are sent to sign in or to onboarding). Pages below check again with
 * requireUser() where they read user data: a layout does not re-render on
 * every navigation. The organizations capability puts its switcher in
 * `sidebarHeader`.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const [user, t, cookieStore] = await Promise.all([requireUser(), getTranslations(), cookies()]);
  const sections = visibleSections(appConfig.navigation.sidebar, { features: appConfig.features }).map((section) => ({
    label: t(section.labelKey as never),
    items: section.items.map((item) => ({ path: item.path, label: t(item.labelKey as never), icon: item.icon })),
  }));
  return (
    <UserProvider user={toClientUser(user)}>
      <SkipLink />
      <AppShell
      sections={sections}
      initiallyCollapsed={cookieStore.get(SIDEBAR_COOKIE)?.value === 'collapsed'}
      labels={{
        sidebar: t('app.sidebar.label'),
        collapse: t('app.sidebar.collapse'),
        expand: t('app.sidebar.expand'),
        openMenu: t('common.navigation.openMenu'),
        closeMenu: t('common.navigation.closeMenu'),
      }}
      logo={
        <Link href="/" className="rounded-md">
          <Logo />
        </Link>
      }
      topbarActions={
        <>
          {appConfig.features.languageSwitcher ? <LanguageSwitcher /> : null}
          {appConfig.features.themeSwitcher ? <ThemeSwitcher /> : null}
          <UserMenu user={user} />
        </>
      }
    >
      {children}
      </AppShell>
    </UserProvider>
  );
}
