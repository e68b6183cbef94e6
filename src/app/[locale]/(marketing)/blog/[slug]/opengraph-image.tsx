import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { blogPost, blogPosts } from '@/features/blog/server';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { OG_IMAGE_SIZE, ogImage } from '@/platform/seo/og-image';

// One PNG per post and language, drawn at build time (its URL: /blog/<slug>/opengraph-image).
export const alt = `${appConfig.site.name} blog`;
export const size = OG_IMAGE_SIZE;
export const contentType = 'image/png';
export const dynamicParams = false;

// The first build got no parent params here (no image was prerendered, so every one was a 404):
// list both segments, for the parent's language when given, else for every language.
export function generateStaticParams({ params }: { params?: { locale?: string } }) {
  const locales = params?.locale ? [params.locale] : [...LOCALES];
  return locales
    .filter(isLocale)
    .flatMap((locale) => blogPosts(locale).map(({ post }) => ({ locale, slug: post.slug })));
}

export default async function BlogPostImage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const entry = blogPost(locale, slug);
  if (!entry) notFound();
  const t = await getTranslations({ locale, namespace: 'blog' });
  return ogImage({
    eyebrow: t('index.title'),
    title: entry.post.title,
    footnote: t('post.readingTime', { minutes: entry.post.readingMinutes }),
  });
}
