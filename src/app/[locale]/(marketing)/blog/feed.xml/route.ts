import { notFound } from 'next/navigation';
import { blogFeed } from '@/features/blog/server';
import { LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';

// Written once at build time per language (/blog/feed.xml, /es/blog/feed.xml): no request data is read.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

/** The blog's Atom feed in one language. A public, static document: nothing to authenticate or check. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return new Response(blogFeed(locale), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
}
