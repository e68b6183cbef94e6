import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common.errorPage');
  return (
    <div className="mx-auto max-w-xl space-y-4 text-center">
      <h1 className="text-3xl font-bold">{t('notFoundTitle')}</h1>
      <p className="text-muted-foreground">{t('notFoundDescription')}</p>
      <a href="/" className="inline-block text-primary underline">
        {t('backHome')}
      </a>
    </div>
  );
}
