// Imported by client components too: it must not pull the configuration (and its validator) into the browser.
import type { NavigationItem, NavigationSection } from '@/platform/config/app-config-schema';

/** Remembers whether the application sidebar is collapsed (read by the server to render it so). */
export const SIDEBAR_COOKIE = 'keel-sidebar';

interface Viewer {
  /** The feature flags (appConfig.features). */
  features: Record<string, boolean>;
  /** The viewer's role in the current organization, when there is one. */
  role?: string;
}

/** Entries whose feature flag (if any) is on and whose roles (if any) include the viewer's. */
export function visibleItems(items: readonly NavigationItem[], viewer: Viewer): NavigationItem[] {
  return items.filter(
    (item) => (!item.feature || viewer.features[item.feature]) && (!item.roles || (viewer.role !== undefined && item.roles.includes(viewer.role))),
  );
}

/** Sections with their visible entries; empty sections disappear. */
export function visibleSections(sections: readonly NavigationSection[], viewer: Viewer): NavigationSection[] {
  return sections
    .map((section) => ({ ...section, items: visibleItems(section.items, viewer) }))
    .filter((section) => section.items.length > 0);
}

/** Whether `path` is the current page or one of its children (for highlighting menu entries). */
export function isActivePath(current: string, path: string) {
  const target = path.split('#')[0] || '/';
  return target === '/' ? current === '/' : current === target || current.startsWith(`${target}/`);
}
