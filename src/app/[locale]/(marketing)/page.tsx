import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import {
  FaqList,
  landingConfig,
  LogoCloud,
  organizationJsonLd,
  PricingTeaser,
  Screenshot,
  Testimonials,
} from '@/features/marketing';
import { faqItems, publicPricingProducts } from '@/features/marketing/server';
import { appConfig } from '@/platform/config/app-config';
import { JsonLd } from '@/platform/seo/json-ld';
import { localizedPath } from '@/platform/seo/localized-path';
import { publicMetadata } from '@/platform/seo/metadata';
import { Alert, AlertDescription } from '@/ui/alert';
import { Button } from '@/ui/button';
import { publicPageLocale } from '@/platform/i18n/public-page';
import { AccountDeletedNotice } from '../../_shell/account-deleted-notice';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await publicPageLocale(params);
  const t = await getTranslations({ locale, namespace: 'marketing.home' });
  return publicMetadata({
    locale,
    path: '/',
    title: t('metaTitle'),
    description: t('metaDescription', { siteName: appConfig.site.name }),
  });
}

export default async function LandingPage({ params }: Props) {
  const locale = await publicPageLocale(params);
  const [t, tPricing, tSettings, faq, products] = await Promise.all([
    getTranslations({ locale, namespace: 'marketing.home' }),
    getTranslations({ locale, namespace: 'billing.pricing' }),
    getTranslations({ locale, namespace: 'settings' }),
    faqItems(locale, landingConfig.faq),
    publicPricingProducts(locale),
  ]);
  const siteName = appConfig.site.name;
  return (
    <div className="space-y-24 pb-8">
      <JsonLd data={organizationJsonLd()} />
      {/* Where deleting an account lands (settings → account); read in the browser, so the page stays static. */}
      <Suspense fallback={null}>
        <AccountDeletedNotice>
          <Alert variant="success" className="mt-6">
            <AlertDescription>
              <p>{tSettings('account.delete.deleted')}</p>
            </AlertDescription>
          </Alert>
        </AccountDeletedNotice>
      </Suspense>
      <section className="mx-auto max-w-3xl space-y-6 pt-10 text-center">
        <p className="text-sm font-semibold tracking-wide text-primary uppercase">{t('eyebrow')}</p>
        <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-6xl">{t('title')}</h1>
        <p className="text-lg text-pretty text-muted-foreground sm:text-xl">{t('lead', { siteName })}</p>
        <div className="flex flex-wrap justify-center gap-3">
          <Button asChild size="lg">
            <Link href={appConfig.paths.signUp}>{t('primaryCta')}</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href={localizedPath(locale, '/pricing')}>{t('secondaryCta')}</Link>
          </Button>
        </div>
        <p className="text-sm text-muted-foreground">{t('heroNote')}</p>
      </section>

      <LogoCloud title={t('logosTitle')} logos={landingConfig.logos} />

      <section id="features" aria-labelledby="features-title" className="scroll-mt-20 space-y-16">
        <div className="mx-auto max-w-2xl space-y-3 text-center">
          <h2 id="features-title" className="text-3xl font-bold tracking-tight">
            {t('featuresTitle')}
          </h2>
          <p className="text-lg text-muted-foreground">{t('featuresLead')}</p>
        </div>
        {landingConfig.features.map((feature, index) => (
          <article
            key={feature}
            className="grid items-center gap-8 lg:grid-cols-2 lg:gap-12"
            aria-labelledby={`feature-${feature}`}
          >
            <div className={`space-y-3 ${index % 2 === 1 ? 'lg:order-2' : ''}`}>
              <h3 id={`feature-${feature}`} className="text-2xl font-semibold tracking-tight">
                {t(`features.${feature}.title`)}
              </h3>
              <p className="text-lg text-muted-foreground">{t(`features.${feature}.body`)}</p>
            </div>
            <Screenshot name={feature} alt={t('screenshotAlt', { feature: t(`features.${feature}.title`) })} />
          </article>
        ))}
      </section>

      <Testimonials title={t('proofTitle')} testimonials={landingConfig.testimonials} />

      <PricingTeaser
        products={products}
        locale={locale}
        pricingHref={localizedPath(locale, '/pricing')}
        labels={{
          title: t('pricingTitle'),
          lead: t('pricingLead'),
          free: t('pricingFree'),
          custom: t('pricingCustom'),
          from: (price) => t('pricingFrom', { price }),
          recommended: tPricing('recommended'),
          cta: t('pricingCta'),
        }}
      />

      <section aria-labelledby="faq-title" className="mx-auto max-w-3xl space-y-6">
        <h2 id="faq-title" className="text-center text-3xl font-bold tracking-tight">
          {t('faqTitle')}
        </h2>
        <FaqList items={faq} />
        <p className="text-center">
          <Link href={localizedPath(locale, '/faq')} className="font-medium text-primary underline underline-offset-4">
            {t('faqMore')}
          </Link>
        </p>
      </section>

      <section
        aria-labelledby="final-cta-title"
        className="mx-auto max-w-4xl space-y-5 rounded-2xl border bg-muted/50 px-6 py-12 text-center"
      >
        <h2 id="final-cta-title" className="text-3xl font-bold tracking-tight text-balance">
          {t('finalTitle')}
        </h2>
        <p className="mx-auto max-w-xl text-lg text-muted-foreground">{t('finalLead')}</p>
        <div className="flex flex-wrap justify-center gap-3">
          <Button asChild size="lg">
            <Link href={appConfig.paths.signUp}>{t('finalPrimaryCta')}</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href={localizedPath(locale, appConfig.paths.contact)}>{t('finalSecondaryCta')}</Link>
          </Button>
        </div>
      </section>
    </div>
  );
}
