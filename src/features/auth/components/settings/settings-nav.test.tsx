import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsNav } from './settings-nav';

const navigation = vi.hoisted(() => ({ pathname: '/settings/profile' }));
vi.mock('next/navigation', () => ({ usePathname: () => navigation.pathname }));

const items = ['profile', 'account', 'security', 'preferences', 'activity'].map((section) => ({
  path: `/settings/${section}`,
  label: section,
}));

/** A phone: the nav shows 0–300 px; each tab is 100 px wide, laid out from 0 minus the scroll. */
function layOut() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const nav = this.closest('nav')!;
    if (this === nav) return DOMRect.fromRect({ x: 0, y: 0, width: 300, height: 40 });
    const index = items.findIndex((item) => item.path === this.getAttribute('href'));
    return DOMRect.fromRect({ x: index * 100 - nav.scrollLeft, y: 0, width: 100, height: 40 });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('SettingsNav', () => {
  it('scrolls the current tab into view when it starts off screen', () => {
    layOut();
    navigation.pathname = '/settings/activity';
    render(<SettingsNav items={items} label="Settings" />);
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    // The fifth tab ends at 500 px: scrolled by 200 and the margin.
    expect(nav.scrollLeft).toBe(216);
    expect(screen.getByRole('link', { name: 'activity' }).getAttribute('aria-current')).toBe('page');
  });

  it('leaves the tabs where they are when the current one is in view', () => {
    layOut();
    navigation.pathname = '/settings/account';
    render(<SettingsNav items={items} label="Settings" />);
    expect(screen.getByRole('navigation', { name: 'Settings' }).scrollLeft).toBe(0);
  });
});
