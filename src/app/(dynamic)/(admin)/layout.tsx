import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import {
  adminAuditPath,
  adminOrganizationsPath,
  adminPath,
  adminSubscriptionsPath,
  adminUsersPath,
  adminWebhooksPath,
} from '@/features/admin';
import { requireSuperAdmin } from '@/features/admin/server';
import { toClientUser, UserProvider } from '@/features/auth';
import { appConfig } from '@/platform/config/app-config';
import { ClientMessages } from '@/platform/i18n/client-messages';
import { LanguageSwitcher } from '@/platform/i18n/language-switcher';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { AppShell } from '../../_shell/app-shell';
import { Logo } from '../../_shell/logo';
import { SIDEBAR_COOKIE } from '../../_shell/navigation';
import { SkipLink } from '../../_shell/skip-link';
import { UserMenu } from '../../_shell/user-menu';

/**
 * The super-admin area (docs/admin/super-admin.md): its own shell, with no organization switcher. Everyone who is
 * not a super admin gets the 404 page here, and again in each page (a layout is not rendered on every navigation).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [{ user }, t, cookieStore] = await Promise.all([requireSuperAdmin(), getTranslations(), cookies()]);
  return (
    <UserProvider user={toClientUser(user)}>
      <SkipLink />
      <AppShell
        sections={[
          {
            label: t('admin.nav.label'),
            items: [
              { path: adminPath, label: t('admin.overview.navLabel'), icon: 'home' },
              { path: adminUsersPath, label: t('admin.nav.users'), icon: 'members' },
              { path: adminOrganizationsPath, label: t('admin.nav.organizations'), icon: 'organization' },
              { path: adminAuditPath, label: t('admin.nav.audit'), icon: 'audit' },
              { path: appConfig.paths.dashboard, label: t('admin.nav.back'), icon: 'dashboard' },
            ],
          },
          {
            label: t('admin.billing.nav.label'),
            items: [
              { path: adminSubscriptionsPath, label: t('admin.billing.nav.subscriptions'), icon: 'billing' },
              { path: adminWebhooksPath, label: t('admin.billing.nav.webhooks'), icon: 'contact' },
            ],
          },
        ]}
        initiallyCollapsed={cookieStore.get(SIDEBAR_COOKIE)?.value === 'collapsed'}
        labels={{
          sidebar: t('app.sidebar.label'),
          collapse: t('app.sidebar.collapse'),
          expand: t('app.sidebar.expand'),
          openMenu: t('common.navigation.openMenu'),
          closeMenu: t('common.navigation.closeMenu'),
          breadcrumb: t('app.topbar.breadcrumb'),
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
        {/* What the admin pages' client components say (the users table, the actions, the audit log). */}
        <ClientMessages paths={['admin', 'audit', 'organizations.roles']}>{children}</ClientMessages>
      </AppShell>
    </UserProvider>
  );
}
