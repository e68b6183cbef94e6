import { describe, expect, it } from 'vitest';
import type { NavigationSection } from '@/platform/config/app-config-schema';
import {
  activeItemPath,
  enabledSections,
  isActivePath,
  organizationPath,
  visibleItems,
  visibleSections,
} from './navigation';

const items = [
  { labelKey: 'app.nav.dashboard', path: '/dashboard' },
  { labelKey: 'app.nav.billing', path: '/billing', roles: ['owner', 'admin'] },
  { labelKey: 'app.nav.members', path: '/members', feature: 'organizationDeletion' as const },
];

const owner = { slug: 'acme', role: 'owner' };

describe('menu entries', () => {
  it('hide entries whose feature flag is off', () => {
    expect(
      visibleItems(items, { organization: owner, features: { organizationDeletion: false } }).map((i) => i.path),
    ).toEqual(['/dashboard', '/billing']);
    expect(
      visibleItems(items, { organization: owner, features: { organizationDeletion: true } }).map((i) => i.path),
    ).toEqual(['/dashboard', '/billing', '/members']);
  });

  it('show role-restricted entries only to those roles in the current organization', () => {
    expect(
      visibleItems(items, { organization: { slug: 'acme', role: 'member' }, features: {} }).map((i) => i.path),
    ).toEqual(['/dashboard']);
    expect(visibleItems(items, { features: {} }).map((i) => i.path)).toEqual(['/dashboard']);
    expect(visibleItems(items, { organization: null, features: {} }).map((i) => i.path)).toEqual(['/dashboard']);
    expect(
      visibleItems(items, { organization: { slug: 'acme', role: 'admin' }, features: {} }).map((i) => i.path),
    ).toEqual(['/dashboard', '/billing']);
  });

  it('drop sections left empty', () => {
    const sections: NavigationSection[] = [
      { labelKey: 'a', items: [items[0]!] },
      { labelKey: 'b', items: [items[1]!] },
    ];
    expect(
      visibleSections(sections, { organization: { slug: 'acme', role: 'member' }, features: {} }).map(
        (s) => s.labelKey,
      ),
    ).toEqual(['a']);
  });

  it('highlight the current page and its children, not its siblings', () => {
    expect(isActivePath('/dashboard', '/dashboard')).toBe(true);
    expect(isActivePath('/dashboard/tasks/1', '/dashboard/tasks')).toBe(true);
    expect(isActivePath('/dashboard-old', '/dashboard')).toBe(false);
    expect(isActivePath('/contact', '/')).toBe(false);
    expect(isActivePath('/', '/#features')).toBe(true);
  });

  it('mark only the most specific entry containing the current page', () => {
    const paths = ['/dashboard/acme', '/dashboard/acme/members', '/dashboard/acme/settings', '/settings'];
    expect(activeItemPath('/dashboard/acme/members', paths)).toBe('/dashboard/acme/members');
    expect(activeItemPath('/dashboard/acme/members/invitations', paths)).toBe('/dashboard/acme/members');
    expect(activeItemPath('/dashboard/acme', paths)).toBe('/dashboard/acme');
    expect(activeItemPath('/dashboard/acme/tasks/7', paths)).toBe('/dashboard/acme');
    expect(activeItemPath('/settings/profile', paths)).toBe('/settings');
    expect(activeItemPath('/join', paths)).toBeUndefined();
  });
});

describe('organization pages in menus', () => {
  const organizationItems = [
    { labelKey: 'app.nav.dashboard', path: '/dashboard/:organization' },
    { labelKey: 'app.nav.members', path: '/dashboard/:organization/members' },
    { labelKey: 'app.nav.organizationSettings', path: '/dashboard/:organization/settings', roles: ['owner', 'admin'] },
    { labelKey: 'app.nav.settings', path: '/settings' },
  ];

  it('name the current organization in their paths', () => {
    expect(visibleItems(organizationItems, { organization: owner, features: {} }).map((i) => i.path)).toEqual([
      '/dashboard/acme',
      '/dashboard/acme/members',
      '/dashboard/acme/settings',
      '/settings',
    ]);
  });

  it('are hidden when no organization is being viewed', () => {
    expect(visibleItems(organizationItems, { features: {} }).map((i) => i.path)).toEqual(['/settings']);
    expect(visibleItems(organizationItems, { organization: null, features: {} }).map((i) => i.path)).toEqual([
      '/settings',
    ]);
  });

  it('keep role gates for the current organization', () => {
    expect(
      visibleItems(organizationItems, { organization: { slug: 'beta', role: 'member' }, features: {} }).map(
        (i) => i.path,
      ),
    ).toEqual(['/dashboard/beta', '/dashboard/beta/members', '/settings']);
  });

  it('leave the configured entries unchanged (each viewer gets resolved copies)', () => {
    visibleItems(organizationItems, { organization: owner, features: {} });
    expect(organizationItems[0]!.path).toBe('/dashboard/:organization');
  });

  it('encode the slug and replace every placeholder', () => {
    expect(organizationPath('/dashboard/:organization', 'a b')).toBe('/dashboard/a%20b');
    expect(organizationPath('/x/:organization/y/:organization', 'acme')).toBe('/x/acme/y/acme');
    expect(organizationPath('/settings', 'acme')).toBe('/settings');
  });

  it('resolve the sidebar the configuration ships', async () => {
    const { buildAppConfig } = await import('@/platform/config/app-config-schema');
    const { navigation, features } = buildAppConfig({});
    const inOrganization = visibleSections(navigation.sidebar, { organization: owner, features }).flatMap((s) =>
      s.items.map((i) => i.path),
    );
    expect(inOrganization).toEqual(
      expect.arrayContaining(['/dashboard/acme', '/dashboard/acme/members', '/dashboard/acme/settings']),
    );
    expect(inOrganization.some((path) => path.includes(':organization'))).toBe(false);
    const outside = visibleSections(navigation.sidebar, { features }).flatMap((s) => s.items.map((i) => i.path));
    expect(outside.some((path) => path.startsWith('/dashboard/'))).toBe(false);
    expect(outside).toContain('/settings');
  });
});

describe('enabledSections: what the server decides before the organization is known', () => {
  it('drops entries of features that are off, keeps role gates and placeholders for the browser', () => {
    const sections = [
      {
        labelKey: 'w',
        items: [
          { labelKey: 'a', path: '/dashboard/:organization' },
          { labelKey: 'b', path: '/billing', roles: ['owner'] },
          { labelKey: 'c', path: '/x', feature: 'organizationDeletion' as const },
        ],
      },
      { labelKey: 'gone', items: [{ labelKey: 'd', path: '/y', feature: 'organizationDeletion' as const }] },
    ];
    const enabled = enabledSections(sections, { organizationDeletion: false });
    expect(enabled.map((s) => s.labelKey)).toEqual(['w']);
    expect(enabled[0]!.items.map((i) => i.path)).toEqual(['/dashboard/:organization', '/billing']);
  });
});
