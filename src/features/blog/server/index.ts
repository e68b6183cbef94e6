import 'server-only';
import { allPosts } from 'content-collections';
import type { Metadata, MetadataRoute } from 'next';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { translatorFor } from '@/platform/i18n/translator';
import { localizedUrl } from '@/platform/seo/localized-path';
import { sitemapEntries } from '@/platform/seo/sitemap-entries';
import { AUTHORS, findAuthor } from '../authors';
import { atomFeed } from '../feed';
import {
  postsByAuthor,
  postsForLocale,
  postsTagged,
  tagCounts,
  translationsOf,
  visiblePosts,
  type BlogPost,
} from '../posts';

/** The blog feature's server API: posts per language, tags, authors, the feed, the sitemap. */

/** `npm run dev` shows drafts (with a badge); a production build never contains them. */
const includeDrafts = process.env.NODE_ENV !== 'production';
const defaultLocale = appConfig.locales.default;

/**
 * Every post the pipeline compiled. A post with a mistake (frontmatter, place, author) stops here with
 * the pipeline's message, so `next build` fails instead of publishing without it (content/collections.ts).
 */
function compiledPosts(): BlogPost[] {
  const problems = allPosts.flatMap((document) => (document.problem ? [document.problem] : []));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return allPosts.flatMap((document) => (document.post ? [document.post] : []));
}

function published() {
  return visiblePosts(compiledPosts(), { includeDrafts });
}

/** The posts a visitor of `locale` can read, newest first, untranslated ones from the default language. */
export function blogPosts(locale: Locale) {
  return postsForLocale(published(), locale, defaultLocale);
}

export function blogPost(locale: Locale, slug: string) {
  return blogPosts(locale).find((entry) => entry.post.slug === slug);
}

/** Languages a post is written in (its hreflang alternates; a fallback's canonical is the original). */
export function blogPostLanguages(slug: string): Locale[] {
  return translationsOf(published(), slug);
}

export function blogTags(locale: Locale) {
  return tagCounts(blogPosts(locale));
}

export function blogPostsTagged(locale: Locale, tag: string) {
  return postsTagged(blogPosts(locale), tag);
}

/** Authors with at least one post (an author page without posts would be empty). */
export function blogAuthors() {
  const listed = blogPosts(defaultLocale);
  return AUTHORS.filter((author) => postsByAuthor(listed, author.id).length > 0);
}

export function blogPostsBy(locale: Locale, authorId: string) {
  return postsByAuthor(blogPosts(locale), authorId);
}

export { authorBio, findAuthor } from '../authors';
export { articleJsonLd } from '../structured-data';

/** The Atom feed of one language: what its blog index lists, drafts never included. */
export function blogFeed(locale: Locale): string {
  const t = translatorFor(locale, 'blog');
  const siteName = appConfig.site.name;
  return atomFeed({
    title: t('feed.title', { siteName }),
    subtitle: t('index.description', { siteName }),
    language: locale,
    feedUrl: localizedUrl(locale, '/blog/feed.xml'),
    pageUrl: localizedUrl(locale, '/blog'),
    entries: postsForLocale(visiblePosts(compiledPosts(), { includeDrafts: false }), locale, defaultLocale).map(
      ({ post, fallback }) => ({
        url: localizedUrl(locale, `/blog/${post.slug}`),
        title: post.title,
        summary: post.description,
        published: post.date,
        updated: post.updated,
        authors: post.authors.map((id) => findAuthor(id)?.name ?? id),
        categories: post.tags,
        ...(fallback ? { language: post.locale } : {}),
      }),
    ),
  });
}

/** Blog pages for /sitemap.xml: the index, every post in the languages it is written in, tags and authors. */
export function blogSitemapEntries(): MetadataRoute.Sitemap {
  const posts = visiblePosts(compiledPosts(), { includeDrafts: false });
  const listed = postsForLocale(posts, defaultLocale, defaultLocale);
  const newest = listed[0]?.post.date;
  return sitemapEntries([
    { path: '/blog', ...(newest ? { lastModified: newest } : {}) },
    // A post only in the languages it is written in: an untranslated page's canonical is the original.
    ...listed.map(({ post }) => ({
      path: `/blog/${post.slug}`,
      lastModified: post.updated,
      locales: translationsOf(posts, post.slug),
    })),
    ...tagCounts(listed).map(({ tag }) => ({ path: `/blog/tags/${tag}` })),
    ...AUTHORS.filter((author) => postsByAuthor(listed, author.id).length > 0).map((author) => ({
      path: `/blog/authors/${author.id}`,
    })),
  ]);
}

/** Adds the language's feed to a blog page's metadata (`<link rel="alternate" type="application/atom+xml">`). */
export function withBlogFeed(metadata: Metadata, locale: Locale): Metadata {
  const title = translatorFor(locale, 'blog')('feed.title', { siteName: appConfig.site.name });
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: { 'application/atom+xml': [{ url: localizedUrl(locale, '/blog/feed.xml'), title }] },
    },
  };
}
