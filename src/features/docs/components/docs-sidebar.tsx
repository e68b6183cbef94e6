import Link from 'next/link';
import type { Locale } from '@/platform/config/app-config';
import { cn } from '@/ui/cn';
import type { NavigationSection } from '../navigation';
import { docsHref } from '../paths';

/**
 * The guides, in docs/README.md's sections (navigation.ts). Each section folds (no script needed); the
 * current page's section is open. From 1024 px up it sits beside the page; below, the page links to /docs.
 */
export function DocsSidebar({
  locale,
  sections,
  current,
  label,
  homeLabel,
}: {
  locale: Locale;
  sections: NavigationSection[];
  current: string;
  label: string;
  homeLabel: string;
}) {
  const link = (slug: string, title: string) => (
    <Link
      href={docsHref(locale, slug)}
      aria-current={slug === current ? 'page' : undefined}
      className={cn(
        'block rounded-md px-2 py-1 text-muted-foreground transition-colors hover:bg-accent hover:text-foreground',
        slug === current && 'bg-accent font-medium text-foreground',
      )}
    >
      {title}
    </Link>
  );
  return (
    <nav aria-label={label} className="text-sm">
      <div className="mb-2">{link('', homeLabel)}</div>
      <ul className="space-y-1">
        {sections.map((section) => (
          <li key={section.title}>
            <details open={section.items.some((item) => item.slug === current)} className="group">
              <summary className="cursor-pointer rounded-md px-2 py-1 font-medium text-foreground hover:bg-accent">
                {section.title}
              </summary>
              <ul className="mt-1 mb-2 ml-2 space-y-0.5 border-l pl-2">
                {section.items.map((item) => (
                  <li key={item.slug}>{link(item.slug, item.title)}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </nav>
  );
}
