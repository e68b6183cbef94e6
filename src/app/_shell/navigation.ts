// Imported by client components too: it must not pull the configuration (and its validator) into the browser.
import type { NavigationItem } from '@/platform/config/app-config-schema';

/** Remembers whether the application sidebar is collapsed (read by the server to render it so). */
export const SIDEBAR_COOKIE = 'keel-sidebar';

/** Stands for the current organization's slug in a menu path: '/dashboard/:organization/members'. */
const ORGANIZATION_PLACEHOLDER = ':organization';

interface Viewer {
  /** The feature flags (appConfig.features). */
  features: Record<string, boolean>;
  /** The organization being viewed and the viewer's role in it; none outside an organization's pages. */
  organization?: { slug: string; role: string } | null;
}

/** What the filters read of an entry (the sidebar passes translated entries, the marketing menus configured ones). */
type FilterableItem = Pick<NavigationItem, 'path' | 'feature' | 'roles'>;

/** `path` with the organization placeholder replaced by `slug` (URL-encoded). */
export function organizationPath(path: string, slug: string): string {
  return path.split(ORGANIZATION_PLACEHOLDER).join(encodeURIComponent(slug));
}

/**
 * Entries whose feature flag (if any) is on, whose roles (if any) include the
 * viewer's role in the current organization, and whose path, when it names
 * the current organization, has one to name; those paths come back resolved.
 */
export function visibleItems<T extends FilterableItem>(items: readonly T[], viewer: Viewer): T[] {
  const organization = viewer.organization ?? null;
  return items
    .filter(
      (item) =>
        (!item.feature || viewer.features[item.feature]) &&
        (!item.roles || (organization !== null && item.roles.includes(organization.role))) &&
        (!item.path.includes(ORGANIZATION_PLACEHOLDER) || organization !== null),
    )
    .map((item) =>
      organization && item.path.includes(ORGANIZATION_PLACEHOLDER)
        ? { ...item, path: organizationPath(item.path, organization.slug) }
        : item,
    );
}

/** Sections with their visible entries; empty sections disappear. */
export function visibleSections<S extends { items: readonly FilterableItem[] }>(
  sections: readonly S[],
  viewer: Viewer,
): S[] {
  return sections
    .map((section) => ({ ...section, items: visibleItems(section.items, viewer) }) as S)
    .filter((section) => section.items.length > 0);
}

/**
 * Sections with the entries whose feature flag (if any) is on; role gates and
 * organization paths are left for `visibleSections` in the browser, which
 * knows the organization being viewed.
 */
export function enabledSections<S extends { items: readonly FilterableItem[] }>(
  sections: readonly S[],
  features: Record<string, boolean>,
): S[] {
  return sections
    .map(
      (section) =>
        ({ ...section, items: section.items.filter((item) => !item.feature || features[item.feature]) }) as S,
    )
    .filter((section) => section.items.length > 0);
}

/** Whether `path` is the current page or one of its children (for highlighting menu entries). */
export function isActivePath(current: string, path: string) {
  const target = path.split('#')[0] || '/';
  return target === '/' ? current === '/' : current === target || current.startsWith(`${target}/`);
}

/**
 * The one entry of a menu to mark as the current page: the most specific
 * path that contains the current one (on /dashboard/acme/members that is
 * Members, not the organization's home /dashboard/acme as well).
 */
export function activeItemPath(current: string, paths: readonly string[]): string | undefined {
  return paths.filter((path) => isActivePath(current, path)).sort((a, b) => b.length - a.length)[0];
}
