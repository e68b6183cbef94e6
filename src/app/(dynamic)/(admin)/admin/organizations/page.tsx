import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminOrganizationQuery, adminOrganizationsPath } from '@/features/admin';
import { AdminOrganizationsTable } from '@/features/admin/components/admin-organizations-table';
import { catalogueProducts, listOrganizations, requireSuperAdmin } from '@/features/admin/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.organizations');
  return { title: t('metaTitle') };
}

/** /admin/organizations: every organization, searchable, filtered and paged in the URL. */
export default async function AdminOrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSuperAdmin();
  const [raw, locale, t, tAll] = await Promise.all([
    searchParams,
    getLocale(),
    getTranslations('admin.organizations'),
    getTranslations(),
  ]);
  const validated = validateInput(adminOrganizationQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const page = query ? await listOrganizations(query) : null;
  const plans = catalogueProducts().map((product) => ({ id: product.id, name: tAll(product.nameKey as never) }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {query && page ? (
        <AdminOrganizationsTable query={query} page={page} plans={plans} />
      ) : (
        <p>
          {t('invalidQuery')} <Link href={adminOrganizationsPath}>{t('showAll')}</Link>
        </p>
      )}
    </>
  );
}
