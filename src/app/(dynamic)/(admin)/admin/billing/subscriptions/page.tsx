import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminSubscriptionQuery, adminSubscriptionsPath } from '@/features/admin';
import { AdminSubscriptionsTable } from '@/features/admin/components/admin-subscriptions-table';
import { listSubscriptions, requireSuperAdmin } from '@/features/admin/server';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.billing.subscriptions');
  return { title: t('metaTitle') };
}

/** /admin/billing/subscriptions: every organization's subscription, with links to its provider and organization. */
export default async function AdminSubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSuperAdmin();
  const [raw, locale, t] = await Promise.all([
    searchParams,
    getLocale(),
    getTranslations('admin.billing.subscriptions'),
  ]);
  const validated = validateInput(adminSubscriptionQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const page = query ? await listSubscriptions(query) : null;
  const plans = appConfig.billing.products.flatMap((product) =>
    product.plans.filter((plan) => plan.interval !== 'one_off').map((plan) => plan.id),
  );
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {query && page ? (
        <AdminSubscriptionsTable query={query} page={page} plans={plans} />
      ) : (
        <p>
          {t('invalidQuery')} <Link href={adminSubscriptionsPath}>{t('showAll')}</Link>
        </p>
      )}
    </>
  );
}
