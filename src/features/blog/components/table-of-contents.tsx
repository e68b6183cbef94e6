import type { Heading } from '../headings';

/** The post's ## and ### headings as in-page links (computed at build time from the MDX). */
export function TableOfContents({ headings, title }: { headings: readonly Heading[]; title: string }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-labelledby="toc-title" className="text-sm">
      <h2 id="toc-title" className="mb-3 font-semibold">
        {title}
      </h2>
      <ol className="space-y-2">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'ps-4' : undefined}>
            <a href={`#${heading.id}`} className="text-muted-foreground hover:text-foreground">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
