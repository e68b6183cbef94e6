import type { MetadataRoute } from 'next';
import { blogSitemapEntries } from '@/features/blog/server';
import { docsSitemapEntries } from '@/features/docs/server';
import { legalSitemapEntries } from '@/features/legal/server';
import { MARKETING_PATHS } from '@/features/marketing';
import { sitemapEntries } from '@/platform/seo/sitemap-entries';

/** /sitemap.xml: every public page in every language, with its hreflang alternates (docs/marketing/seo.md). */
export default function sitemap(): MetadataRoute.Sitemap {
  return [
    ...sitemapEntries(MARKETING_PATHS.map((path) => ({ path }))),
    ...legalSitemapEntries(),
    ...blogSitemapEntries(),
    ...docsSitemapEntries(),
  ];
}
