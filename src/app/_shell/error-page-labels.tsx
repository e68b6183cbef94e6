import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/platform/config/constants';
import { ErrorPageLabelsProvider } from './error-page';

/** The error page's words in `locale` (the request's when omitted), for the error boundaries below. */
export async function ErrorPageLabels({ locale, children }: { locale?: Locale; children: ReactNode }) {
  const t = locale
    ? await getTranslations({ locale, namespace: 'common.errorPage' })
    : await getTranslations('common.errorPage');
  return (
    <ErrorPageLabelsProvider
      labels={{
        title: t('title'),
        description: t('description'),
        reference: t.raw('reference') as string,
        retry: t('retry'),
      }}
    >
      {children}
    </ErrorPageLabelsProvider>
  );
}
