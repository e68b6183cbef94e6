import { z } from 'zod';
import { BILLING_ENTITLEMENTS, BILLING_LIMITS, PAYMENT_PROVIDERS } from './constants';
import { ConfigError } from './env-schema';

/**
 * The shape of `appConfig.billing`: what an organization can buy (docs/billing/configuring-plans.md).
 *
 * A product is what a customer picks (Free, Pro, Enterprise, an add-on); its plans are the ways
 * to pay for it (monthly, yearly, once); a plan's line items are what the provider charges.
 * Amounts are in the currency's minor unit (cents). Everything here is public (the pricing
 * table shows it): provider price ids are not written here but read on the server from the
 * environment variables each line item names.
 */

/** A translation key, "namespace.path.to.key" (the message must exist in every locale). */
const translationKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, 'must be a translation key such as "billing.products.pro.name"');
const identifier = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and dashes, e.g. "pro-monthly"');
const amount = z.int('must be a whole number of the currency’s minor unit (cents)').min(0, 'must not be negative');

/** Per provider, the NAME of the environment variable holding that provider's price (or variant) id. */
const providerPriceEnv = z
  .partialRecord(
    z.enum(PAYMENT_PROVIDERS),
    z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an environment variable name such as STRIPE_PRICE_PRO_MONTHLY'),
  )
  .default({});

/**
 * Graduated tiers: each unit is priced by the tier it falls in (e.g. the first 3 seats free,
 * seats 4–10 at 12.00, every further one at 10.00). `upTo` rises; the last tier has `upTo: null`.
 */
const tiers = z
  .array(z.object({ upTo: z.int().positive().nullable(), amount }))
  .min(1)
  .superRefine((list, ctx) => {
    list.forEach((tier, index) => {
      const last = index === list.length - 1;
      if (last && tier.upTo !== null)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'upTo'],
          message: 'the last tier must have upTo: null (every further unit)',
        });
      if (!last && tier.upTo === null)
        ctx.addIssue({ code: 'custom', path: [index, 'upTo'], message: 'only the last tier may have upTo: null' });
      const previous = list[index - 1]?.upTo;
      if (tier.upTo !== null && previous != null && tier.upTo <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'upTo'],
          message: `must be above the previous tier’s ${previous}`,
        });
      }
    });
  });

const lineItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flat'), id: identifier, amount, providerPriceEnv }),
  z.object({
    type: z.literal('per_seat'),
    id: identifier,
    /** The price of each seat; ignored when `tiers` is given. */
    amount,
    tiers: tiers.optional(),
    /** Seats always charged, even when fewer members (the usual 1). */
    minimumSeats: z.int().min(0).default(1),
    providerPriceEnv,
  }),
  z.object({
    type: z.literal('metered'),
    id: identifier,
    /** What is counted, a translation key ("billing.units.tasks"). */
    unitKey: translationKey,
    amount,
    tiers: tiers.optional(),
    providerPriceEnv,
  }),
]);

const planSchema = z
  .object({
    id: identifier,
    /** How often it is charged, or `one_off` for a single payment. */
    interval: z.enum(['month', 'year', 'one_off']),
    /** ISO 4217, lower case: "usd", "eur". */
    currency: z.string().regex(/^[a-z]{3}$/, 'must be a three-letter ISO currency code in lower case, e.g. "usd"'),
    lineItems: z.array(lineItemSchema).min(1, 'needs at least one line item (what the provider charges)'),
    trialDays: z.int().min(0).max(365).default(0),
  })
  .superRefine((plan, ctx) => {
    if (plan.interval === 'one_off') {
      if (plan.trialDays > 0)
        ctx.addIssue({ code: 'custom', path: ['trialDays'], message: 'a one-off plan has no trial: remove trialDays' });
      plan.lineItems.forEach((item, index) => {
        if (item.type !== 'flat')
          ctx.addIssue({
            code: 'custom',
            path: ['lineItems', index, 'type'],
            message: 'a one-off plan charges flat line items only',
          });
      });
    }
    if (plan.lineItems.filter((item) => item.type === 'per_seat').length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['lineItems'],
        message: 'a plan has at most one per-seat line item (seats are one number)',
      });
    }
    const ids = plan.lineItems.map((item) => item.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated)
      ctx.addIssue({ code: 'custom', path: ['lineItems'], message: `line item id "${repeated}" appears twice` });
  });

