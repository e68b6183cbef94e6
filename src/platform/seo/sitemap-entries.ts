import type { MetadataRoute } from 'next';
import { LOCALES } from '@/platform/config/app-config';
import { languageAlternates, localizedUrl } from './localized-path';

export interface SitemapPage {
  /** The page's path without its language (`/pricing`). */
  path: string;
  lastModified?: Date | string;
  /** Languages the page exists in; every language when absent (a fallback page still has its own URL). */
  locales?: readonly (typeof LOCALES)[number][];
}

/** One sitemap entry per page and language, each naming its hreflang alternates (Google's sitemap form). */
export function sitemapEntries(pages: readonly SitemapPage[]): MetadataRoute.Sitemap {
  return pages.flatMap(({ path, lastModified, locales = LOCALES }) =>
    locales.map((locale) => ({
      url: localizedUrl(locale, path),
      ...(lastModified ? { lastModified } : {}),
      alternates: { languages: languageAlternates(path) },
    })),
  );
}
