import { getTranslations } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';

export default async function HomePage() {
  const t = await getTranslations('common.home');
  const features = ['database', 'security', 'i18n'] as const;
  return (
    <div className="space-y-12">
      <section className="space-y-6">
        <h1 className="max-w-2xl text-4xl font-bold tracking-tight">{t('title')}</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">{t('lead', { siteName: appConfig.site.name })}</p>
        <div className="flex flex-wrap gap-3">
          <a href={appConfig.paths.contact} className="rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:bg-primary/90">
            {t('primaryCta')}
          </a>
        </div>
      </section>
      <section aria-labelledby="features-title" className="space-y-4">
        <h2 id="features-title" className="text-2xl font-semibold">
          {t('featuresTitle')}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {features.map((feature) => (
            <li key={feature} className="rounded-lg border border-border p-4 text-muted-foreground">
              {t(`features.${feature}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
