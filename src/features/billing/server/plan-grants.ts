import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { users } from '@/features/auth/server/schema';
import { appConfig } from '@/platform/config/app-config';
import type { BillingProduct } from '@/platform/config/billing-config-schema';
import { db, type Transaction } from '@/platform/db/client';
import { fieldRefusal } from '@/platform/http/errors';
import { findProduct } from './catalogue';
import { billingPlanGrants } from './schema';

/**
 * Plan grants (decision 0065, docs/admin/organizations.md): a product given to an organization by hand until a
 * time. Gating (./gating.ts) honours one in force when no subscription entitles the organization; it ends on its
 * own. Only the super-admin area grants, on the app's own connection.
 */

/** The products a grant may give: plans (not add-ons), not the free one — hidden and "contact us" ones included. */
export function grantableProducts(): BillingProduct[] {
  return appConfig.billing.products.filter((product) => product.type === 'plan' && !product.free);
}

/**
 * Records a grant of `productId` to the organization from now until `endsAt`, in the caller's transaction (with
 * its audit row). An unknown or non-grantable product is refused on the `productId` field.
 */
export async function grantPlan(
  tx: Transaction,
  grant: { organizationId: string; productId: string; endsAt: Date; reason: string; grantedById: string },
) {
  const product = findProduct(grant.productId);
  if (!product || !grantableProducts().includes(product))
    throw fieldRefusal('VALIDATION_FAILED', 'productId', 'validation.invalidOption');
  const [row] = await tx.insert(billingPlanGrants).values(grant).returning();
  return row!;
}

/** Every grant of the organization, newest first, with why and who (for the admin area; the app's connection). */
export async function listPlanGrants(organizationId: string) {
  return db
    .select({
      id: billingPlanGrants.id,
      productId: billingPlanGrants.productId,
      startsAt: billingPlanGrants.startsAt,
      endsAt: billingPlanGrants.endsAt,
      reason: billingPlanGrants.reason,
      grantedById: billingPlanGrants.grantedById,
      grantedByName: users.name,
      createdAt: billingPlanGrants.createdAt,
    })
    .from(billingPlanGrants)
    .leftJoin(users, eq(users.id, billingPlanGrants.grantedById))
    .where(eq(billingPlanGrants.organizationId, organizationId))
    .orderBy(desc(billingPlanGrants.createdAt))
    .limit(50);
}
