import Link from 'next/link';
import type { Locale } from '@/platform/config/app-config';
import { localizedPath } from '@/platform/seo/localized-path';

/** Tags as links to their pages; `label` names the list for screen readers. */
export function TagList({ locale, tags, label }: { locale: Locale; tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            href={localizedPath(locale, `/blog/tags/${tag}`)}
            className="inline-flex rounded-md border px-2 py-0.5 text-sm text-muted-foreground hover:text-foreground"
          >
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
