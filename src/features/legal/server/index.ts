import 'server-only';
import { allLegalPages } from 'content-collections';
import type { MetadataRoute } from 'next';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { sitemapEntries } from '@/platform/seo/sitemap-entries';

/** The legal feature's server API: the terms, privacy and cookie pages, per language. */

/** The pages at /legal/<slug>; each needs content/legal/<default locale>/<slug>.mdx and its messages. */
export const LEGAL_PAGES = ['terms', 'privacy', 'cookies'] as const;
export type LegalPageSlug = (typeof LEGAL_PAGES)[number];

export function isLegalPage(slug: string): slug is LegalPageSlug {
  return (LEGAL_PAGES as readonly string[]).includes(slug);
}

function pages() {
  const problems = allLegalPages.flatMap((page) => (page.problem ? [page.problem] : []));
  if (problems.length > 0) throw new Error(`Invalid legal pages:\n${problems.join('\n')}`);
  return allLegalPages;
}

/** A legal page in `locale`, or the default language's text marked `fallback` when it has no translation. */
export function legalPage(locale: Locale, slug: LegalPageSlug) {
  const all = pages();
  const own = all.find((page) => page.slug === slug && page.locale === locale);
  if (own) return { mdx: own.mdx, locale, fallback: false };
  const defaultLocale = appConfig.locales.default;
  const original = all.find((page) => page.slug === slug && page.locale === defaultLocale);
  if (!original) throw new Error(`content/legal/${defaultLocale}/${slug}.mdx is missing`);
  return { mdx: original.mdx, locale: defaultLocale, fallback: true };
}

/** The legal pages for /sitemap.xml. */
export function legalSitemapEntries(): MetadataRoute.Sitemap {
  return sitemapEntries(LEGAL_PAGES.map((slug) => ({ path: `/legal/${slug}` })));
}
