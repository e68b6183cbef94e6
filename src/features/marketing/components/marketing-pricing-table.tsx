'use client';

import Link from 'next/link';
import type { PricingProduct } from '@/features/billing';
import { PricingTable } from '@/features/billing/components/pricing-table';
import { buttonVariants } from '@/ui/button';

/**
 * The billing feature's pricing table on the public pricing page: every plan leads to sign-up
 * (choosing a plan for an organization happens in the app, once signed in).
 */
export function MarketingPricingTable({
  products,
  signUpHref,
  contactHref,
  chooseLabel,
}: {
  products: PricingProduct[];
  signUpHref: string;
  contactHref: string;
  chooseLabel: string;
}) {
  return (
    <PricingTable
      products={products}
      contactHref={contactHref}
      renderChoice={({ product }) => (
        <Link
          href={signUpHref}
          className={buttonVariants({ variant: product.recommended ? 'default' : 'outline' })}
          aria-label={`${chooseLabel}: ${product.name}`}
        >
          {chooseLabel}
        </Link>
      )}
    />
  );
}
