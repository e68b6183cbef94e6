import { appConfig, type NavigationItem, type NavigationSection } from '@/platform/config/app-config';

/** Remembers whether the application sidebar is collapsed (read by the server to render it so). */
export const SIDEBAR_COOKIE = 'keel-sidebar';

/** Entries whose feature flag (if any) is on. */
export function visibleItems(items: readonly NavigationItem[]): NavigationItem[] {
  return items.filter((item) => !item.feature || appConfig.features[item.feature]);
}

/** Sections with their visible entries; empty sections disappear. */
export function visibleSections(sections: readonly NavigationSection[]): NavigationSection[] {
  return sections.map((section) => ({ ...section, items: visibleItems(section.items) })).filter((section) => section.items.length > 0);
}

/** Whether `path` is the current page or one of its children (for highlighting menu entries). */
export function isActivePath(current: string, path: string) {
  const target = path.split('#')[0] || '/';
  return target === '/' ? current === '/' : current === target || current.startsWith(`${target}/`);
}
