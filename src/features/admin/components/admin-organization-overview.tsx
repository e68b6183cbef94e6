import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/ui/card';
import { adminUserPath } from '../paths';
import type { AdminOrganizationDetail } from '../server';

const PROVIDER_NAMES: Record<string, string> = {
  local: 'Keel Local',
  stripe: 'Stripe',
  'lemon-squeezy': 'Lemon Squeezy',
};

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * What a super admin reads about an organization: members and roles (each linking to the user's admin page), open
 * invitations, the subscription with a link to the provider's dashboard, usage against the plan's limits and the
 * plan grants with their reasons. Actions and the audit events are the page's.
 */
export async function AdminOrganizationOverview({ detail }: { detail: AdminOrganizationDetail }) {
  const [t, tRoles, tAll, format] = await Promise.all([
    getTranslations('admin.organizations.detail'),
    getTranslations('organizations.roles'),
    getTranslations(),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium' });
  // A grant lasts through a day (UTC): it ends at the next midnight, so its last day is the one before.
  const lastDay = (endsAt: Date) =>
    format.dateTime(new Date(endsAt.getTime() - 1), { dateStyle: 'medium', timeZone: 'UTC' });
  const productName = (id: string) => {
    const product = detail.grantable.find((candidate) => candidate.id === id);
    if (product) return tAll(product.nameKey as never);
    return id === detail.product.id ? tAll(detail.product.nameKey as never) : id;
  };
  const { subscription } = detail;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title={t('members.title')} testId="admin-organization-members">
        {detail.members.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('members.none')}</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {detail.members.map((member) => (
              <li key={member.id} className="flex items-center justify-between gap-2">
                <span>
                  <Link href={adminUserPath(member.userId)} className="font-medium underline-offset-4 hover:underline">
                    {member.name || member.email}
                  </Link>{' '}
                  <span className="text-muted-foreground">{member.email}</span>
                </span>
                <Badge variant="secondary">{tRoles(member.role as never)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('subscription.title')} testId="admin-organization-subscription">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t('subscription.current')}</dt>
          <dd>
            <Badge>{tAll(detail.product.nameKey as never)}</Badge>{' '}
            {detail.grant ? t('subscription.granted', { date: lastDay(detail.grant.endsAt) }) : null}
          </dd>
          {subscription ? (
            <>
              <dt className="text-muted-foreground">{t('subscription.plan')}</dt>
              <dd>{subscription.planId}</dd>
              <dt className="text-muted-foreground">{t('subscription.status')}</dt>
              <dd>
                {tAll(`admin.organizations.filters.statuses.${subscription.status}` as never)}
                {subscription.cancelAtPeriodEnd ? (
                  <span className="block text-muted-foreground">{t('subscription.cancelAtPeriodEnd')}</span>
                ) : null}
              </dd>
              {subscription.trialEndsAt ? (
                <>
                  <dt className="text-muted-foreground">{t('subscription.trialEnd')}</dt>
                  <dd>{when(subscription.trialEndsAt)}</dd>
                </>
              ) : null}
              <dt className="text-muted-foreground">{t('subscription.periodEnd')}</dt>
              <dd>{when(subscription.periodEndsAt)}</dd>
              <dt className="text-muted-foreground">{t('subscription.provider')}</dt>
              <dd>
                {PROVIDER_NAMES[subscription.provider] ?? subscription.provider}{' '}
                <span className="font-mono text-xs text-muted-foreground">{subscription.providerSubscriptionId}</span>
                {subscription.dashboardUrl ? (
                  <a
                    href={subscription.dashboardUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="block underline-offset-4 hover:underline"
                  >
                    {t('subscription.openAtProvider', {
                      provider: PROVIDER_NAMES[subscription.provider] ?? subscription.provider,
                    })}
                  </a>
                ) : null}
              </dd>
            </>
          ) : (
            <dd className="col-span-2 text-muted-foreground">
              {t('subscription.none', { product: tAll(detail.product.nameKey as never) })}
            </dd>
          )}
        </dl>
      </Section>

      <Section title={t('usage.title')} testId="admin-organization-usage">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {detail.usage.map((usage) => (
            <div key={usage.limit} className="contents">
              <dt className="text-muted-foreground">{t(`usage.limits.${usage.limit}`)}</dt>
              <dd className="tabular-nums">
                {usage.max === null
                  ? t('usage.unlimited', { used: usage.used })
                  : t('usage.line', { used: usage.used, max: usage.max })}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title={t('invitations.title')}>
        {detail.invitations.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('invitations.none')}</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {detail.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email}{' '}
                <span className="text-muted-foreground">
                  {t('invitations.line', { role: tRoles(invitation.role as never), date: when(invitation.expiresAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('grants.title')} testId="admin-organization-grants">
        {detail.grants.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('grants.none')}</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {detail.grants.map((grant) => (
              <li key={grant.id}>
                {t('grants.line', {
                  product: productName(grant.productId),
                  from: when(grant.startsAt),
                  until: lastDay(grant.endsAt),
                  by: grant.grantedByName ?? t('grants.someone'),
                })}
                <span className="block text-muted-foreground">{t('grants.reason', { reason: grant.reason })}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
