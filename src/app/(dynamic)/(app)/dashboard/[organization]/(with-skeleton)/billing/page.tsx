import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SettingsSection } from '@/features/auth/components/settings/settings-section';
import { AutoRefresh } from '@/features/billing/components/auto-refresh';
import { InvoiceList, StatusBadge, daysUntil } from '@/features/billing/components/billing-summary';
import { BuyAddOnButton, SubscriptionControls } from '@/features/billing/components/subscription-controls';
import { formatMoney } from '@/features/billing';
import { addOnProducts, findPlan, loadBillingAccount, requestedChange } from '@/features/billing/server';
import { hasPermission, requireOrganization } from '@/features/organizations/server';
import { Spinner } from '@/ui/spinner';
import { PageHeader } from '@/ui/page-header';

interface BillingPageProps {
  params: Promise<{ organization: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: BillingPageProps): Promise<Metadata> {
  const [{ organization }, t] = await Promise.all([params, getTranslations('billing.page')]);
  const access = await requireOrganization(organization);
  return { title: t('metaTitle', { organization: access.organization.name }) };
}

/**
 * /dashboard/<slug>/billing: the plan and its status for every member; the controls, invoices and
 * purchases for those with billing.manage. Back from a checkout (`?checkout=<id>`) it says
 * "processing" — refreshing itself — until the provider's webhook has brought what was bought.
 */
export default async function BillingPage({ params, searchParams }: BillingPageProps) {
  const [{ organization: slug }, query] = await Promise.all([params, searchParams]);
  const { organization, membership, user } = await requireOrganization(slug);
  const manages = hasPermission(membership.role, 'billing.manage');
  const checkoutId = typeof query.checkout === 'string' ? query.checkout : null;
  const account = await loadBillingAccount(
    { userId: user.id, organizationId: organization.id },
    { checkoutId: manages ? checkoutId : null, withInvoices: manages },
  );
  const [t, tRoot, format, locale] = await Promise.all([
    getTranslations('billing.page'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const name = (key: string) => tRoot(key as never);
  const { subscription, plan, product } = account;
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'long' });
  const processing = account.checkout?.processing ?? false;
  // Back from the plans page (`?change=<plan>` or `cancel`): refreshing (a bounded number of times) until the
  // provider's webhook has brought it. Only a change its actions make, and only to a subscription.
  const change = manages ? requestedChange(query.change) : null;
  const changePending =
    change !== null &&
    subscription !== null &&
    (change === 'cancel' ? !subscription.cancelAtPeriodEnd : plan?.id !== change);
  const bought = account.checkout ? findPlan(account.checkout.planId) : null;
  const stateKey = subscription
    ? `${plan?.id}:${subscription.status}:${subscription.cancelAtPeriodEnd}`
    : `free:${product.id}`;

  return (
    <div className="grid w-full max-w-3xl grid-cols-1 gap-6">
      <PageHeader
        title={t('title')}
        description={t('description', { organization: organization.name })}
        className="pb-0"
      />

      {processing && bought ? (
        <SettingsSection title={t('plan.title')} data-testid="billing-processing">
          <AutoRefresh slow={<p className="text-sm">{t('processingSlow')}</p>}>
            <p className="flex items-center gap-2 text-sm">
              <Spinner /> {t('processing', { plan: name(bought.product.nameKey) })}
            </p>
          </AutoRefresh>
        </SettingsSection>
      ) : (
        <SettingsSection title={t('plan.title')} data-testid="billing-plan">
          <div className="grid gap-3">
            <div className="flex flex-wrap items-center gap-2">
              <p className="text-xl font-semibold" data-testid="billing-plan-name">
                {name(product.nameKey)}
                {plan ? ` · ${t(`interval.${plan.interval}`)}` : ''}
              </p>
              <StatusBadge status={subscription?.status ?? null} />
            </div>
            {account.checkout && !processing ? (
              <p className="text-sm text-success" role="status">
                {t('checkoutDone')}
              </p>
            ) : null}
            {subscription?.status === 'trialing' && subscription.trialEndsAt ? (
              <p className="text-sm" data-testid="billing-trial">
                {t('trialDaysLeft', {
                  days: daysUntil(subscription.trialEndsAt),
                  date: date(subscription.trialEndsAt),
                })}
              </p>
            ) : null}
            {subscription && subscription.cancelAtPeriodEnd ? (
              <p className="text-sm font-medium" data-testid="billing-cancels">
                {t('cancelsOn', { date: date(subscription.periodEndsAt) })}
              </p>
            ) : null}
            {subscription && !subscription.cancelAtPeriodEnd && account.renewal ? (
              <p className="text-sm" data-testid="billing-renewal">
                {t('renews', {
                  date: date(subscription.periodEndsAt),
                  amount: formatMoney(account.renewal.amount, account.renewal.currency, locale),
                })}
              </p>
            ) : null}
            <p className="text-sm text-muted-foreground" data-testid="billing-seats">
              {account.seats.paid === null
                ? t('seatsUsed', { used: account.seats.used })
                : t('seatsUsedOfPaid', { used: account.seats.used, paid: account.seats.paid })}
            </p>
            {manages ? (
              <SubscriptionControls
                organizationId={organization.id}
                slug={organization.slug}
                stateKey={stateKey}
                subscription={
                  subscription
                    ? {
                        periodEndsAt: subscription.periodEndsAt.toISOString(),
                        cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
                      }
                    : null
                }
                hasCustomer={account.hasCustomer}
              />
            ) : (
              <p className="text-sm text-muted-foreground">{t('askAnAdmin')}</p>
            )}
            {changePending ? (
              <AutoRefresh slow={<p className="text-sm text-muted-foreground">{t('stillUpdating')}</p>}>
                <p className="text-sm text-muted-foreground">{t('changeRequested')}</p>
              </AutoRefresh>
            ) : null}
          </div>
        </SettingsSection>
      )}

      {manages ? (
        <>
          <SettingsSection title={t('invoices.title')}>
            <InvoiceList invoices={account.invoices} />
          </SettingsSection>
          <SettingsSection title={t('purchases.title')} description={t('purchases.description')}>
            <ul className="grid gap-3">
              {addOnProducts().map((addOn) => {
                const once = addOn.plans[0];
                if (!once) return null;
                const total = once.lineItems.reduce((sum, item) => sum + item.amount, 0);
                return (
                  <li key={addOn.id} className="flex flex-wrap items-center justify-between gap-3">
                    <div>
                      <p className="font-medium">{name(addOn.nameKey)}</p>
                      <p className="text-sm text-muted-foreground">
                        {name(addOn.descriptionKey)} · {formatMoney(total, once.currency, locale)}
                      </p>
                    </div>
                    <BuyAddOnButton
                      organizationId={organization.id}
                      slug={organization.slug}
                      planId={once.id}
                      name={name(addOn.nameKey)}
                    />
                  </li>
                );
              })}
            </ul>
            {account.orders.length > 0 ? (
              <ul className="mt-4 divide-y divide-border text-sm" data-testid="billing-orders">
                {account.orders.map((order) => {
                  const found = findPlan(order.planId);
                  return (
                    <li key={order.id} className="flex flex-wrap justify-between gap-2 py-2">
                      <span>{found ? name(found.product.nameKey) : order.planId}</span>
                      <span className="text-muted-foreground">{date(order.createdAt)}</span>
                      <span>{formatMoney(order.totalAmount, order.currency, locale)}</span>
                      <span>{t(`orderStatus.${order.status}`)}</span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </SettingsSection>
        </>
      ) : null}
    </div>
  );
}
