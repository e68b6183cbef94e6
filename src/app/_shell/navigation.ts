import { appConfig, type NavigationItem, type NavigationSection } from '@/platform/config/app-config';

/** Remembers whether the application sidebar is collapsed (read by the server to render it so). */
export const SIDEBAR_COOKIE = 'keel-sidebar';

interface Viewer {
  /** The viewer's role in the current organization, when there is one. */
  role?: string;
  features?: Record<string, boolean>;
}

/** Entries whose feature flag (if any) is on and whose roles (if any) include the viewer's. */
export function visibleItems(items: readonly NavigationItem[], viewer: Viewer = {}): NavigationItem[] {
  const features: Record<string, boolean> = viewer.features ?? appConfig.features;
  return items.filter(
    (item) => (!item.feature || features[item.feature]) && (!item.roles || (viewer.role !== undefined && item.roles.includes(viewer.role))),
  );
}

/** Sections with their visible entries; empty sections disappear. */
export function visibleSections(sections: readonly NavigationSection[], viewer: Viewer = {}): NavigationSection[] {
  return sections
    .map((section) => ({ ...section, items: visibleItems(section.items, viewer) }))
    .filter((section) => section.items.length > 0);
}

/** Whether `path` is the current page or one of its children (for highlighting menu entries). */
export function isActivePath(current: string, path: string) {
  const target = path.split('#')[0] || '/';
  return target === '/' ? current === '/' : current === target || current.startsWith(`${target}/`);
}
