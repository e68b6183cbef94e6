import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/features/auth/server/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app.dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  // Every page checks for itself: the layout's check does not run again on client-side navigation.
  const [, t] = await Promise.all([requireUser(), getTranslations('app.dashboard')]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-muted-foreground">{t('description')}</p>
      </div>
      <div className="rounded-lg border border-dashed p-10 text-center">
        <h2 className="font-medium">{t('emptyTitle')}</h2>
        <p className="mt-1 text-sm text-muted-foreground">{t('emptyDescription')}</p>
      </div>
    </div>
  );
}
