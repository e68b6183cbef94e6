import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { findGuide, guideSlugs } from '@/features/docs/server';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { contentOgImage } from '@/platform/seo/og-image';
import { brandPalette } from '@/platform/theme/brand-palette';
import { BrandMark } from '../../../../_shell/brand-mark';

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
  const { fill, foreground } = brandPalette(appConfig.theme.brandColor).light;
  return contentOgImage({
    eyebrow: t('title'),
    title: found.guide.title,
    description: found.guide.description,
    mark: <BrandMark size={56} background={fill} foreground={foreground} />,
  });
}
