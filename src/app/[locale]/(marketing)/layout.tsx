import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isLocale } from '@/platform/i18n/locale';
import { MarketingFooter } from '../../_shell/marketing-footer';
import { MarketingHeader } from '../../_shell/marketing-header';
import { SkipLink } from '../../_shell/skip-link';

export default async function MarketingLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Every layout and page of the public site says its language: Next.js may render each on its own.
  setRequestLocale(locale);
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <MarketingHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-12">
        {children}
      </main>
      <MarketingFooter />
    </div>
  );
}
