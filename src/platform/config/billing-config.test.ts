import { describe, expect, it } from 'vitest';
import { messageCatalog } from '@/platform/i18n/messages';
import { buildAppConfig } from './app-config-schema';
import { parseBillingConfig, resolveProviderPriceIds, type BillingConfigInput } from './billing-config-schema';

const free = {
  id: 'free',
  free: true,
  nameKey: 'billing.products.free.name',
  descriptionKey: 'billing.products.free.description',
  limits: { members: 3, tasks: 100 },
};
const proMonthly = {
  id: 'pro-monthly',
  interval: 'month',
  currency: 'usd',
  trialDays: 14,
  lineItems: [{ type: 'per_seat', id: 'seats', amount: 1200 }],
} as const;
const pro = {
  id: 'pro',
  nameKey: 'billing.products.pro.name',
  descriptionKey: 'billing.products.pro.description',
  limits: { members: null, tasks: null },
  plans: [proMonthly],
};

function problemsOf(config: unknown): string {
  try {
    parseBillingConfig(config as BillingConfigInput);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('the default billing catalogue', () => {
  const billing = buildAppConfig({}).billing;

  it('has a free product, Pro per seat monthly and yearly with a trial, Enterprise contact-us, a one-off add-on and a legacy plan', () => {
    expect(billing.products.map((product) => product.id)).toEqual([
      'free',
      'pro',
      'enterprise',
      'onboarding',
      'team-2025',
    ]);
    const [freeProduct, proProduct, enterprise, addOn, legacy] = billing.products;
    expect(freeProduct).toMatchObject({ free: true, plans: [], limits: { members: 3, tasks: 100 } });
    expect(proProduct!.plans.map((plan) => [plan.interval, plan.trialDays, plan.lineItems[0]!.type])).toEqual([
      ['month', 14, 'per_seat'],
      ['year', 14, 'per_seat'],
    ]);
    expect(proProduct!.recommended).toBe(true);
    expect(enterprise).toMatchObject({ contactUs: true, plans: [] });
    expect(addOn).toMatchObject({ type: 'add-on', plans: [{ interval: 'one_off' }] });
    // Not offered any more, kept for its subscribers; it bills each task created (metered).
    expect(legacy).toMatchObject({
      hidden: true,
      plans: [{ lineItems: [{ type: 'flat' }, { type: 'metered', id: 'tasks' }] }],
    });
  });

  it('names only translation keys that exist', () => {
    const keys = billing.products.flatMap((product) => [
      product.nameKey,
      product.descriptionKey,
      ...product.features,
      ...product.plans.flatMap((plan) =>
        plan.lineItems.flatMap((item) => (item.type === 'metered' ? [item.unitKey] : [])),
      ),
    ]);
    const missing = keys.filter(
      (key) =>
        key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messageCatalog.en) ===
        undefined,
    );
    expect(keys.length).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });
});

describe('a billing catalogue with a mistake', () => {
  it('is refused with the plan named by its id and the fix', () => {
    const message = problemsOf({ products: [free, { ...pro, plans: [{ ...proMonthly, interval: 'one_off' }] }] });
    expect(message).toContain('billing.products[pro].plans[pro-monthly].trialDays: a one-off plan has no trial');
    expect(message).toContain(
      'billing.products[pro].plans[pro-monthly].lineItems[seats].type: a one-off plan charges flat line items only',
    );
  });

  it('needs exactly one free product', () => {
    expect(problemsOf({ products: [pro] })).toContain('exactly one product needs free: true');
    expect(problemsOf({ products: [free, { ...free, id: 'free-two' }, pro] })).toContain('found 2');
  });

  it('refuses a free or contact-us product with plans, and a paid one without', () => {
    expect(problemsOf({ products: [{ ...free, plans: [proMonthly] }, pro] })).toContain(
      'billing.products[free].plans: a free product has no plans',
    );
    expect(problemsOf({ products: [free, { ...pro, plans: [] }] })).toContain(
      'billing.products[pro].plans: needs at least one plan',
    );
  });

  it('refuses repeated ids, missing limits and unknown entitlements', () => {
    expect(problemsOf({ products: [free, pro, { ...pro, id: 'pro-2' }] })).toContain(
      '"pro-monthly" is already the id of product pro',
    );
    expect(problemsOf({ products: [free, { ...pro, limits: undefined }] })).toContain(
      'billing.products[pro].limits: state every limit (members, tasks',
    );
    expect(problemsOf({ products: [free, { ...pro, entitlements: ['teleportation'] }] })).toContain(
      'billing.products[pro].entitlements[0]: must be one of',
    );
  });

  it('refuses tiers out of order or without an open last tier', () => {
    const tiered = (tiers: unknown) => ({
      products: [
        free,
        { ...pro, plans: [{ ...proMonthly, lineItems: [{ type: 'per_seat', id: 'seats', amount: 0, tiers }] }] },
      ],
    });
    expect(
      problemsOf(
        tiered([
          { upTo: 3, amount: 0 },
          { upTo: 2, amount: 900 },
          { upTo: null, amount: 800 },
        ]),
      ),
    ).toContain('tiers[1].upTo: must be above the previous tier’s 3');
    expect(problemsOf(tiered([{ upTo: 3, amount: 0 }]))).toContain('the last tier must have upTo: null');
    expect(() =>
      parseBillingConfig(
        tiered([
          { upTo: 3, amount: 0 },
          { upTo: null, amount: 900 },
        ]) as BillingConfigInput,
      ),
    ).not.toThrow();
  });
});

describe('provider price ids', () => {
  const billing = buildAppConfig({}).billing;
  const env = {
    STRIPE_PRICE_PRO_MONTHLY: 'price_1',
    STRIPE_PRICE_PRO_YEARLY: 'price_2',
    STRIPE_PRICE_ONBOARDING: 'price_3',
    STRIPE_PRICE_TEAM_2025_BASE: 'price_4',
    STRIPE_PRICE_TEAM_2025_TASKS: 'price_5',
  };

  it('are read from the variables the catalogue names, and mapped back to plan and line item', () => {
    const prices = resolveProviderPriceIds(billing, 'stripe', env);
    expect(prices.priceIdOf('pro-yearly', 'seats')).toBe('price_2');
    expect(prices.byPriceId.get('price_3')).toEqual({
      productId: 'onboarding',
      planId: 'onboarding-once',
      lineItemId: 'session',
    });
  });

  it('stop the start when one is missing, naming the variable and the plan', () => {
    expect(() => resolveProviderPriceIds(billing, 'stripe', { ...env, STRIPE_PRICE_PRO_YEARLY: ' ' })).toThrow(
      'STRIPE_PRICE_PRO_YEARLY is not set: set it to the stripe price id of pro-yearly / seats',
    );
    expect(() => resolveProviderPriceIds(billing, 'stripe', { ...env, STRIPE_PRICE_PRO_YEARLY: 'price_1' })).toThrow(
      'already used by pro-monthly / seats',
    );
  });
});
