import { describe, expect, it } from 'vitest';
import type { NavigationSection } from '@/platform/config/app-config-schema';
import { isActivePath, visibleItems, visibleSections } from './navigation';

const items = [
  { labelKey: 'app.nav.dashboard', path: '/dashboard' },
  { labelKey: 'app.nav.billing', path: '/billing', roles: ['owner', 'admin'] },
  { labelKey: 'app.nav.members', path: '/members', feature: 'organizationDeletion' as const },
];

describe('menu entries', () => {
  it('hide entries whose feature flag is off', () => {
    expect(visibleItems(items, { role: 'owner', features: { organizationDeletion: false } }).map((i) => i.path)).toEqual(['/dashboard', '/billing']);
    expect(visibleItems(items, { role: 'owner', features: { organizationDeletion: true } }).map((i) => i.path)).toEqual(['/dashboard', '/billing', '/members']);
  });

  it('show role-restricted entries only to those roles', () => {
    expect(visibleItems(items, { role: 'member', features: {} }).map((i) => i.path)).toEqual(['/dashboard']);
    expect(visibleItems(items, { features: {} }).map((i) => i.path)).toEqual(['/dashboard']);
    expect(visibleItems(items, { role: 'admin', features: {} }).map((i) => i.path)).toEqual(['/dashboard', '/billing']);
  });

  it('drop sections left empty', () => {
    const sections: NavigationSection[] = [
      { labelKey: 'a', items: [items[0]!] },
      { labelKey: 'b', items: [items[1]!] },
    ];
    expect(visibleSections(sections, { role: 'member', features: {} }).map((s) => s.labelKey)).toEqual(['a']);
  });

  it('highlight the current page and its children, not its siblings', () => {
    expect(isActivePath('/dashboard', '/dashboard')).toBe(true);
    expect(isActivePath('/dashboard/tasks/1', '/dashboard/tasks')).toBe(true);
    expect(isActivePath('/dashboard-old', '/dashboard')).toBe(false);
    expect(isActivePath('/contact', '/')).toBe(false);
    expect(isActivePath('/', '/#features')).toBe(true);
  });
});
