import Link from 'next/link';
import { formatMoney, planAmount, type PricingProduct } from '@/features/billing';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';

export interface PricingTeaserLabels {
  title: string;
  lead: string;
  free: string;
  custom: string;
  /** "from {price} per month", with the price filled in. */
  from: (price: string) => string;
  recommended: string;
  cta: string;
}

/** Each plan's name and its lowest monthly price for one seat, and a link to the full table. */
export function PricingTeaser({
  products,
  locale,
  pricingHref,
  labels,
}: {
  products: readonly PricingProduct[];
  locale: string;
  pricingHref: string;
  labels: PricingTeaserLabels;
}) {
  return (
    <section aria-labelledby="pricing-teaser-title" className="space-y-8 text-center">
      <div className="mx-auto max-w-2xl space-y-3">
        <h2 id="pricing-teaser-title" className="text-3xl font-bold tracking-tight">
          {labels.title}
        </h2>
        <p className="text-lg text-muted-foreground">{labels.lead}</p>
      </div>
      <ul className="mx-auto grid max-w-4xl gap-4 sm:grid-cols-3" data-testid="pricing-teaser">
        {products.map((product) => {
          const monthly = product.plans.find((plan) => plan.interval === 'month');
          const price = product.free
            ? labels.free
            : product.contactUs || !monthly
              ? labels.custom
              : labels.from(formatMoney(planAmount(monthly, 1), monthly.currency, locale));
          return (
            <li
              key={product.id}
              className={`rounded-xl border bg-card p-6 text-card-foreground shadow-sm ${product.recommended ? 'border-primary' : ''}`}
            >
              <p className="flex items-center justify-center gap-2 font-semibold">
                {product.name}
                {product.recommended ? <Badge>{labels.recommended}</Badge> : null}
              </p>
              <p className="mt-2 text-muted-foreground">{price}</p>
            </li>
          );
        })}
      </ul>
      <Button asChild variant="outline" size="lg">
        <Link href={pricingHref}>{labels.cta}</Link>
      </Button>
    </section>
  );
}
