import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { adminFailedWebhooksPath } from '@/features/admin';
import { SignUpsChart, SubscriptionsChart } from '@/features/admin/components/admin-overview-charts';
import { adminOverview, requireSuperAdmin } from '@/features/admin/server';
import { formatMoney, SUBSCRIPTION_STATUSES } from '@/features/billing';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/ui/card';
import { PageHeader } from '@/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.overview');
  return { title: t('metaTitle') };
}

/** /admin: the overview's figures (docs/admin/overview-and-billing.md defines each), read as the page opens. */
export default async function AdminOverviewPage() {
  await requireSuperAdmin();
  const [overview, t, tBilling, format, locale] = await Promise.all([
    adminOverview(),
    getTranslations('admin.overview'),
    getTranslations('admin.billing'),
    getFormatter(),
    getLocale(),
  ]);
  const { signUps, organizations, subscriptions, mrr, trials, failedWebhooks } = overview;
  const signUpTotal = signUps.reduce((sum, day) => sum + day.count, 0);
  const signUpMax = Math.max(0, ...signUps.map((day) => day.count));

  const plans = [...new Set(subscriptions.map((row) => row.planId))];
  const statuses = SUBSCRIPTION_STATUSES.filter((status) => subscriptions.some((row) => row.status === status));
  const countOf = (planId: string, status: string) =>
    subscriptions.find((row) => row.planId === planId && row.status === status)?.count ?? 0;
  const subscriptionTotal = subscriptions.reduce((sum, row) => sum + row.count, 0);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="admin-overview-figures">
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="text-sm font-medium">
              {t('mrr.title')}
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1">
            <p className="text-2xl font-semibold" data-testid="overview-mrr">
              {mrr.amounts.length === 0
                ? t('mrr.none')
                : mrr.amounts.map(({ currency, amount }) => formatMoney(amount, currency, locale)).join(' · ')}
            </p>
            <CardDescription>{t('mrr.hint')}</CardDescription>
            {mrr.unpriced > 0 ? <CardDescription>{t('mrr.unpriced', { count: mrr.unpriced })}</CardDescription> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="text-sm font-medium">
              {t('organizations.title')}
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1">
            <p className="text-2xl font-semibold" data-testid="overview-active-organizations">
              {t('organizations.value', organizations)}
            </p>
            <CardDescription>{t('organizations.hint')}</CardDescription>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="text-sm font-medium">
              {t('trials.title')}
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1">
            <p className="text-2xl font-semibold" data-testid="overview-trials">
              {trials.ended === 0
                ? t('trials.none')
                : `${t('trials.value', trials)} (${format.number(trials.converted / trials.ended, { style: 'percent' })})`}
            </p>
            <CardDescription>{t('trials.hint')}</CardDescription>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="text-sm font-medium">
              {t('webhooks.title')}
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1">
            <p className="text-2xl font-semibold" data-testid="overview-failed-webhooks">
              {format.number(failedWebhooks)}
            </p>
            <CardDescription>{t('webhooks.hint')}</CardDescription>
            <Link href={adminFailedWebhooksPath} className="text-sm font-medium underline underline-offset-4">
              {t('webhooks.link')}
            </Link>
          </CardContent>
        </Card>
      </div>

      <div className="mt-6 grid gap-4 xl:grid-cols-2">
        <Card>
          <figure className="grid gap-3 p-6">
            <figcaption className="grid gap-1">
              <h2 className="font-semibold">{t('signUps.title')}</h2>
              <p className="text-sm text-muted-foreground" data-testid="overview-sign-ups">
                {t('signUps.summary', { count: signUpTotal })}
              </p>
            </figcaption>
            <SignUpsChart data={signUps} seriesLabel={t('signUps.count')} />
            {/* The chart's figures for screen readers. A table cannot be sr-only itself: it kept its width, and
                the page scrolled sideways on a phone. */}
            <div className="sr-only">
              <table>
                <caption>{t('signUps.chartLabel', { count: signUpTotal, max: signUpMax })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('signUps.day')}</th>
                    <th scope="col">{t('signUps.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {signUps.map((day) => (
                    <tr key={day.day}>
                      <th scope="row">
                        {format.dateTime(new Date(`${day.day}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })}
                      </th>
                      <td>{day.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </figure>
        </Card>
        <Card>
          <figure className="grid gap-3 p-6">
            <figcaption>
              <h2 className="font-semibold">{t('subscriptions.title')}</h2>
            </figcaption>
            {plans.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('subscriptions.empty')}</p>
            ) : (
              <>
                <SubscriptionsChart
                  data={plans.map((plan) => ({
                    plan,
                    ...Object.fromEntries(statuses.map((status) => [status, countOf(plan, status)])),
                  }))}
                  statuses={statuses.map((status) => ({ status, label: tBilling(`statuses.${status}`) }))}
                />
                <table className="w-full text-sm" data-testid="overview-subscriptions">
                  <caption className="sr-only">{t('subscriptions.chartLabel', { count: subscriptionTotal })}</caption>
                  <thead>
                    <tr className="text-left text-muted-foreground">
                      <th scope="col" className="py-1 font-medium">
                        {t('subscriptions.plan')}
                      </th>
                      {statuses.map((status) => (
                        <th key={status} scope="col" className="py-1 text-right font-medium">
                          {tBilling(`statuses.${status}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {plans.map((plan) => (
                      <tr key={plan} className="border-t">
                        <th scope="row" className="py-1 text-left font-normal">
                          {plan}
                        </th>
                        {statuses.map((status) => (
                          <td key={status} className="py-1 text-right tabular-nums">
                            {countOf(plan, status)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </figure>
        </Card>
      </div>
    </>
  );
}
