import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { findGuide, guideSlugs } from '@/features/docs/server';
import { LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { ogImage } from '@/platform/seo/og-image';

/**
 * The Open Graph image of each docs page (/docs/og-image/<slug>), drawn once per guide and language by
 * `next build`. A route, not an `opengraph-image` file: Next.js allows none below a catch-all segment.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.flatMap((locale) => guideSlugs().map((slug) => ({ locale, slug: slug ? slug.split('/') : [] })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug?: string[] }> }) {
  const { locale, slug = [] } = await params;
  const found = isLocale(locale) ? findGuide(locale, slug.join('/')) : null;
  if (!isLocale(locale) || !found) notFound();
  const t = await getTranslations({ locale, namespace: 'docs' });
  return ogImage({ title: found.guide.title, eyebrow: t('title'), footnote: found.section ?? undefined });
}
