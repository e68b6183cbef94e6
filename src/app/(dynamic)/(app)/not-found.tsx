import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/ui/button';
import { InAppNotFound } from '../../_shell/in-app-not-found';

/** A record missing inside the app (notFound() below this layout): the app's shell stays, with a way back. */
export default async function AppNotFound() {
  const t = await getTranslations('app.notFound');
  return (
    <InAppNotFound
      title={t('title')}
      description={t('description')}
      action={
        <Button asChild>
          <Link href="/dashboard">{t('back')}</Link>
        </Button>
      }
    />
  );
}
