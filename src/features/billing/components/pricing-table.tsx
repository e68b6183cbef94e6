'use client';

import { Check } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { Badge } from '@/ui/badge';
import { buttonVariants } from '@/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/ui/card';
import { Input } from '@/ui/input';
import { Label } from '@/ui/label';
import { Switch } from '@/ui/switch';
import { formatMoney, isPerSeat, planAmount, type PricedPlan, type PricingProduct } from '../pricing';

/** What a visitor picked in the table: the product, the plan for the billing period shown, the seats. */
export interface PricingChoice {
  product: PricingProduct;
  /** Null for the free product. */
  plan: PricedPlan | null;
  seats: number;
}

export interface PricingTableProps {
  /** The catalogue, translated and plain (built on the server: pricingCatalogue()). */
  products: PricingProduct[];
  /** The organization's product and plan, marked "Current plan"; none on the marketing page. */
  current?: { productId: string; planId: string | null } | null;
  /** Seats the calculator starts with (the organization's members; 1 on the marketing page). */
  initialSeats?: number;
  /** Where "Contact us" leads. */
  contactHref: string;
  /** The button of each product that can be chosen (the upgrade page's forms, the marketing page's links). */
  renderChoice?: (choice: PricingChoice) => ReactNode;
}

type Period = 'month' | 'year';

/**
 * The pricing table (issue 14): a card per product, a monthly/yearly switch when plans exist for
 * both, a seats calculator for per-seat plans, the recommended badge, "Contact us" products and the
 * current plan marked. Props only: the in-app upgrade page and the marketing page both use it.
 */
export function PricingTable({ products, current, initialSeats = 1, contactHref, renderChoice }: PricingTableProps) {
  const t = useTranslations('billing.pricing');
  const locale = useLocale();
  const ids = useId();
  const intervals = new Set(products.flatMap((product) => product.plans.map((plan) => plan.interval)));
  const both = intervals.has('month') && intervals.has('year');
  const currentPlan = products.flatMap((product) => product.plans).find((plan) => plan.id === current?.planId);
  const [period, setPeriod] = useState<Period>(
    currentPlan?.interval === 'year' || (!intervals.has('month') && intervals.has('year')) ? 'year' : 'month',
  );
  const [seatsText, setSeatsText] = useState(String(Math.max(1, initialSeats)));
  const seats = Math.min(10_000, Math.max(1, Math.floor(Number(seatsText)) || 1));
  const perSeat = products.some((product) => product.plans.some(isPerSeat));
  // The free product's price is a zero in the others' currency, under its name ("Free", not "Free" twice).
  const currency = products.flatMap((product) => product.plans)[0]?.currency;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-6">
        {both ? (
          <div className="flex items-center gap-2">
            <Label htmlFor={`${ids}-period`}>{t('monthly')}</Label>
            <Switch
              id={`${ids}-period`}
              aria-label={t('yearlyBilling')}
              checked={period === 'year'}
              onCheckedChange={(yearly) => setPeriod(yearly ? 'year' : 'month')}
            />
            <span className="text-sm font-medium">{t('yearly')}</span>
          </div>
        ) : null}
        {perSeat ? (
          <div className="flex items-center gap-2">
            <Label htmlFor={`${ids}-seats`}>{t('seats')}</Label>
            <Input
              id={`${ids}-seats`}
              type="number"
              inputMode="numeric"
              min={1}
              max={10_000}
              className="w-24"
              value={seatsText}
              onChange={(event) => setSeatsText(event.target.value)}
            />
          </div>
        ) : null}
      </div>
      {/* Wide screens: the cards share the row whatever their number (three no longer leave a fourth gap). */}
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-[repeat(auto-fit,minmax(14rem,1fr))]">
        {products.map((product) => {
          const plan =
            product.plans.find((candidate) => candidate.interval === period) ??
            product.plans.find((candidate) => candidate.interval !== 'one_off') ??
            null;
          const isCurrent = current
            ? current.productId === product.id && (current.planId === null || current.planId === plan?.id)
            : false;
          return (
            <li key={product.id} className="flex" data-testid={`pricing-${product.id}`}>
              <Card className={product.recommended ? 'w-full border-primary' : 'w-full'}>
                <CardHeader>
                  <div className="flex flex-wrap items-center gap-2">
                    {/* Under the page's h1 on both pages that show the table (pricing, the plans page). */}
                    <CardTitle as="h2">{product.name}</CardTitle>
                    {product.recommended ? <Badge>{t('recommended')}</Badge> : null}
                    {isCurrent ? <Badge variant="success">{t('current')}</Badge> : null}
                  </div>
                  <CardDescription>{product.description}</CardDescription>
                </CardHeader>
                <CardContent className="grid flex-1 content-start gap-4">
                  <Price
                    product={product}
                    plan={plan}
                    seats={seats}
                    locale={locale}
                    period={period}
                    currency={currency}
                  />
                  <ul className="grid gap-2 text-sm">
                    {product.features.map((feature) => (
                      <li key={feature} className="flex gap-2">
                        <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                        {feature}
                      </li>
                    ))}
                  </ul>
                </CardContent>
                <CardFooter>
                  {product.contactUs ? (
                    <Link href={contactHref} className={buttonVariants({ variant: 'outline' })}>
                      {t('contactUs')}
                    </Link>
                  ) : (
                    renderChoice?.({ product, plan, seats })
                  )}
                </CardFooter>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Price({
  product,
  plan,
  seats,
  locale,
  period,
  currency,
}: {
  product: PricingProduct;
  plan: PricedPlan | null;
  seats: number;
  locale: string;
  period: Period;
  currency: string | undefined;
}) {
  const t = useTranslations('billing.pricing');
  const amount = (money: string, interval: PricedPlan['interval']) => (
    <p className="text-3xl font-bold" data-testid="price">
      {money}
      <span className="text-sm font-normal text-muted-foreground">
        {' '}
        {interval === 'year' ? t('perYear') : interval === 'month' ? t('perMonth') : t('once')}
      </span>
    </p>
  );
  if (product.free && currency) return amount(formatMoney(0, currency, locale), period);
  if (product.free) return <p className="text-3xl font-bold">{t('free')}</p>;
  if (product.contactUs || !plan) return <p className="text-lg font-semibold">{t('custom')}</p>;
  const perSeatItem = plan.lineItems.find((item) => item.type === 'per_seat');
  return (
    <div className="grid gap-1">
      {amount(formatMoney(planAmount(plan, seats), plan.currency, locale), plan.interval)}
      {perSeatItem && !perSeatItem.tiers ? (
        <p className="text-sm text-muted-foreground">
          {t('perSeatPrice', { price: formatMoney(perSeatItem.amount, plan.currency, locale), seats })}
        </p>
      ) : null}
      {plan.trialDays > 0 ? (
        <p className="text-sm text-muted-foreground">{t('trial', { days: plan.trialDays })}</p>
      ) : null}
    </div>
  );
}
