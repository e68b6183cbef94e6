import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { appConfig } from '@/platform/config/app-config';
import { publicHref } from '@/platform/i18n/public-paths';
import { Button } from '@/ui/button';
import { Logo } from './logo';

/** The branded "Page not found" of both page trees: the logo, the message, and a link home in the page's language. */
export async function NotFoundPage() {
  const [t, locale] = await Promise.all([getTranslations('common.errorPage'), getLocale()]);
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <p className="text-6xl font-bold text-muted-foreground" aria-hidden>
        404
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
        <p className="text-muted-foreground">{t('notFoundDescription')}</p>
      </div>
      <Button asChild>
        <Link href={publicHref(locale, '/', appConfig.locales.default)}>{t('backHome')}</Link>
      </Button>
    </main>
  );
}
