'use client';

import { Menu, PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment, useState, type ReactNode } from 'react';
import { useShownOrganizationSlug } from '@/features/organizations';
import type { NavigationIcon } from '@/platform/config/constants';
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbLink,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from '@/ui/breadcrumb';
import { Button } from '@/ui/button';
import { cn } from '@/ui/cn';
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from '@/ui/sheet';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/ui/tooltip';
import { navigationIcons } from './icons';
import { activeItemPath, SIDEBAR_COOKIE, visibleSections } from './navigation';

interface ShellItem {
  /** May contain `:organization`, resolved with the organization being viewed (see navigation.ts). */
  path: string;
  label: string;
  icon?: NavigationIcon;
  roles?: string[];
}

interface ShellSection {
  label: string;
  items: ShellItem[];
}

interface AppShellProps {
  /** The sidebar, labels translated, entries of features that are off already left out. */
  sections: ShellSection[];
  /**
   * The user's organizations and their role in each. The organization being
   * viewed is read from the URL on every navigation (this layout is not
   * rendered again), and its entries and role gates follow it.
   */
  memberships?: { slug: string; name: string; role: string }[];
  initiallyCollapsed: boolean;
  labels: {
    sidebar: string;
    collapse: string;
    expand: string;
    openMenu: string;
    closeMenu: string;
    breadcrumb: string;
  };
  logo: ReactNode;
  /** Top of the sidebar: the organization switcher (organizations capability). */
  sidebarHeader?: ReactNode;
  /** Right side of the top bar: notifications, switchers, the user menu. */
  topbarActions?: ReactNode;
  /** The crumbs the page adds after "Organization › Section" (the @breadcrumb slot, PageCrumbs). */
  pageCrumbs?: ReactNode;
  children: ReactNode;
}

/**
 * The application layout: a sidebar (collapsible to icons on desktop, a drawer
 * on phones) with sections from configuration, a top bar, and the page.
 */
