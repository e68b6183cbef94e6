import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { auditQuery, ORGANIZATION_AUDIT_ACTIONS, organizationAuditPath } from '@/features/audit';
import { AuditLogTable } from '@/features/audit/components/audit-log-table';
import { InvalidAuditQuery } from '@/features/audit/components/invalid-audit-query';
import { listOrganizationAuditEvents, organizationAuditActors } from '@/features/audit/server';
import { requireOrganization } from '@/features/organizations/server';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { PageHeader } from '@/ui/page-header';

interface AuditPageProps {
  params: Promise<{ organization: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Only roles with audit.read: anyone else gets the 404 page, as if it did not exist. */
const REQUIREMENT = { permission: 'audit.read' } as const;

export async function generateMetadata({ params }: AuditPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('audit.organization')]);
  const access = await requireOrganization(organization, REQUIREMENT);
  return { title: t('metaTitle', { organization: access.organization.name }) };
}

/**
 * /dashboard/<slug>/settings/audit: who did what in the organization, for its owners and admins (audit.read; the
 * database's row-level security agrees). Filters and pages in the URL (auditQuery).
 */
export default async function OrganizationAuditPage({ params, searchParams }: AuditPageProps) {
  const [{ organization: slug }, raw, locale, t] = await Promise.all([
    params,
    searchParams,
    getLocale(),
    getTranslations('audit.organization'),
  ]);
  const { organization, user } = await requireOrganization(slug, REQUIREMENT);
  const scope = { userId: user.id, organizationId: organization.id };
  const validated = validateInput(auditQuery.schema, raw, locale as Locale);
  const header = (
    <PageHeader
      className="pb-0"
      title={t('title')}
      description={t('description', { organization: organization.name, days: appConfig.audit.retentionDays })}
    />
  );
  if (!validated.ok) {
    return (
      <div className="grid min-w-0 gap-6">
        {header}
        <InvalidAuditQuery href={organizationAuditPath(organization.slug)} />
      </div>
    );
  }
  const query = { ...validated.data, cursor: null };
  const [page, actors] = await Promise.all([listOrganizationAuditEvents(scope, query), organizationAuditActors(scope)]);
  return (
    <div className="grid min-w-0 gap-6">
      {header}
      <AuditLogTable
        caption={t('caption', { organization: organization.name })}
        query={query}
        page={page}
        actions={ORGANIZATION_AUDIT_ACTIONS}
        actors={actors}
        viewerId={user.id}
      />
    </div>
  );
}
