import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/ui/button';
import { Logo } from './_shell/logo';

export default async function NotFound() {
  const t = await getTranslations('common.errorPage');
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
        <Link href="/">{t('backHome')}</Link>
      </Button>
    </main>
  );
}
