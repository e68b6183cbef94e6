/**
 * The docs site's sidebar and reading order (decision 0050): docs/README.md, the index kept by hand for
 * GitHub readers, is also the site's order — its `## sections` and the guides each lists, in that order.
 * A guide the index does not list still appears: after its folder's page when the index lists that
 * (the decision records follow decisions/README.md), else in a section named after its folder; among
 * themselves such guides sort by frontmatter `order`, then by path.
 */
import type { IndexSection } from './content/compile-guide';

export type GuideEntry = { slug: string; title: string; order: number | null; sections: IndexSection[] };
type NavigationItem = { slug: string; title: string };
export type NavigationSection = { title: string; items: NavigationItem[] };

function folderOf(slug: string): string {
  return slug.includes('/') ? slug.slice(0, slug.indexOf('/')) : '';
}

function humanize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replaceAll('-', ' ');
}

function byOrderThenPath(a: GuideEntry, b: GuideEntry): number {
  return (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) || a.slug.localeCompare(b.slug);
}

export function buildNavigation(guides: GuideEntry[]): NavigationSection[] {
  const bySlug = new Map(guides.map((guide) => [guide.slug, guide]));
  const placed = new Set<string>(['']);
  const sections: NavigationSection[] = [];
  for (const section of bySlug.get('')?.sections ?? []) {
    const items = section.slugs
      .filter((slug) => bySlug.has(slug) && !placed.has(slug))
      .map((slug) => (placed.add(slug), { slug, title: bySlug.get(slug)!.title }));
    if (items.length) sections.push({ title: section.title, items });
  }
  const unlisted = guides.filter((guide) => !placed.has(guide.slug)).sort(byOrderThenPath);
  for (const guide of unlisted) {
    const folder = folderOf(guide.slug);
    const item = { slug: guide.slug, title: guide.title };
    const home = folder && sections.find((section) => section.items.some((entry) => entry.slug === folder));
    if (home) {
      // Right after the folder's page and the folder's guides already placed there.
      const at = home.items.findLastIndex((entry) => entry.slug === folder || folderOf(entry.slug) === folder);
      home.items.splice(at + 1, 0, item);
    } else {
      const title = folder ? (bySlug.get(folder)?.title ?? humanize(folder)) : 'Guides';
      const section = sections.find((entry) => entry.title === title);
      if (section) section.items.push(item);
      else sections.push({ title, items: [item] });
    }
    placed.add(guide.slug);
  }
  return sections;
}

/** Every page in reading order: the index first, then the sidebar top to bottom. */
export function readingOrder(sections: NavigationSection[]): string[] {
  return ['', ...sections.flatMap((section) => section.items.map((item) => item.slug))];
}

export function neighbours(sections: NavigationSection[], slug: string) {
  const order = readingOrder(sections);
  const at = order.indexOf(slug);
  return {
    previous: at > 0 ? order[at - 1]! : null,
    next: at >= 0 && at < order.length - 1 ? order[at + 1]! : null,
  };
}

export function sectionOf(sections: NavigationSection[], slug: string): NavigationSection | null {
  return sections.find((section) => section.items.some((item) => item.slug === slug)) ?? null;
}
