import { appConfig, type Locale } from '@/platform/config/app-config';
import type { JsonLdData } from '@/platform/seo/json-ld';
import { localizedUrl } from '@/platform/seo/localized-path';
import { findAuthor } from './authors';
import type { LocalizedPost } from './posts';

export interface Crumb {
  name: string;
  /** The page's path without its language; the last crumb (the current page) may omit it. */
  path: string;
}

/** schema.org BreadcrumbList: the trail shown above a page, with absolute URLs. */
export function breadcrumbJsonLd(locale: Locale, trail: readonly Crumb[]): JsonLdData {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: localizedUrl(locale, crumb.path),
    })),
  };
}

/** schema.org BlogPosting (an Article) for a post page, in the language it is shown in. */
export function articleJsonLd(locale: Locale, { post }: LocalizedPost): JsonLdData {
  const url = localizedUrl(locale, `/blog/${post.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.description,
    inLanguage: post.locale,
    datePublished: post.date,
    dateModified: post.updated,
    url,
    mainEntityOfPage: url,
    image: [`${url}/opengraph-image`, new URL(post.cover.src, appConfig.site.url).href],
    keywords: post.tags,
    author: post.authors.map((id) => {
      const author = findAuthor(id);
      return { '@type': author?.kind ?? 'Person', name: author?.name ?? id };
    }),
    publisher: { '@type': 'Organization', name: appConfig.site.name, url: appConfig.site.url },
  };
}