/** null: unlimited. */
const limitsSchema = z.object(
  Object.fromEntries(BILLING_LIMITS.map((name) => [name, z.int().min(0).nullable()])) as Record<
    (typeof BILLING_LIMITS)[number],
    z.ZodNullable<z.ZodInt>
  >,
);

const productSchema = z
  .object({
    id: identifier,
    /** `plan`: what an organization is on (one at a time); `add-on`: bought besides it, once. */
    type: z.enum(['plan', 'add-on']).default('plan'),
    nameKey: translationKey,
    descriptionKey: translationKey,
    /** The bullet points of the pricing table, as translation keys. */
    features: z.array(translationKey).default([]),
    /** What an organization on this product may have; every limit is stated (null: unlimited). */
    limits: limitsSchema.optional(),
    entitlements: z
      .array(z.enum(BILLING_ENTITLEMENTS, { error: `must be one of ${BILLING_ENTITLEMENTS.join(', ')}` }))
      .default([]),
    /** The "recommended" badge (one product at most). */
    recommended: z.boolean().default(false),
    /** What an organization without a subscription has: no checkout, no plans (exactly one product). */
    free: z.boolean().default(false),
    /** "Contact us": shown, never checked out; its plans are arranged by hand (none here). */
    contactUs: z.boolean().default(false),
    /** Not offered any more; organizations already on it keep it and its limits. */
    hidden: z.boolean().default(false),
    plans: z.array(planSchema).default([]),
  })
  .superRefine((product, ctx) => {
    if ((product.free || product.contactUs) && product.plans.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['plans'],
        message: `a ${product.free ? 'free' : 'contact-us'} product has no plans (nothing is checked out): remove them`,
      });
    }
    if (product.free && product.contactUs)
      ctx.addIssue({ code: 'custom', path: ['contactUs'], message: 'a product is free or contact-us, not both' });
    if (!product.free && !product.contactUs && product.plans.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['plans'],
        message: 'needs at least one plan (or free: true / contactUs: true)',
      });
    }
    if (product.type === 'plan' && !product.limits) {
      ctx.addIssue({
        code: 'custom',
        path: ['limits'],
        message: `state every limit (${BILLING_LIMITS.join(', ')}; null for unlimited)`,
      });
    }
    if (product.type === 'add-on') {
      if (product.limits)
        ctx.addIssue({
          code: 'custom',
          path: ['limits'],
          message: 'an add-on grants entitlements, not limits: remove limits',
        });
      if (product.free || product.recommended)
        ctx.addIssue({ code: 'custom', path: ['type'], message: 'an add-on cannot be free or recommended' });
      product.plans.forEach((plan, index) => {
        if (plan.interval !== 'one_off')
          ctx.addIssue({
            code: 'custom',
            path: ['plans', index, 'interval'],
            message: 'an add-on is bought once: use interval "one_off"',
          });
      });
    }
  });

/** What happens when a member joins beyond the seats paid for. */
const SEATS_BEYOND_PAID = ['raise-quantity', 'refuse'] as const;

const billingConfigSchema = z
  .object({
    products: z.array(productSchema).min(1),
    seatsBeyondPaid: z.enum(SEATS_BEYOND_PAID).default('raise-quantity'),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>();
    config.products.forEach((product, productIndex) => {
      for (const [id, path] of [
        [product.id, [productIndex, 'id']],
        ...product.plans.map((plan, planIndex) => [plan.id, [productIndex, 'plans', planIndex, 'id']] as const),
      ] as const) {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['products', ...path],
            message: `"${id}" is already the id of ${seen.get(id)}: ids must be unique across products and plans`,
          });
        else seen.set(id, `product ${product.id}`);
      }
    });
    const free = config.products.filter((product) => product.free);
    if (free.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['products'],
        message: `exactly one product needs free: true (what organizations without a subscription have); found ${free.length}`,
      });
    }
    if (config.products.filter((product) => product.recommended).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['products'], message: 'only one product may be recommended' });
    }
  });

