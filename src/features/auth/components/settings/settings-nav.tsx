'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { cn } from '@/ui/cn';

/** Space left beside a tab scrolled into view (the nav's own padding on a phone). */
const TAB_MARGIN = 16;

export interface SettingsNavItem {
  path: string;
  label: string;
}

/**
 * The settings sections as tabs; scrolls sideways on narrow screens, where the
 * current tab is brought into view (on a phone the last ones start off screen).
 */
export function SettingsNav({ items, label }: { items: SettingsNavItem[]; label: string }) {
  const pathname = usePathname();
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector('[aria-current="page"]');
    if (!nav || !current) return;
    // Sideways only: scrollIntoView would also scroll the page.
    const tab = current.getBoundingClientRect();
    const view = nav.getBoundingClientRect();
    if (tab.right > view.right) nav.scrollLeft += tab.right - view.right + TAB_MARGIN;
    else if (tab.left < view.left) nav.scrollLeft -= view.left - tab.left + TAB_MARGIN;
  }, [pathname]);
  return (
    <nav ref={navRef} aria-label={label} className="-mx-4 overflow-x-auto border-b px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const active = pathname === item.path || pathname.startsWith(`${item.path}/`);
          return (
            <li key={item.path}>
              <Link
                href={item.path}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground',
                  'rounded-t-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                  active ? 'border-primary text-foreground' : 'border-transparent',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
