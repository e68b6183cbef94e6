'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { reportClientError } from '@/platform/http/client/report-client-error';

/** Shown when rendering a page fails. The error is reported to the server log with its digest. */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common.errorPage');
  useEffect(() => {
    reportClientError(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 text-center">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="text-muted-foreground">{t('description')}</p>
      {error.digest ? <p className="text-sm text-muted-foreground">{t('reference', { digest: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground">
        {t('retry')}
      </button>
    </div>
  );
}
