import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LegalBody } from '@/features/legal/components/legal-body';
import { isLegalPage, LEGAL_PAGES, legalPage } from '@/features/legal/server';
import { appConfig } from '@/platform/config/app-config';
import { isLocale } from '@/platform/i18n/locale';
import { publicMetadata } from '@/platform/seo/metadata';
import { Alert, AlertDescription } from '@/ui/alert';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return LEGAL_PAGES.map((slug) => ({ slug }));
}

async function load(params: Props['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale) || !isLegalPage(slug)) notFound();
  return { locale, slug };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await load(params);
  const t = await getTranslations({ locale, namespace: 'legal.pages' });
  return publicMetadata({
    locale,
    path: `/legal/${slug}`,
    title: t(`${slug}.title`),
    description: t(`${slug}.description`, { siteName: appConfig.site.name }),
  });
}

/** /legal/terms, /legal/privacy, /legal/cookies: the templates in content/legal/ filled in from the configuration. */
export default async function LegalPage({ params }: Props) {
  const { locale, slug } = await load(params);
  setRequestLocale(locale);
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'legal' }), getFormatter({ locale })]);
  const page = legalPage(locale, slug);
  const updated = format.dateTime(new Date(`${appConfig.legal.updated}T00:00:00Z`), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-4xl font-bold tracking-tight">{t(`pages.${slug}.title`)}</h1>
        <p className="text-sm text-muted-foreground">
          <time dateTime={appConfig.legal.updated}>{t('lastUpdated', { date: updated })}</time>
        </p>
      </header>
      {page.fallback ? (
        <Alert>
          <AlertDescription>
            <p>{t('fallbackNotice')}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <div lang={page.fallback ? page.locale : undefined}>
        <LegalBody mdx={page.mdx} />
      </div>
    </div>
  );
}
