import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FaqList, faqPageJsonLd } from '@/features/marketing';
import { faqItems } from '@/features/marketing/server';
import { appConfig } from '@/platform/config/app-config';
import { JsonLd } from '@/platform/seo/json-ld';
import { localizedPath } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';
import { publicPageLocale } from '@/platform/i18n/public-page';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'marketing.faq' });
  return publicMetadata({
    locale,
    path: '/faq',
    title: t('metaTitle'),
    description: t('metaDescription', { siteName: appConfig.site.name }),
  });
}

export default async function FaqPage({ params }: Props) {
  const locale = await publicPageLocale(params);
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
