import type { Locale } from '@/platform/config/app-config';
import { localizedPath } from '@/platform/seo/localized-path';
import { docPath } from './content/doc-paths';

/** A docs page's URL path in a language: /docs/x in the default language, /es/docs/x in Spanish. */
export function docsHref(locale: Locale, slug: string): string {
  return localizedPath(locale, docPath(slug));
}

/** Guides' HTML links to each other as /docs/… (built once); on a page in another language they keep it. */
export function localizeGuideLinks(html: string, locale: Locale): string {
  const prefix = docsHref(locale, '');
  return prefix === '/docs' ? html : html.replaceAll('href="/docs', `href="${prefix}`);
}
