import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminAuditPath } from '@/features/admin';
import { requireSuperAdmin } from '@/features/admin/server';
import { AUDIT_ACTIONS, auditQuery } from '@/features/audit';
import { AuditLogTable } from '@/features/audit/components/audit-log-table';
import { InvalidAuditQuery } from '@/features/audit/components/invalid-audit-query';
import { listAllAuditEvents } from '@/features/audit/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.audit');
  return { title: t('metaTitle') };
}

/** /admin/audit: the whole audit log — every organization's and every user's events, and the admins' own. */
export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireSuperAdmin();
  const [raw, locale, t] = await Promise.all([searchParams, getLocale(), getTranslations('admin.audit')]);
  const validated = validateInput(auditQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const page = query ? await listAllAuditEvents(query) : null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {query && page ? (
        <AuditLogTable caption={t('title')} query={query} page={page} actions={AUDIT_ACTIONS} viewerId={user.id} />
      ) : (
        <InvalidAuditQuery href={adminAuditPath} />
      )}
    </>
  );
}
