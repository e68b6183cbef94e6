import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { AccountDeletedNotice } from '@/features/auth';
import { appConfig } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { publicHref } from '@/platform/i18n/public-paths';
import { Button } from '@/ui/button';

const features = ['database', 'security', 'i18n'] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, format, tSettings] = await Promise.all([
    getTranslations({ locale, namespace: 'marketing.home' }),
    getFormatter({ locale }),
    getTranslations({ locale, namespace: 'settings' }),
  ]);
  return (
    <div className="space-y-16">
      {/* Where deleting an account lands (settings → account); read in the browser, so the page stays static. */}
      <Suspense fallback={null}>
        <AccountDeletedNotice message={tSettings('account.delete.deleted')} />
      </Suspense>
      <section className="space-y-6 pt-6">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">{t('lead', { siteName: appConfig.site.name })}</p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href={publicHref(locale, appConfig.paths.contact, appConfig.locales.default)}>{t('primaryCta')}</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href={appConfig.paths.dashboard}>{t('secondaryCta')}</Link>
          </Button>
        </div>
      </section>
      <section id="features" aria-labelledby="features-title" className="scroll-mt-20 space-y-4">
        <h2 id="features-title" className="text-2xl font-semibold">
          {t('featuresTitle')}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {features.map((feature) => (
            <li key={feature} className="rounded-lg border bg-card p-5 text-card-foreground shadow-sm">
              {t(`features.${feature}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="facts-title" className="space-y-3">
        <h2 id="facts-title" className="text-2xl font-semibold">
          {t('factsTitle')}
        </h2>
        {/* Dates, numbers and currencies follow the visitor's language. */}
        <ul className="flex flex-wrap gap-x-8 gap-y-2 text-muted-foreground" data-testid="facts">
          <li>
            {t('facts.released', { date: format.dateTime(new Date('2026-11-25T12:00:00Z'), { dateStyle: 'long' }) })}
          </li>
          <li>{t('facts.downloads', { count: 1234567 })}</li>
          <li>{t('facts.price', { price: format.number(19, { style: 'currency', currency: 'EUR' }) })}</li>
        </ul>
      </section>
    </div>
  );
}
