import type { ReactNode } from 'react';
import { MarketingFooter } from '../_shell/marketing-footer';
import { MarketingHeader } from '../_shell/marketing-header';
import { SkipLink } from '../_shell/skip-link';

export default function MarketingLayout({ children }: { children: ReactNode }) {
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
