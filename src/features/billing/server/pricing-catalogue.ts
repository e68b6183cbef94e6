import 'server-only';
import { appConfig } from '@/platform/config/app-config';
import type { BillingProduct } from '@/platform/config/billing-config-schema';
import type { PricedPlan, PricingProduct } from '../pricing';

/** Translates a full message key ("billing.products.pro.name"): next-intl's getTranslations() without a namespace. */
export type TranslateKey = (key: string) => string;

function pricedPlans(product: BillingProduct): PricedPlan[] {
  return product.plans.map((plan) => ({
    id: plan.id,
    interval: plan.interval,
    currency: plan.currency,
    trialDays: plan.trialDays,
    lineItems: plan.lineItems.map((item) =>
      item.type === 'flat'
        ? { type: 'flat', id: item.id, amount: item.amount }
        : item.type === 'per_seat'
          ? { type: 'per_seat', id: item.id, amount: item.amount, tiers: item.tiers, minimumSeats: item.minimumSeats }
          : { type: 'metered', id: item.id, amount: item.amount, tiers: item.tiers },
    ),
  }));
}

export function toPricingProduct(product: BillingProduct, t: TranslateKey): PricingProduct {
  return {
    id: product.id,
    name: t(product.nameKey),
    description: t(product.descriptionKey),
    features: product.features.map((key) => t(key)),
    recommended: product.recommended,
    free: product.free,
    contactUs: product.contactUs,
    plans: pricedPlans(product),
  };
}

/**
 * The plans the pricing table offers, in the catalogue's order: every product that is a plan and is
 * not hidden — plus `currentProductId` when it is hidden (its subscribers still see it marked).
 */
export function pricingCatalogue(t: TranslateKey, currentProductId?: string | null): PricingProduct[] {
  return appConfig.billing.products
    .filter((product) => product.type === 'plan' && (!product.hidden || product.id === currentProductId))
    .map((product) => toPricingProduct(product, t));
}
