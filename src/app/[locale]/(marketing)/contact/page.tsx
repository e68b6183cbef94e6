import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ContactForm } from '@/features/contact';
import { appConfig } from '@/platform/config/app-config';
import { CsrfTokenProvider } from '@/platform/http/client/csrf-token-provider';
import { getCsrfToken } from '@/platform/http/csrf-token';
import { CLIENT_ERROR_MESSAGES, pickMessages } from '@/platform/i18n/messages';
import { localizedPath } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';
import { publicPageLocale } from '@/platform/i18n/public-page';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await publicPageLocale(params);
  const [t, tMarketing] = await Promise.all([
    getTranslations({ locale, namespace: 'contact' }),
    getTranslations({ locale, namespace: 'marketing.contact' }),
  ]);
  return publicMetadata({
    locale,
    path: appConfig.paths.contact,
    title: t('title'),
    description: tMarketing('metaDescription', { siteName: appConfig.site.name }),
  });
}

export default async function ContactPage({ params }: Props) {
  const locale = await publicPageLocale(params);
  // Rendered per request, unlike the other marketing pages: the form carries its CSRF token in the
  // HTML so it also works without JavaScript (docs/marketing/customising-the-marketing-pages.md).
  const [t, csrfToken] = await Promise.all([getTranslations({ locale, namespace: 'contact' }), getCsrfToken()]);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="text-muted-foreground">{t('description', { siteName: appConfig.site.name })}</p>
      </div>
      {/* The public layout sends no messages (its client components take their words as props): the form's own. */}
      <NextIntlClientProvider locale={locale} messages={pickMessages(locale, ['contact', ...CLIENT_ERROR_MESSAGES])}>
        <CsrfTokenProvider token={csrfToken}>
          <ContactForm path={localizedPath(locale, '/contact')} />
        </CsrfTokenProvider>
      </NextIntlClientProvider>
    </div>
  );
}
