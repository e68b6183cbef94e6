import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminWebhookQuery, adminWebhooksPath } from '@/features/admin';
import { StartReconciliationButton } from '@/features/admin/components/admin-billing-actions';
import { AdminWebhooksTable, FailedWebhookEvents } from '@/features/admin/components/admin-webhooks-table';
import { listFailedWebhookEvents, listWebhookEvents, requireSuperAdmin } from '@/features/admin/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/ui/card';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.billing.webhooks');
  return { title: t('metaTitle') };
}

/**
 * /admin/billing/webhooks: the failed events first (each with its error and a redelivery button), then the whole
 * ledger filtered in the URL; and the reconciliation, run now.
 */
export default async function AdminWebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSuperAdmin();
  const [raw, locale, t, tReconciliation] = await Promise.all([
    searchParams,
    getLocale(),
    getTranslations('admin.billing.webhooks'),
    getTranslations('admin.billing.reconciliation'),
  ]);
  const validated = validateInput(adminWebhookQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const [failed, page] = await Promise.all([listFailedWebhookEvents(), query ? listWebhookEvents(query) : null]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-8">
        {failed.length > 0 ? <FailedWebhookEvents rows={failed} /> : null}
        {query && page ? (
          <AdminWebhooksTable query={query} page={page} />
        ) : (
          <p>
            {t('invalidQuery')} <Link href={adminWebhooksPath}>{t('showAll')}</Link>
          </p>
        )}
        <Card>
          <CardHeader>
            <CardTitle as="h2">{tReconciliation('title')}</CardTitle>
            <CardDescription>{tReconciliation('description')}</CardDescription>
          </CardHeader>
          <CardContent>
            <StartReconciliationButton />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