export type BillingConfigInput = z.input<typeof billingConfigSchema>;
export type BillingConfig = z.output<typeof billingConfigSchema>;
export type BillingProduct = BillingConfig['products'][number];
export type BillingPlan = BillingProduct['plans'][number];

/**
 * Checks the catalogue, naming the product or plan at fault: "billing.products[pro].plans[pro-yearly].trialDays: …".
 */
export function parseBillingConfig(value: BillingConfigInput): BillingConfig {
  const result = billingConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  • ${describePath(value, issue.path)}: ${issue.message}`);
  throw new Error(
    [
      'Keel cannot start: the billing plans in src/platform/config/app-config-schema.ts are invalid (docs/billing/configuring-plans.md).',
      ...problems,
    ].join('\n'),
  );
}

/** products.1.plans.0.trialDays → billing.products[pro].plans[pro-yearly].trialDays: ids read better than positions. */
function describePath(value: BillingConfigInput, path: PropertyKey[]): string {
  let node: unknown = value;
  let text = 'billing';
  path.forEach((part, index) => {
    const child = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    const parent = path[index - 1];
    const id =
      child && typeof child === 'object' && 'id' in child && typeof child.id === 'string' ? child.id : undefined;
    if (typeof part === 'number' && (parent === 'products' || parent === 'plans' || parent === 'lineItems') && id)
      text += `[${id}]`;
    else text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
    node = child;
  });
  return text;
}

/**
 * A provider's price id for every line item of every plan, read from the environment variables the
 * catalogue names. A missing one is an error naming the plan and the variable to set. (The local
 * gateway needs none: it charges the catalogue's own amounts.)
 */
export function resolveProviderPriceIds(
  config: BillingConfig,
  provider: (typeof PAYMENT_PROVIDERS)[number],
  env: Record<string, string | undefined>,
) {
  const priceIds = new Map<string, { productId: string; planId: string; lineItemId: string }>();
  const byLineItem = new Map<string, string>();
  const problems: string[] = [];
  const because = `because BILLING_PROVIDER is "${provider}"`;
  for (const product of config.products) {
    for (const plan of product.plans) {
      for (const item of plan.lineItems) {
        const variable = item.providerPriceEnv[provider];
        const priceId = variable ? env[variable]?.trim() : undefined;
        if (!variable)
          problems.push(
            `billing.products[${product.id}].plans[${plan.id}].lineItems[${item.id}] has no providerPriceEnv.${provider} (the variable with its ${provider} price id), ${because}. Fix: add it to the catalogue (docs/billing/configuring-plans.md).`,
          );
        else if (!priceId)
          problems.push(
            `${variable} is not set: set it to the ${provider} price id of ${plan.id} / ${item.id} (${because}).`,
          );
        else if (priceIds.has(priceId))
          problems.push(
            `${variable}: the price id ${priceId} is already used by ${priceIds.get(priceId)!.planId} / ${priceIds.get(priceId)!.lineItemId}; each line item needs its own.`,
          );
        else {
          priceIds.set(priceId, { productId: product.id, planId: plan.id, lineItemId: item.id });
          byLineItem.set(`${plan.id}/${item.id}`, priceId);
        }
      }
    }
  }
  // A ConfigError, like every other variable's: the server prints it and stops at start (instrumentation-node.ts).
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    byPriceId: priceIds,
    priceIdOf: (planId: string, lineItemId: string) => byLineItem.get(`${planId}/${lineItemId}`),
  };
}

/** A payment provider's price ids: the line item of each, and each line item's (docs/billing/configuring-plans.md). */
export type ProviderPriceIds = ReturnType<typeof resolveProviderPriceIds>;
