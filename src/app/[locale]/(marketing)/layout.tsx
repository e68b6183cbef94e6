import type { ReactNode } from 'react';
import { publicPageLocale } from '@/platform/i18n/public-page';
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
  // The header and footer translate on the server: the language is set for this layout's render too.
  await publicPageLocale(params);
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
