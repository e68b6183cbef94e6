import 'server-only';
import { appConfig } from '@/platform/config/app-config';
import type { BillingPlan, BillingProduct } from '@/platform/config/billing-config-schema';

/** A plan of appConfig.billing with its product, or null for an id the catalogue does not have. */
export function findPlan(planId: string): { product: BillingProduct; plan: BillingPlan } | null {
  for (const product of appConfig.billing.products) {
    const plan = product.plans.find((candidate) => candidate.id === planId);
    if (plan) return { product, plan };
  }
  return null;
}

/** A product of appConfig.billing by id, or null. */
export function findProduct(productId: string): BillingProduct | null {
  return appConfig.billing.products.find((product) => product.id === productId) ?? null;
}
