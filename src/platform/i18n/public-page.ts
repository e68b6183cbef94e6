import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { Locale } from '@/platform/config/constants';
import { isLocale } from './locale';

/** The params of a page or layout of the public site (`src/app/[locale]/...`), with the segment's own. */
export type PublicPageParams<Own extends object = object> = Promise<{ locale: string } & Own>;

/**
 * The language of a public page, from its URL, told to next-intl for the render. Every layout, page and
 * metadata function of `[locale]` starts with it: Next.js may render each on its own, and a page that read
 * the language from the request instead could not be prerendered. `[locale]` only takes its languages
 * (`dynamicParams = false`), so the 404 is a guard for types, not a path visitors reach.
 */
export async function publicPageLocale(params: PublicPageParams): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
