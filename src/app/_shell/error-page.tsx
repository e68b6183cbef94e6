'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { reportClientError } from '@/platform/http/client/report-client-error';
import { buttonVariants } from '@/ui/button-variants';

/**
 * Shown when rendering a page fails (the error.tsx of both page trees). The
 * error is reported to the server log with its digest. Every page carries it
 * in its scripts: a plain button with the button classes, not Button (whose
 * `cn` brings tailwind-merge).
 */
export function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common.errorPage');
  useEffect(() => {
    reportClientError(error);
  }, [error]);
  return (
    <main
      id="main"
      role="alert"
      className="flex min-h-[60vh] flex-col items-center justify-center gap-4 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-md text-muted-foreground">{t('description')}</p>
      {error.digest ? (
        <p className="text-sm text-muted-foreground">{t('reference', { digest: error.digest })}</p>
      ) : null}
      <button type="button" className={buttonVariants()} onClick={reset}>
        {t('retry')}
      </button>
    </main>
  );
}
