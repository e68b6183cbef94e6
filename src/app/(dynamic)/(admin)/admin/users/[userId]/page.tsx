import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { adminUserPath, adminUsersPath } from '@/features/admin';
import { AdminUserOverview, BackToUsers } from '@/features/admin/components/admin-user-overview';
import {
  BanUserForm,
  DeleteUserForm,
  ResendConfirmationButton,
  ResetTwoFactorButton,
  SignOutUserEverywhereButton,
  StartImpersonationButton,
  UnbanUserButton,
} from '@/features/admin/components/admin-user-actions';
import { adminUserDetail, requireSuperAdmin } from '@/features/admin/server';
import { AUDIT_ACTIONS, auditQuery } from '@/features/audit';
import { AuditLogTable } from '@/features/audit/components/audit-log-table';
import { InvalidAuditQuery } from '@/features/audit/components/invalid-audit-query';
import { listAllAuditEvents } from '@/features/audit/server';
import type { Locale } from '@/platform/config/app-config';
import { validateInput } from '@/platform/http/validation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/ui/card';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.user');
  return { title: t('metaTitle') };
}

/** /admin/users/<id>: a user's state, organizations, sessions and sign-in methods, actions on them, events. */
export default async function AdminUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user: admin } = await requireSuperAdmin();
  const [{ userId }, raw, locale, t, tImpersonation] = await Promise.all([
    params,
    searchParams,
    getLocale(),
    getTranslations('admin.user'),
    getTranslations('admin.impersonation.start'),
  ]);
  const detail = await adminUserDetail(userId);
  if (!detail) notFound();
  const validated = validateInput(auditQuery.schema, raw, locale as Locale);
  const query = validated.ok ? { ...validated.data, cursor: null } : null;
  const events = query ? await listAllAuditEvents(query, { targetUserId: userId }) : null;
  const self = detail.user.id === admin.id;
  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumb={<BackToUsers href={adminUsersPath} />}
        title={detail.user.name || detail.user.email}
        description={detail.user.email}
      />
      <AdminUserOverview detail={detail} />

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('actions.title')}</CardTitle>
          <CardDescription>{t('actions.description')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <SignOutUserEverywhereButton userId={userId} />
          {detail.user.emailVerified ? null : <ResendConfirmationButton userId={userId} />}
          {detail.user.twoFactorEnabled && !self && !detail.superAdmin ? (
            <ResetTwoFactorButton userId={userId} />
          ) : null}
          {detail.banned ? (
            <UnbanUserButton userId={userId} />
          ) : self || detail.superAdmin ? (
            <p className="text-sm text-muted-foreground">{t('actions.cannotBan')}</p>
          ) : (
            <BanUserForm userId={userId} />
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{tImpersonation('title')}</CardTitle>
          <CardDescription>{tImpersonation('description')}</CardDescription>
        </CardHeader>
        <CardContent>
          {self || detail.superAdmin || detail.banned ? (
            <p className="text-sm text-muted-foreground">{tImpersonation('unavailable')}</p>
          ) : (
            <StartImpersonationButton userId={userId} />
          )}
        </CardContent>
      </Card>

      {self || detail.superAdmin ? null : (
        <Card className="border-destructive/40">
          <CardHeader>
            <CardTitle as="h2">{t('delete.title')}</CardTitle>
            <CardDescription>{t('delete.description')}</CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteUserForm userId={userId} email={detail.user.email} />
          </CardContent>
        </Card>
      )}

      <section className="grid gap-3" aria-labelledby="user-events">
        <h2 id="user-events" className="text-lg font-semibold">
          {t('events.title')}
        </h2>
        {query && events ? (
          <AuditLogTable
            caption={t('events.title')}
            query={query}
            page={events}
            actions={AUDIT_ACTIONS}
            viewerId={admin.id}
          />
        ) : (
          <InvalidAuditQuery href={adminUserPath(userId)} />
        )}
      </section>
    </div>
  );
}
