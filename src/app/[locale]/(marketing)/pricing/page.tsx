import type { Metadata } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { softwareApplicationJsonLd } from '@/features/marketing';
import { MarketingPricingTable } from '@/features/marketing/components/marketing-pricing-table';
import { pricingTableMessages, publicPricingProducts } from '@/features/marketing/server';
import { appConfig } from '@/platform/config/app-config';
import { JsonLd } from '@/platform/seo/json-ld';
import { localizedPath } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';
import { publicPageLocale } from '@/platform/i18n/public-page';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'marketing.pricing' });
  return publicMetadata({
    locale,
    path: '/pricing',
    title: t('metaTitle'),
    description: t('metaDescription', { siteName: appConfig.site.name }),
  });
}

export default async function PricingPage({ params }: Props) {
  const locale = await publicPageLocale(params);
  const [t, products] = await Promise.all([
    getTranslations({ locale, namespace: 'marketing.pricing' }),
    publicPricingProducts(locale),
  ]);
  return (
    <div className="space-y-10">
      <JsonLd data={softwareApplicationJsonLd(products, locale)} />
      <div className="mx-auto max-w-2xl space-y-3 text-center">
        <h1 className="text-4xl font-bold tracking-tight">{t('title')}</h1>
        <p className="text-lg text-muted-foreground">{t('lead')}</p>
      </div>
      {/* The table's own words only: the public layout's messages leave billing out. */}
      <NextIntlClientProvider locale={locale} messages={pricingTableMessages(locale)}>
        <MarketingPricingTable
          products={products}
          signUpHref={appConfig.paths.signUp}
          contactHref={localizedPath(locale, appConfig.paths.contact)}
          chooseLabel={t('choose')}
        />
      </NextIntlClientProvider>
      <p className="text-center text-muted-foreground">
        {t('questions')}{' '}
        <Link href={localizedPath(locale, '/faq')} className="font-medium text-primary underline underline-offset-4">
          {t('questionsLink')}
        </Link>
      </p>
    </div>
  );
}
