import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/ui/card';
import { adminOrganizationPath } from '../paths';
import type { AdminUserDetail } from '../server';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * What a super admin reads about a user: their state (ban, two-factor, address), organizations and roles, signed-in
 * devices and sign-in methods. Actions and the audit events are the page's.
 */
export async function AdminUserOverview({ detail }: { detail: AdminUserDetail }) {
  const [t, tRoles, tImpersonation, format] = await Promise.all([
    getTranslations('admin.user'),
    getTranslations('organizations.roles'),
    getTranslations('admin.impersonation'),
    getFormatter(),
  ]);
  const { user } = detail;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title={t('state.title')}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="admin-user-state">
          <dt className="text-muted-foreground">{t('state.email')}</dt>
          <dd>
            {user.email} {user.emailVerified ? null : <Badge variant="outline">{t('state.unconfirmed')}</Badge>}
          </dd>
          <dt className="text-muted-foreground">{t('state.twoFactor')}</dt>
          <dd>{user.twoFactorEnabled ? t('state.twoFactorOn') : t('state.twoFactorOff')}</dd>
          <dt className="text-muted-foreground">{t('state.createdAt')}</dt>
          <dd>{when(user.createdAt)}</dd>
          <dt className="text-muted-foreground">{t('state.access')}</dt>
          <dd>
            {detail.banned ? (
              <>
                <Badge variant="destructive">{t('state.banned')}</Badge>{' '}
                {user.banExpiresAt
                  ? t('state.bannedUntil', { date: when(user.banExpiresAt) })
                  : t('state.bannedIndefinitely')}
                <span className="block text-muted-foreground">
                  {t('state.reason', { reason: user.banReason ?? '' })}
                </span>
              </>
            ) : detail.superAdmin ? (
              <Badge>{t('state.superAdmin')}</Badge>
            ) : (
              t('state.active')
            )}
          </dd>
        </dl>
      </Section>

      <Section title={t('organizations.title')}>
        {detail.organizations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('organizations.none')}</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {detail.organizations.map((organization) => (
              <li key={organization.id} className="flex items-center justify-between gap-2">
                <span>
                  <Link
                    href={adminOrganizationPath(organization.id)}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {organization.name}
                  </Link>{' '}
                  <span className="text-muted-foreground">({organization.slug})</span>
                </span>
                <Badge variant="secondary">{tRoles(organization.role as never)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('sessions.title')}>
        {detail.sessions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('sessions.none')}</p>
        ) : (
          <ul className="grid gap-2 text-sm" data-testid="admin-user-sessions">
            {detail.sessions.map((session) => (
              <li key={session.id}>
                <span className="font-medium">
                  {[session.device.browser, session.device.os].filter(Boolean).join(' · ') || t('sessions.unknown')}
                </span>{' '}
                {session.impersonated ? <Badge variant="secondary">{tImpersonation('adminSessionBadge')}</Badge> : null}
                <span className="block text-muted-foreground">
                  {t('sessions.line', {
                    ip: session.ipAddress ?? '—',
                    since: when(session.createdAt),
                    active: when(session.lastActiveAt),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('methods.title')}>
        <ul className="grid gap-1 text-sm">
          {detail.signInMethods.map((method) => (
            <li key={method.providerId}>
              {method.providerId === 'credential' ? t('methods.password') : method.providerId}{' '}
              <span className="text-muted-foreground">{t('methods.since', { date: when(method.linkedAt) })}</span>
            </li>
          ))}
          <li className="text-muted-foreground">{t('methods.emailLinks')}</li>
        </ul>
      </Section>
    </div>
  );
}

/** A link back to the list, for the detail page's header. */
export async function BackToUsers({ href }: { href: string }) {
  const t = await getTranslations('admin.user');
  return (
    <Link href={href} className="text-sm text-muted-foreground underline-offset-4 hover:underline">
      {t('back')}
    </Link>
  );
}
