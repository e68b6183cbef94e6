import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MarketingFooter } from '../_shell/marketing-footer';
import { MarketingHeader } from '../_shell/marketing-header';

export default async function MarketingLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only z-50 rounded-md bg-background px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        {t('skipToContent')}
      </a>
      <MarketingHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-12">
        {children}
      </main>
      <MarketingFooter />
    </div>
  );
}