export function AppShell({
  sections,
  memberships = [],
  initiallyCollapsed,
  labels,
  logo,
  sidebarHeader,
  topbarActions,
  pageCrumbs,
  children,
}: AppShellProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pathname = usePathname();
  const organization = useViewedMembership(memberships);
  const shown = visibleSections(sections, { features: {}, organization: organization ?? null });

  // A page opened from the drawer (a link, the organization switcher) closes it.
  const [drawerPath, setDrawerPath] = useState(pathname);
  if (drawerPath !== pathname) {
    setDrawerPath(pathname);
    setDrawerOpen(false);
  }

  function toggle() {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next ? 'collapsed' : 'expanded'}; Path=/; Max-Age=31536000; SameSite=Lax`;
  }

  return (
    <div className="flex min-h-screen">
      {/* The aside runs the page's full height (its border and background); its inner column stays put
          while the page scrolls and scrolls by itself when the menu is taller than the window. */}
      <aside
        aria-label={labels.sidebar}
        data-collapsed={collapsed}
        className={cn('hidden shrink-0 border-r bg-card transition-[width] md:block', collapsed ? 'w-16' : 'w-64')}
      >
        <div className="sticky top-0 flex h-screen flex-col" data-testid="sidebar-column">
          <div className={cn('flex h-16 items-center border-b px-3', collapsed ? 'justify-center' : 'justify-between')}>
            {collapsed ? null : logo}
            <Button
              variant="ghost"
              size="icon"
              onClick={toggle}
              aria-label={collapsed ? labels.expand : labels.collapse}
              aria-expanded={!collapsed}
            >
              {collapsed ? <PanelLeftOpen aria-hidden /> : <PanelLeftClose aria-hidden />}
            </Button>
          </div>
          {sidebarHeader && !collapsed ? <div className="border-b p-3">{sidebarHeader}</div> : null}
          <SidebarNavigation sections={shown} collapsed={collapsed} label={labels.sidebar} />
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur sm:px-4">
          <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" className="md:hidden" aria-label={labels.openMenu}>
                <Menu aria-hidden />
              </Button>
            </SheetTrigger>
            <SheetContent side="left" closeLabel={labels.closeMenu} className="w-72 p-0">
              <SheetHeader className="border-b p-4">
                <SheetTitle>{logo}</SheetTitle>
              </SheetHeader>
              {sidebarHeader ? <div className="border-b p-3">{sidebarHeader}</div> : null}
              <SidebarNavigation
                sections={shown}
                collapsed={false}
                label={labels.sidebar}
                onNavigate={() => setDrawerOpen(false)}
              />
            </SheetContent>
          </Sheet>
          <ShellBreadcrumb
            label={labels.breadcrumb}
            sections={shown}
            // Account pages keep the organization in the sidebar, but they are not inside it.
            organization={pathname.startsWith('/dashboard/') ? organization : undefined}
            pageCrumbs={pageCrumbs}
          />
          <div className="ml-auto flex shrink-0 items-center gap-1">{topbarActions}</div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}

/**
 * The membership of the organization being viewed, if the user has it: the one
 * in the URL (the [organization] segment of /dashboard/[organization]/…), and on
 * account pages the one the user came from. Read from the router, so it follows
 * every navigation although the layout that renders the shell does not run again.
 */
function useViewedMembership(memberships: { slug: string; name: string; role: string }[]) {
  const slug = useShownOrganizationSlug();
  if (!slug) return undefined;
  return memberships.find((membership) => membership.slug.toLowerCase() === slug);
}

/**
 * Where the user is, in the top bar: the organization (on its pages), then the
 * sidebar entry the page belongs to ("Tasks", "Settings"), then what the page
 * adds (`pageCrumbs`). Everything up to the entry comes from the URL
 * and the sidebar, so a new page under an entry needs nothing. On phones only
 * the last two crumbs show, cut short with an ellipsis.
 */
function ShellBreadcrumb({
  label,
  sections,
  organization,
  pageCrumbs,
}: {
  label: string;
  sections: ShellSection[];
  organization?: { slug: string; name: string };
  pageCrumbs?: ReactNode;
}) {
  const pathname = usePathname();
  const active = activeItemPath(
    pathname,
    sections.flatMap((section) => section.items.map((item) => item.path)),
  );
  const item = sections.flatMap((section) => section.items).find((each) => each.path === active);
  const root = organization
    ? { label: organization.name, href: `/dashboard/${encodeURIComponent(organization.slug)}` }
    : null;
  const crumbs = [root, item && item.path !== root?.href ? { label: item.label, href: item.path } : null].filter(
    (crumb) => crumb !== null,
  );
  if (crumbs.length === 0) return <div className="min-w-0 flex-1" />;
  return (
    <Breadcrumb aria-label={label} className="min-w-0 flex-1" data-testid="app-breadcrumb">
      <BreadcrumbList className="flex-nowrap">
        {crumbs.map((crumb, index) => (
          <Fragment key={crumb.href}>
            {index > 0 ? <BreadcrumbSeparator className="max-sm:hidden" /> : null}
            {/* On phones the organization gives way to the section (the switcher names it). */}
            <BreadcrumbItem
              className={cn(
                'min-w-0',
                index < crumbs.length - 1 && 'max-sm:hidden',
                // Before a page's own crumb (a task's title) on a phone: a short section name stays whole.
                crumb.href !== pathname && 'max-sm:max-w-[40%] max-sm:shrink-0',
              )}
            >
              {crumb.href === pathname ? (
                <BreadcrumbPage className="max-w-[14rem] truncate" title={crumb.label}>
                  {crumb.label}
                </BreadcrumbPage>
              ) : (
                <BreadcrumbLink asChild className="max-w-[14rem] truncate">
                  <Link href={crumb.href} title={crumb.label}>
                    {crumb.label}
                  </Link>
                </BreadcrumbLink>
              )}
            </BreadcrumbItem>
          </Fragment>
        ))}
        {pageCrumbs}
      </BreadcrumbList>
    </Breadcrumb>
  );
}

function SidebarNavigation({
  sections,
  collapsed,
  label,
  onNavigate,
}: {
  sections: ShellSection[];
  collapsed: boolean;
  label: string;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const active = activeItemPath(
    pathname,
    sections.flatMap((section) => section.items.map((item) => item.path)),
  );
  return (
    <nav aria-label={label} className="flex-1 overflow-y-auto p-2">
      {sections.map((section) => (
        <div key={section.label} className="mb-4">
          <h2
            className={cn(
              'px-3 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase',
              collapsed && 'sr-only',
            )}
          >
            {section.label}
          </h2>
          <ul className="space-y-1">
            {section.items.map((item) => {
              const Icon = item.icon ? navigationIcons[item.icon] : null;
              const current = item.path === active;
              const link = (
                <Link
                  href={item.path}
                  onClick={onNavigate}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-accent-foreground',
                    current && 'bg-accent text-accent-foreground',
                    collapsed && 'justify-center px-0',
                  )}
                >
                  {Icon ? (
                    <Icon aria-hidden className="size-4 shrink-0" />
                  ) : collapsed ? (
                    <span
                      aria-hidden
                      className="flex size-5 items-center justify-center rounded bg-muted text-xs font-semibold uppercase"
                    >
                      {item.label.slice(0, 1)}
                    </span>
                  ) : null}
                  <span className={cn(collapsed && 'sr-only')}>{item.label}</span>
                </Link>
              );
              return (
                <li key={item.path}>
                  {collapsed ? (
                    <Tooltip>
                      <TooltipTrigger asChild>{link}</TooltipTrigger>
                      <TooltipContent side="right">{item.label}</TooltipContent>
                    </Tooltip>
                  ) : (
                    link
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
