import { dashboardPath } from '@/platform/navigation/dashboard-path';

/** URLs of an organization's billing pages. */
export function billingPath(slug: string): string {
  return dashboardPath(slug, 'billing');
}

export function plansPath(slug: string): string {
  return dashboardPath(slug, 'billing/plans');
}

/**
 * Where a provider sends the buyer back: the billing page, naming the checkout
 * (`{CHECKOUT_SESSION_ID}` is replaced by the provider, as Stripe does).
 */
export function checkoutReturnPath(slug: string): string {
  return `${billingPath(slug)}?checkout={CHECKOUT_SESSION_ID}`;
}
