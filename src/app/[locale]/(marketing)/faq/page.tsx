import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { FaqList, faqPageJsonLd } from '@/features/marketing';
import { faqItems } from '@/features/marketing/server';
import { appConfig, LOCALES } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { JsonLd } from '@/platform/seo/json-ld';
import { localizedPath } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';

type Props = { params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'marketing.faq' });
  return publicMetadata({
    locale,
    path: '/faq',
    title: t('metaTitle'),
    description: t('metaDescription', { siteName: appConfig.site.name }),
  });
}

export default async function FaqPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, items] = await Promise.all([getTranslations({ locale, namespace: 'marketing.faq' }), faqItems(locale)]);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <JsonLd data={faqPageJsonLd(items, locale)} />
      <div className="space-y-3">
        <h1 className="text-4xl font-bold tracking-tight">{t('title')}</h1>
        <p className="text-lg text-muted-foreground">
          {t('lead')}{' '}
          <Link
            href={localizedPath(locale, appConfig.paths.contact)}
            className="font-medium text-primary underline underline-offset-4"
          >
            {t('contactLink')}
          </Link>
        </p>
      </div>
      <FaqList items={items} headingLevel="h2" />
    </div>
  );
}
