import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { adminOrganizationPath, adminOrganizationsPath } from '@/features/admin';
import {
  DeleteOrganizationForm,
  GrantPlanForm,
  TransferOwnershipForm,
} from '@/features/admin/components/admin-organization-actions';
import { AdminOrganizationOverview } from '@/features/admin/components/admin-organization-overview';
import { adminOrganizationDetail, requireSuperAdmin } from '@/features/admin/server';
import { AUDIT_ACTIONS, auditQuery } from '@/features/audit';
import { AuditLogTable } from '@/features/audit/components/audit-log-table';
import { InvalidAuditQuery } from '@/features/audit/components/invalid-audit-query';
import { listAllAuditEvents } from '@/features/audit/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/ui/card';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const tMeta = await getTranslations('admin.organizations.detail');
  return { title: tMeta('metaTitle') };
}

/** /admin/organizations/<id>: members, invitations, subscription, usage, grants, actions and recent events. */
export default async function AdminOrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ organizationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user: admin } = await requireSuperAdmin();
  const [{ organizationId }, raw, locale, t, tAll] = await Promise.all([
    params,
    searchParams,
    getLocale(),
    getTranslations('admin.organizations'),
    getTranslations(),
  ]);
  const detail = await adminOrganizationDetail(organizationId);
  if (!detail) notFound();
  const validated = validateInput(auditQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const events = query ? await listAllAuditEvents(query, { organizationId }) : null;
  const candidates = detail.members
    .filter((member) => member.role !== 'owner' || detail.members.filter((m) => m.role === 'owner').length > 1)
    .map((member) => ({ value: member.id, label: `${member.name || member.email} (${member.email})` }));
  const { organization } = detail;
  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumb={
          <Link
            href={adminOrganizationsPath}
            className="text-sm text-muted-foreground underline-offset-4 hover:underline"
          >
            {t('detail.back')}
          </Link>
        }
        title={organization.name}
        description={organization.slug}
      />
      <AdminOrganizationOverview detail={detail} />

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('detail.actions.title')}</CardTitle>
          <CardDescription>{t('detail.actions.description')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-8">
          <section className="grid gap-3" aria-labelledby="grant-plan">
            <h3 id="grant-plan" className="font-medium">
              {t('grant.title')}
            </h3>
            <GrantPlanForm
              organizationId={organization.id}
              initialProductId={
                detail.grantable.some((product) => product.id === detail.product.id)
                  ? detail.product.id
                  : (detail.grantable[0]?.id ?? '')
              }
              products={detail.grantable.map((product) => ({
                value: product.id,
                label: tAll(product.nameKey as never),
              }))}
            />
          </section>
          <section className="grid gap-3" aria-labelledby="transfer-ownership">
            <h3 id="transfer-ownership" className="font-medium">
              {t('transfer.title')}
            </h3>
            {candidates.length > 0 ? (
              <TransferOwnershipForm organizationId={organization.id} members={candidates} />
            ) : (
              <p className="text-sm text-muted-foreground">{t('transfer.none')}</p>
            )}
          </section>
          <section className="grid gap-3" aria-labelledby="delete-organization">
            <h3 id="delete-organization" className="font-medium text-destructive">
              {t('delete.title')}
            </h3>
            <p className="text-sm text-muted-foreground">{t('delete.hint')}</p>
            <DeleteOrganizationForm organizationId={organization.id} slug={organization.slug} />
          </section>
        </CardContent>
      </Card>

      <section className="grid gap-3" aria-labelledby="organization-events">
        <h2 id="organization-events" className="text-lg font-semibold">
          {t('detail.events.title')}
        </h2>
        {query && events ? (
          <AuditLogTable
            caption={t('detail.events.title')}
            query={query}
            page={events}
            actions={AUDIT_ACTIONS}
            viewerId={admin.id}
          />
        ) : (
          <InvalidAuditQuery href={adminOrganizationPath(organization.id)} />
        )}
      </section>
    </div>
  );
}
