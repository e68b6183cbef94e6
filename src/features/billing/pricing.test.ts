import { describe, expect, it } from 'vitest';
import {
  amountDueToday,
  chargedSeats,
  formatMoney,
  graduatedAmount,
  planAmount,
  renewalAmount,
  type PricedPlan,
} from './pricing';

const perSeat: PricedPlan = {
  id: 'team-monthly',
  interval: 'month',
  currency: 'usd',
  trialDays: 0,
  lineItems: [{ type: 'per_seat', id: 'seats', amount: 1200, minimumSeats: 1 }],
};

// The first 3 seats free, seats 4–10 at 12.00, every further one at 10.00.
const tiers = [
  { upTo: 3, amount: 0 },
  { upTo: 10, amount: 1200 },
  { upTo: null, amount: 1000 },
];

describe('a plan’s price', () => {
  it('charges a per-seat item for each seat, never below its minimum', () => {
    expect(planAmount(perSeat, 4)).toBe(4800);
    expect(planAmount(perSeat, 0)).toBe(1200);
    expect(chargedSeats({ minimumSeats: 5 }, 2)).toBe(5);
  });

  it('prices graduated tiers unit by unit', () => {
    expect(graduatedAmount(tiers, 2)).toBe(0);
    expect(graduatedAmount(tiers, 3)).toBe(0);
    expect(graduatedAmount(tiers, 4)).toBe(1200);
    expect(graduatedAmount(tiers, 10)).toBe(7 * 1200);
    expect(graduatedAmount(tiers, 12)).toBe(7 * 1200 + 2 * 1000);
    const tiered: PricedPlan = {
      ...perSeat,
      lineItems: [{ type: 'per_seat', id: 'seats', amount: 0, tiers, minimumSeats: 1 }],
    };
    expect(planAmount(tiered, 12)).toBe(10_400);
  });

  it('adds flat items once and leaves metered usage out of what is known in advance', () => {
    const mixed: PricedPlan = {
      ...perSeat,
      lineItems: [
        { type: 'flat', id: 'base', amount: 4900 },
        { type: 'per_seat', id: 'seats', amount: 500, minimumSeats: 1 },
        { type: 'metered', id: 'tasks', amount: 1 },
      ],
    };
    expect(planAmount(mixed, 3)).toBe(4900 + 1500);
  });

  it('renews at the quantities the provider holds', () => {
    expect(renewalAmount(perSeat, { seats: 7 })).toBe(8400);
    // No quantity recorded: the item's minimum.
    expect(renewalAmount(perSeat, {})).toBe(1200);
  });

  it('is due today in full without a trial, and nothing with one', () => {
    expect(amountDueToday(perSeat, 2)).toBe(2400);
    expect(amountDueToday({ ...perSeat, trialDays: 14 }, 2)).toBe(0);
  });
});

describe('an amount', () => {
  it('is written in the currency’s major unit for the locale', () => {
    expect(formatMoney(1200, 'usd', 'en')).toBe('$12.00');
    expect(formatMoney(1200, 'eur', 'es')).toMatch(/^12,00\s€$/);
    // A currency without minor units is not divided.
    expect(formatMoney(1200, 'jpy', 'en')).toBe('¥1,200');
  });
});
