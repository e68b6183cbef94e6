import 'server-only';
import type { MetadataRoute } from 'next';
import { allDocs, type Doc } from 'content-collections';
import { appConfig, LOCALES, type Locale } from '@/platform/config/app-config';
import { sitemapEntries } from '@/platform/seo/sitemap-entries';
import { docPath, SOURCE_LOCALE } from '../content/doc-paths';
import { buildNavigation, neighbours, sectionOf, type NavigationSection } from '../navigation';

/**
 * The docs site's data (decision 0050): the guides compiled at build time by content-collections, in the
 * visitor's language when a translation exists (docs/<locale>/…), else in English with `translated: false`.
 */

const sourceGuides = allDocs.filter((doc) => doc.locale === SOURCE_LOCALE);
const translations = new Map(allDocs.filter((doc) => doc.locale !== SOURCE_LOCALE).map((doc) => [key(doc), doc]));

function key(doc: Pick<Doc, 'locale' | 'slug'>): string {
  return `${doc.locale}:${doc.slug}`;
}

function guideIn(locale: Locale, source: Doc): Doc {
  return translations.get(key({ locale, slug: source.slug })) ?? source;
}

const navigationByLocale = new Map<Locale, NavigationSection[]>(
  LOCALES.map((locale) => [
    locale,
    buildNavigation(sourceGuides.map((doc) => ({ ...doc, title: guideIn(locale, doc).title }))),
  ]),
);

/** Every guide's slug ('' is /docs itself): generateStaticParams of the docs pages. */
export function guideSlugs(): string[] {
  return sourceGuides.map((doc) => doc.slug);
}

export function docsNavigation(locale: Locale): NavigationSection[] {
  return navigationByLocale.get(locale)!;
}

/** A guide in `locale`, or in English when it has no translation yet; null when no such guide exists. */
export function findGuide(locale: Locale, slug: string) {
  const source = sourceGuides.find((doc) => doc.slug === slug);
  if (!source) return null;
  const guide = guideIn(locale, source);
  const navigation = docsNavigation(locale);
  const titleOf = (other: string | null) =>
    other === null
      ? null
      : {
          slug: other,
          title: guideIn(
            locale,
            sourceGuides.find((d) => d.slug === other)!,
          ).title,
        };
  const { previous, next } = neighbours(navigation, slug);
  return {
    guide,
    translated: guide.locale === locale,
    section: sectionOf(navigation, slug)?.title ?? null,
    previous: titleOf(previous),
    next: titleOf(next),
    editUrl: appConfig.docs.editUrl + guide.file,
  };
}

/** What the search box indexes in one language (search-index route, built at build time). */
export function searchableGuides(locale: Locale) {
  return sourceGuides.map((source) => {
    const guide = guideIn(locale, source);
    return {
      id: source.slug,
      title: guide.title,
      headings: guide.headings.map((heading) => heading.text).join(' '),
      text: guide.text,
      section: sectionOf(docsNavigation(locale), source.slug)?.title ?? '',
    };
  });
}

/** The docs pages for sitemap.xml: every guide in every language (a fallback page has its own URL too). */
export function docsSitemapEntries(): MetadataRoute.Sitemap {
  return sitemapEntries(sourceGuides.map((doc) => ({ path: docPath(doc.slug) })));
}

export type { NavigationSection } from '../navigation';
