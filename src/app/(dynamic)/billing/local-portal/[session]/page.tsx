import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LocalPortalButton } from '@/features/billing/components/local-portal-button';
import { findPlan, loadLocalPortal, localGatewayMode, portalPlans } from '@/features/billing/server';
import { appConfig } from '@/platform/config/app-config';
import { Alert, AlertDescription } from '@/ui/alert';
import { Badge } from '@/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/ui/table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing.localPortal');
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * The local gateway's customer portal (docs/billing/local-gateway.md#the-portal): what a provider's
 * hosted portal is, inside the app and marked as test mode. Outside the dashboard: the session in the
 * URL is the credential (an hour long); an unknown or expired one is a 404.
 */
export default async function LocalPortalPage({ params }: { params: Promise<{ session: string }> }) {
  const { session } = await params;
  const portal = await loadLocalPortal(session);
  if (!portal) notFound();
  const [t, tc, tRoot, format] = await Promise.all([
    getTranslations('billing.localPortal'),
    getTranslations('billing.clock'),
    getTranslations(),
    getFormatter(),
  ]);
  const production = localGatewayMode() === 'production';
  const app = appConfig.site.name;
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' });
  const money = (amount: number, currency: string) =>
    format.number(amount / 100, { style: 'currency', currency: currency.toUpperCase() });
  const planName = (planId: string) => {
    const found = findPlan(planId);
    if (!found) return planId;
    // Product names are translation keys of the configuration (checked against the messages at start).
    const product = tRoot(found.product.nameKey as Parameters<typeof tRoot>[0]);
    return t('planName', { product, interval: found.plan.interval });
  };

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <a href={portal.session.returnUrl} className="text-sm text-link underline-offset-4 hover:underline">
          {t('returnTo', { app })}
        </a>
        <Badge variant="warning">{t('testMode')}</Badge>
      </div>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-muted-foreground">{t('testModeDescription', { app })}</p>
      </div>
      {production ? (
        <Alert variant="warning">
          <AlertDescription>{t('productionLabel')}</AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="subscriptions" className="space-y-3">
        <h2 id="subscriptions" className="text-lg font-semibold">
          {t('subscriptions')}
        </h2>
        {portal.subscriptions.length === 0 ? <p className="text-muted-foreground">{t('noSubscriptions')}</p> : null}
        {portal.subscriptions.map((subscription) => {
          const live = subscription.status !== 'canceled';
          const perSeat = subscription.plan?.plan.lineItems.some((item) => item.type === 'per_seat') ?? false;
          return (
            <Card key={subscription.id} data-subscription={subscription.id}>
              <CardHeader>
                <CardTitle as="h3" className="flex flex-wrap items-center gap-2">
                  {planName(subscription.planId)}
                  <Badge variant={subscription.status === 'past_due' ? 'destructive' : 'secondary'}>
                    {t(`status.${subscription.status}`)}
                  </Badge>
                </CardTitle>
                <CardDescription>
                  {perSeat ? `${t('seats', { count: subscription.seats })} · ` : ''}
                  {subscription.status === 'canceled'
                    ? t('canceledOn', { date: date(subscription.canceledAt ?? subscription.periodEndsAt) })
                    : subscription.cancelAtPeriodEnd
                      ? t('cancelsOn', { date: date(subscription.periodEndsAt) })
                      : subscription.status === 'trialing'
                        ? t('trialEnds', { date: date(subscription.periodEndsAt) })
                        : t('periodEnds', { date: date(subscription.periodEndsAt) })}
                </CardDescription>
              </CardHeader>
              {live ? (
                <CardContent className="space-y-4">
                  <div className="flex flex-wrap gap-2">
                    {portalPlans()
                      .filter(({ plan }) => plan.id !== subscription.planId)
                      .map(({ plan }) => (
                        <LocalPortalButton
                          key={plan.id}
                          kind="plan"
                          session={session}
                          fields={{ subscriptionId: subscription.id, planId: plan.id }}
                          label={t('switchTo', { plan: planName(plan.id) })}
                        />
                      ))}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {perSeat ? (
                      <>
                        <LocalPortalButton
                          kind="seats"
                          session={session}
                          fields={{ subscriptionId: subscription.id, seats: String(subscription.seats + 1) }}
                          label={t('addSeat')}
                        />
                        {subscription.seats > 1 ? (
                          <LocalPortalButton
                            kind="seats"
                            session={session}
                            fields={{ subscriptionId: subscription.id, seats: String(subscription.seats - 1) }}
                            label={t('removeSeat')}
                          />
                        ) : null}
                      </>
                    ) : null}
                    <LocalPortalButton
                      kind="cancel"
                      session={session}
                      fields={{ subscriptionId: subscription.id, cancel: String(!subscription.cancelAtPeriodEnd) }}
                      label={subscription.cancelAtPeriodEnd ? t('resume') : t('cancel')}
                      variant={subscription.cancelAtPeriodEnd ? 'default' : 'outline'}
                    />
                  </div>
                </CardContent>
              ) : null}
            </Card>
          );
        })}
      </section>

      <section aria-labelledby="payment-method" className="space-y-3">
        <h2 id="payment-method" className="text-lg font-semibold">
          {t('paymentMethod')}
        </h2>
        <p data-card={portal.customer.paymentMethod ?? 'none'}>
          {portal.customer.paymentMethod
            ? `${portal.customer.cardLabel ?? ''} — ${t('cardBehaviour', { behaviour: portal.customer.paymentMethod })}`
            : t('noCard')}
        </p>
        <div className="flex flex-wrap gap-2">
          <LocalPortalButton
            kind="card"
            session={session}
            fields={{ card: 'succeeds' }}
            label={t('useSucceedingCard')}
          />
          <LocalPortalButton
            kind="card"
            session={session}
            fields={{ card: 'declined' }}
            label={t('useDecliningCard')}
          />
        </div>
      </section>

      <section aria-labelledby="invoices" className="space-y-3">
        <h2 id="invoices" className="text-lg font-semibold">
          {t('invoices')}
        </h2>
        {portal.invoices.length === 0 ? (
          <p className="text-muted-foreground">{t('noInvoices')}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('invoiceNumber')}</TableHead>
                <TableHead>{t('invoiceDate')}</TableHead>
                <TableHead>{t('invoiceAmount')}</TableHead>
                <TableHead>{t('invoiceStatus')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {portal.invoices.map((invoice) => (
                <TableRow key={invoice.id}>
                  <TableCell className="font-mono">{invoice.number}</TableCell>
                  <TableCell>{date(invoice.createdAt)}</TableCell>
                  <TableCell>{money(invoice.totalAmount, invoice.currency)}</TableCell>
                  <TableCell>{t(`invoiceStatuses.${invoice.status}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      {portal.clock ? (
        <section aria-labelledby="test-clock" className="space-y-3 rounded-lg border border-dashed p-4">
          <h2 id="test-clock" className="text-lg font-semibold">
            {tc('title')}
          </h2>
          <p className="text-sm text-muted-foreground">{tc('description')}</p>
          {production ? <p className="text-sm font-medium">{tc('productionLabel')}</p> : null}
          <div className="flex flex-wrap gap-2">
            {portal.subscriptions
              .filter((subscription) => subscription.status !== 'canceled')
              .map((subscription) => (
                <LocalPortalButton
                  key={subscription.id}
                  kind="clock"
                  session={session}
                  fields={{ subscriptionId: subscription.id }}
                  label={tc('advance', { plan: planName(subscription.planId) })}
                />
              ))}
          </div>
        </section>
      ) : null}
    </main>
  );
}
