import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ContactForm } from '@/features/contact';
import { appConfig } from '@/platform/config/app-config';
import { CsrfTokenProvider } from '@/platform/http/client/csrf-token-provider';
import { getCsrfToken } from '@/platform/http/csrf-token';
import { isLocale } from '@/platform/i18n/locale';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'contact' });
  return { title: t('title') };
}

/**
 * Rendered per request: the form carries this visitor's CSRF token in its HTML,
 * so it works before (and without) JavaScript.
 */
export default async function ContactPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, csrfToken] = await Promise.all([getTranslations({ locale, namespace: 'contact' }), getCsrfToken()]);
  return (
    <CsrfTokenProvider token={csrfToken}>
      <div className="mx-auto max-w-xl space-y-6">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
          <p className="text-muted-foreground">{t('description', { siteName: appConfig.site.name })}</p>
        </div>
        <ContactForm />
      </div>
    </CsrfTokenProvider>
  );
}
