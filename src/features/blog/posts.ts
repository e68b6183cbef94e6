import type { Locale } from '@/platform/config/app-config';
import type { PostFrontmatter } from './frontmatter';
import type { Heading } from './headings';

/** A post as the pipeline hands it over: one file, content/blog/<locale>/<slug>.mdx. */
export interface BlogPost extends Omit<PostFrontmatter, 'updated'> {
  /** The frontmatter's `updated`, or `date` when it has none (the pipeline's output holds no `undefined`). */
  updated: string;
  slug: string;
  locale: Locale;
  readingMinutes: number;
  headings: Heading[];
  /** The compiled MDX (rendered by <PostBody>). */
  mdx: string;
}

/** A post as a visitor of one language sees it: its translation, or the default language's text. */
export interface LocalizedPost {
  post: BlogPost;
  /** True when no translation exists and the default language's post stands in for it. */
  fallback: boolean;
}

/** Drafts stay out unless asked for (`npm run dev` asks; production builds never do). */
export function visiblePosts(posts: readonly BlogPost[], { includeDrafts }: { includeDrafts: boolean }): BlogPost[] {
  return posts.filter((post) => includeDrafts || !post.draft);
}

/** Newest first; the slug breaks ties so the order never depends on the file system. */
function newestFirst(a: LocalizedPost, b: LocalizedPost): number {
  return b.post.date.localeCompare(a.post.date) || a.post.slug.localeCompare(b.post.slug);
}

/**
 * Every post a visitor of `locale` can read, newest first: the translation where one
 * exists, else the default language's post marked as a fallback. A post written only
 * in another non-default language is not listed.
 */
export function postsForLocale(posts: readonly BlogPost[], locale: Locale, defaultLocale: Locale): LocalizedPost[] {
  const bySlug = new Map<string, LocalizedPost>();
  for (const post of posts) {
    if (post.locale === locale) bySlug.set(post.slug, { post, fallback: false });
    else if (post.locale === defaultLocale && !bySlug.has(post.slug)) bySlug.set(post.slug, { post, fallback: true });
  }
  return [...bySlug.values()].sort(newestFirst);
}

/** The posts either side of `slug` in a list ordered newest first. */
export function adjacentPosts(list: readonly LocalizedPost[], slug: string) {
  const index = list.findIndex((entry) => entry.post.slug === slug);
  if (index === -1) return { newer: undefined, older: undefined };
  return { newer: list[index - 1], older: list[index + 1] };
}

/** Tags with how many posts carry each, most used first, then alphabetically. */
export function tagCounts(list: readonly LocalizedPost[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { post } of list) for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function postsTagged(list: readonly LocalizedPost[], tag: string): LocalizedPost[] {
  return list.filter(({ post }) => post.tags.includes(tag));
}

export function postsByAuthor(list: readonly LocalizedPost[], authorId: string): LocalizedPost[] {
  return list.filter(({ post }) => post.authors.includes(authorId));
}

/** The languages a post is written in (its hreflang alternates). */
export function translationsOf(posts: readonly BlogPost[], slug: string): Locale[] {
  return posts.filter((post) => post.slug === slug).map((post) => post.locale);
}
