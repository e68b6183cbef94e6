import { notFound } from 'next/navigation';
import { serializeSearchIndex } from '@/features/docs';
import { searchableGuides } from '@/features/docs/server';
import { LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';

// Built once per language by `next build` and served as a file: the search box loads it on first use.
export const dynamic = 'force-static';

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return new Response(await serializeSearchIndex(searchableGuides(locale)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
