/**
 * What a plan costs, from its line items (client-safe and pure: the billing page, the pricing table
 * and the local checkout page all compute the same number). Amounts are in the currency's minor unit.
 */

export type BillingInterval = 'month' | 'year' | 'one_off';

export interface PriceTier {
  /** The last unit this tier prices; null for every further one. */
  upTo: number | null;
  amount: number;
}

export type PriceLineItem =
  | { type: 'flat'; id: string; amount: number }
  | { type: 'per_seat'; id: string; amount: number; tiers?: PriceTier[]; minimumSeats: number }
  | { type: 'metered'; id: string; amount: number; tiers?: PriceTier[] };

export interface PricedPlan {
  id: string;
  interval: BillingInterval;
  currency: string;
  trialDays: number;
  lineItems: PriceLineItem[];
}

/** Graduated tiers: each unit is priced by the tier it falls in. */
export function graduatedAmount(tiers: readonly PriceTier[], units: number): number {
  let total = 0;
  let counted = 0;
  for (const tier of tiers) {
    if (counted >= units) break;
    const ceiling = tier.upTo === null ? units : Math.min(units, tier.upTo);
    total += (ceiling - counted) * tier.amount;
    counted = ceiling;
  }
  return total;
}

/** The seats a per-seat item charges for `seats` members: never fewer than its minimum. */
export function chargedSeats(item: { minimumSeats: number }, seats: number): number {
  return Math.max(Math.floor(seats), item.minimumSeats);
}

/**
 * One line item's charge per period at this quantity (seats for per-seat, ignored for flat).
 * Metered items are billed on usage after the period: they add nothing known in advance.
 */
export function lineItemAmount(item: PriceLineItem, quantity: number): number {
  switch (item.type) {
    case 'flat':
      return item.amount;
    case 'per_seat': {
      const seats = chargedSeats(item, quantity);
      return item.tiers ? graduatedAmount(item.tiers, seats) : seats * item.amount;
    }
    case 'metered':
      return 0;
  }
}

/** What a plan charges per period (or once) with this many seats. */
export function planAmount(plan: Pick<PricedPlan, 'lineItems'>, seats: number): number {
  return plan.lineItems.reduce((sum, item) => sum + lineItemAmount(item, seats), 0);
}

/**
 * What a subscription charges at its next renewal, from the quantities the provider holds for each
 * line item (billing_subscription_items); an item it has no quantity for counts its plan's minimum.
 */
export function renewalAmount(plan: Pick<PricedPlan, 'lineItems'>, quantities: Record<string, number>): number {
  return plan.lineItems.reduce((sum, item) => sum + lineItemAmount(item, quantities[item.id] ?? 0), 0);
}

/** Whether a plan charges per seat (the pricing table then shows a seats calculator). */
export function isPerSeat(plan: Pick<PricedPlan, 'lineItems'>): boolean {
  return plan.lineItems.some((item) => item.type === 'per_seat');
}

/** Due at checkout: nothing while a trial runs, else the first period (or the one-off price). */
export function amountDueToday(plan: PricedPlan, seats: number): number {
  return plan.trialDays > 0 ? 0 : planAmount(plan, seats);
}

/** An amount in the currency's minor unit, formatted for the locale ("$12.00", "12,00 US$"). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/**
 * A product as the pricing table shows it: translated, and plain data (the server builds it from
 * appConfig.billing and hands it to client components, which never import the configuration).
 */
export interface PricingProduct {
  id: string;
  name: string;
  description: string;
  features: string[];
  recommended: boolean;
  free: boolean;
  contactUs: boolean;
  plans: PricedPlan[];
}
