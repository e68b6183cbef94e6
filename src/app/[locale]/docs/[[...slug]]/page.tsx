import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { DocsPage } from '@/features/docs/components/docs-page';
import { findGuide, guideSlugs } from '@/features/docs/server';
import { LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { localizedUrl } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';
import { OG_IMAGE_SIZE } from '@/platform/seo/og-image';

type Params = Promise<{ locale: string; slug?: string[] }>;

// Every guide in every language is rendered at build time; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.flatMap((locale) => guideSlugs().map((slug) => ({ locale, slug: slug ? slug.split('/') : [] })));
}

async function guideFor(params: Params) {
  const { locale, slug = [] } = await params;
  if (!isLocale(locale)) notFound();
  const path = slug.join('/');
  const found = findGuide(locale, path);
  if (!found) notFound();
  return { locale, path, found };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, path, found } = await guideFor(params);
  const pagePath = path ? `/docs/${path}` : '/docs';
  return publicMetadata({
    locale,
    path: pagePath,
    title: found.guide.title,
    description: found.guide.description,
    images: [{ url: localizedUrl(locale, `/docs/og-image${path ? `/${path}` : ''}`), ...OG_IMAGE_SIZE }],
  });
}

export default async function Page({ params }: { params: Params }) {
  const { locale, path } = await guideFor(params);
  setRequestLocale(locale);
  return <DocsPage locale={locale} slug={path} />;
}
