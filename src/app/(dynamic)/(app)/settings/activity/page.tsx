import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { auditQuery, SECURITY_AUDIT_ACTIONS, securityActivityPath } from '@/features/audit';
import { AuditLogTable } from '@/features/audit/components/audit-log-table';
import { InvalidAuditQuery } from '@/features/audit/components/invalid-audit-query';
import { listOwnSecurityEvents } from '@/features/audit/server';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { requireUser } from '@/features/auth/server';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit.activity');
  return { title: t('metaTitle') };
}

/** /settings/activity: the account's own security events (sign-ins, password and two-factor changes…). */
export default async function SecurityActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [raw, locale, t] = await Promise.all([searchParams, getLocale(), getTranslations('audit.activity')]);
  const validated = validateInput(auditQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const page = query ? await listOwnSecurityEvents(user.id, query) : null;
  return (
    <SettingsSection title={t('title')} description={t('description', { days: appConfig.audit.retentionDays })}>
      {query && page ? (
        <AuditLogTable
          caption={t('caption')}
          query={query}
          page={page}
          actions={SECURITY_AUDIT_ACTIONS}
          viewerId={user.id}
        />
      ) : (
        <InvalidAuditQuery href={securityActivityPath} />
      )}
    </SettingsSection>
  );
}
