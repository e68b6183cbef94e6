import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LocalCheckoutForm } from '@/features/billing/components/local-checkout-form';
import { amountDueToday, formatMoney, planAmount } from '@/features/billing';
import { findLocalCheckout } from '@/features/billing/server';
import { Alert, AlertDescription, AlertTitle } from '@/ui/alert';
import { Card, CardContent, CardDescription, CardHeader } from '@/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing.checkout');
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * The local gateway's hosted checkout (decision 0034), where a provider's own page would be: outside
 * the app's layout, no sign-in (the link is the key), clearly a test. 404 when the local gateway is
 * off or the checkout unknown.
 */
export default async function LocalCheckoutPage({ params }: { params: Promise<{ checkout: string }> }) {
  const { checkout: checkoutId } = await params;
  const checkout = await findLocalCheckout(checkoutId);
  if (!checkout) notFound();
  const [t, tRoot, locale] = await Promise.all([getTranslations('billing.checkout'), getTranslations(), getLocale()]);
  // The trial stored on the checkout, not the plan's: a repeat customer has none and pays today.
  const plan = { ...checkout.plan, trialDays: checkout.trialDays };
  const perSeat = plan.lineItems.some((item) => item.type === 'per_seat');
  const money = (amount: number) => formatMoney(amount, plan.currency, locale);

  return (
    <main id="main" className="mx-auto grid w-full max-w-lg gap-6 px-4 py-10">
      <Alert variant={checkout.inProduction ? 'destructive' : 'default'} data-testid="test-mode">
        <AlertTitle>{t('testMode')}</AlertTitle>
        <AlertDescription>
          <p>{checkout.inProduction ? t('testModeInProduction') : t('testModeDescription')}</p>
        </AlertDescription>
      </Alert>
      <Card>
        <CardHeader>
          <h1 className="text-lg leading-tight font-semibold">
            {t('title', { plan: tRoot(checkout.product.nameKey as never) })}
          </h1>
          <CardDescription>{t(`interval.${plan.interval}`)}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            {perSeat ? (
              <>
                <dt className="text-muted-foreground">{t('seats')}</dt>
                <dd data-testid="checkout-seats">{checkout.seats}</dd>
              </>
            ) : null}
            <dt className="text-muted-foreground">{t('dueToday')}</dt>
            <dd data-testid="checkout-due">{money(amountDueToday(plan, checkout.seats))}</dd>
            {plan.interval !== 'one_off' ? (
              <>
                <dt className="text-muted-foreground">{t('then')}</dt>
                <dd>
                  {t(plan.interval === 'year' ? 'thenYearly' : 'thenMonthly', {
                    amount: money(planAmount(plan, checkout.seats)),
                    days: plan.trialDays,
                  })}
                </dd>
              </>
            ) : null}
          </dl>
          {checkout.status === 'open' ? (
            <LocalCheckoutForm checkoutId={checkout.id} cancelUrl={checkout.cancelUrl} />
          ) : (
            <p role="status">{t('closed')}</p>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
