import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminUserQuery, adminUsersPath } from '@/features/admin';
import { AdminUsersTable } from '@/features/admin/components/admin-users-table';
import { isBanned, listUsers, requireSuperAdmin } from '@/features/admin/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { PageHeader } from '@/ui/page-header';
import Link from 'next/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('metaTitle') };
}

/** /admin/users: every user, searchable, filtered and paged in the URL. */
export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSuperAdmin();
  const [raw, locale, t] = await Promise.all([searchParams, getLocale(), getTranslations('admin.users')]);
  const validated = validateInput(adminUserQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const page = query ? await listUsers(query) : null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {query && page ? (
        <AdminUsersTable
          query={query}
          page={{
            ...page,
            // What the browser needs, no more: the ban's reason stays on the server.
            rows: page.rows.map((user) => ({
              id: user.id,
              name: user.name,
              email: user.email,
              emailVerified: user.emailVerified,
              twoFactorEnabled: user.twoFactorEnabled,
              banned: isBanned(user),
              createdAt: user.createdAt,
            })),
          }}
        />
      ) : (
        <p>
          {t('invalidQuery')} <Link href={adminUsersPath}>{t('showAll')}</Link>
        </p>
      )}
    </>
  );
}
