import type { BillingPlan } from '@/platform/config/billing-config-schema';

/**
 * What a plan charges for a period (client-safe: emails and pages use it), in the currency's minor unit.
 * Metered items are left out: their units are known only when the period closes.
 */
export function periodAmount(plan: BillingPlan, quantities: Record<string, number>): number {
  return plan.lineItems.reduce((total, item) => {
    if (item.type === 'flat') return total + item.amount;
    if (item.type === 'metered') return total;
    const seats = quantities[item.id] ?? item.minimumSeats;
    if (!item.tiers) return total + item.amount * seats;
    // Graduated: each seat at the price of the tier it falls in.
    let charged = 0;
    let below = 0;
    for (const tier of item.tiers) {
      const upTo = tier.upTo ?? Number.POSITIVE_INFINITY;
      const inTier = Math.max(0, Math.min(seats, upTo) - below);
      charged += inTier * tier.amount;
      below = upTo;
      if (seats <= upTo) break;
    }
    return total + charged;
  }, 0);
}

/** An amount in a currency's minor unit, written for a language: 1200 usd → "$12.00" / "12,00 US$". */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
