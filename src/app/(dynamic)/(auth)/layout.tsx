import Link from 'next/link';
import type { ReactNode } from 'react';
import { ImpersonationBanner } from '@/features/admin/components/impersonation-banner';
import { appConfig } from '@/platform/config/app-config';
import { ClientMessages } from '@/platform/i18n/client-messages';
import { LanguageSwitcher } from '@/platform/i18n/language-switcher';
import { ThemeSwitcher } from '@/platform/theme/theme-switcher';
import { Logo } from '../../_shell/logo';
import { SkipLink } from '../../_shell/skip-link';

/** Sign-in, sign-up and their companions: a centred card under the logo. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-muted/40">
      <SkipLink />
      <div className="flex justify-end gap-1 p-3">
        {appConfig.features.languageSwitcher ? <LanguageSwitcher /> : null}
        {appConfig.features.themeSwitcher ? <ThemeSwitcher /> : null}
      </div>
      <main id="main" className="flex flex-1 flex-col items-center px-4 pb-16">
        {/* Onboarding can be reached while impersonating: the way back stays in sight. */}
        <ImpersonationBanner />
        <Link href="/" className="mb-8 rounded-md">
          <Logo />
        </Link>
        <div className="w-full max-w-md rounded-xl border bg-card p-6 text-card-foreground shadow-sm sm:p-8">
          {/* The words the sign-in, sign-up and onboarding forms use (docs/performance.md). */}
          <ClientMessages paths={['auth', 'organizations.onboarding', 'organizations.switcher']}>
            {children}
          </ClientMessages>
        </div>
      </main>
    </div>
  );
}
