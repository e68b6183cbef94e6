import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { ImpersonationBanner } from '@/features/admin/components/impersonation-banner';
import { toClientUser, UserProvider } from '@/features/auth';
import { requireUser } from '@/features/auth/server';
import { LastOrganizationProvider, OrganizationSwitcher } from '@/features/organizations';
import { listOrganizationsOfUser, rememberedOrganization } from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';
import { ClientMessages } from '@/platform/i18n/client-messages';
import { LanguageSwitcher } from '@/platform/i18n/language-switcher';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { AppShell } from '../../_shell/app-shell';
import { Logo } from '../../_shell/logo';
import { enabledSections, SIDEBAR_COOKIE } from '../../_shell/navigation';
import { SkipLink } from '../../_shell/skip-link';
import { UserMenu } from '../../_shell/user-menu';

/**
 * The application area, for signed-in users who finished onboarding (others
 * are sent to sign in or to onboarding). Pages below check again with
 * requireUser() where they read user data: a layout does not re-render on
 * every navigation.
 *
 * `breadcrumb` is the @breadcrumb slot: what the page adds to the top bar's
 * "Organization › Section" (docs/navigation/breadcrumbs.md).
 *
 * The organization switcher and the sidebar's organization entries
 * ('/dashboard/:organization/…') live here, above /dashboard/[organization],
 * because /settings and the other account pages share the shell. This layout
 * loads the user's organizations; which one is being viewed is read in the
 * browser from the URL (useCurrentOrganizationSlug), since this layout is not
 * rendered again when the user moves between organizations. The switcher asks
 * for a fresh render when the URL names an organization the list lacks. On
 * account pages (/settings/…) the shell keeps showing the organization the user
 * came from: the last one viewed, first the one the server remembered.
 */
export default async function AppLayout({ children, breadcrumb }: { children: ReactNode; breadcrumb: ReactNode }) {
  const [user, t, cookieStore] = await Promise.all([requireUser(), getTranslations(), cookies()]);
  const [organizations, remembered] = await Promise.all([
    listOrganizationsOfUser(user.id),
    rememberedOrganization(user.id),
  ]);
  const sections = enabledSections(appConfig.navigation.sidebar, appConfig.features).map((section) => ({
    label: t(section.labelKey as never),
    items: section.items.map((item) => ({
      path: item.path,
      label: t(item.labelKey as never),
      icon: item.icon,
      roles: item.roles,
    })),
  }));
  const switcherOrganizations = organizations.map(({ id, name, slug, logoUrl, role }) => ({
    id,
    name,
    slug,
    logoUrl,
    role,
  }));
  return (
    <UserProvider user={toClientUser(user)}>
      <SkipLink />
      <LastOrganizationProvider
        rememberedSlug={remembered?.slug ?? null}
        slugs={organizations.map((organization) => organization.slug)}
      >
        <AppShell
          sections={sections}
          memberships={organizations.map(({ slug, name, role }) => ({ slug, name, role }))}
          initiallyCollapsed={cookieStore.get(SIDEBAR_COOKIE)?.value === 'collapsed'}
          labels={{
            sidebar: t('app.sidebar.label'),
            collapse: t('app.sidebar.collapse'),
            expand: t('app.sidebar.expand'),
            openMenu: t('common.navigation.openMenu'),
            closeMenu: t('common.navigation.closeMenu'),
            breadcrumb: t('app.topbar.breadcrumb'),
          }}
          pageCrumbs={breadcrumb}
          logo={
            <Link href="/" className="rounded-md">
              <Logo />
            </Link>
          }
          sidebarHeader={
            // The switcher's words, for it alone: each area adds its own (docs/performance.md).
            <ClientMessages paths={['organizations.switcher', 'organizations.roles']}>
              <OrganizationSwitcher organizations={switcherOrganizations} />
            </ClientMessages>
          }
          topbarActions={
            <>
              {appConfig.features.languageSwitcher ? <LanguageSwitcher /> : null}
              {appConfig.features.themeSwitcher ? <ThemeSwitcher /> : null}
              <UserMenu user={user} />
            </>
          }
        >
          {/* While a super admin impersonates the user: whom, until when, and "Stop" (settings pages included). */}
          <ImpersonationBanner />
          {children}
        </AppShell>
      </LastOrganizationProvider>
    </UserProvider>
  );
}
