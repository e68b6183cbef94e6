import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { findPlan } from './catalogue';
import type { BillingGateway } from './gateway';
import { billingCheckouts, billingCustomers } from './schema';
import { gatewayFor } from './webhooks';

/** The gateway checkouts go to: the local one until a provider is configured (the next issue adds them). */
export function activeGateway(): BillingGateway {
  const gateway = gatewayFor('local');
  if (!gateway)
    throw new Error(
      'No billing provider is configured, and the local gateway is off in production (BILLING_LOCAL_GATEWAY_IN_PRODUCTION).',
    );
  return gateway;
}

/** The organization's customer at the gateway, created on first use (one per organization and provider). */
async function customerFor(gateway: BillingGateway, organizationId: string, name: string) {
  const where = and(
    eq(billingCustomers.organizationId, organizationId),
    eq(billingCustomers.provider, gateway.provider),
  );
  const [existing] = await db.select().from(billingCustomers).where(where);
  if (existing) return existing;
  const { customerId } = await gateway.createCustomer({
    organizationId,
    name,
    email: null,
    idempotencyKey: `customer-${organizationId}`,
  });
  await db
    .insert(billingCustomers)
    .values({ organizationId, provider: gateway.provider, providerCustomerId: customerId })
    .onConflictDoNothing();
  // A concurrent first checkout may have won: its customer is the organization's.
  const [customer] = await db.select().from(billingCustomers).where(where);
  return customer!;
}

export type CheckoutRefusal = 'unknown-plan' | 'not-for-sale';

/**
 * Starts a checkout for an organization and records it, so that its webhooks are matched to this
 * organization and no other. The caller has checked that `userId` may manage the organization's
 * billing (`billing.manage`): this runs on the app's own connection, as billing writes do.
 */
export async function startCheckout(input: {
  organizationId: string;
  organizationName: string;
  userId: string;
  planId: string;
  seats: number;
  successUrl: string;
  cancelUrl: string;
}): Promise<{ ok: true; url: string; checkoutId: string } | { ok: false; reason: CheckoutRefusal }> {
  const found = findPlan(input.planId);
  if (!found) return { ok: false, reason: 'unknown-plan' };
  if (found.product.hidden || found.product.free || found.product.contactUs)
    return { ok: false, reason: 'not-for-sale' };
  const gateway = activeGateway();
  const customer = await customerFor(gateway, input.organizationId, input.organizationName);
  const mode = found.plan.interval === 'one_off' ? 'payment' : 'subscription';
  const seats = Math.max(1, Math.floor(input.seats));
  const checkout = await gateway.createCheckout({
    customerId: customer.providerCustomerId,
    mode,
    planId: found.plan.id,
    seats,
    successUrl: input.successUrl,
    cancelUrl: input.cancelUrl,
    idempotencyKey: randomUUID(),
  });
  await db.insert(billingCheckouts).values({
    organizationId: input.organizationId,
    customerId: customer.id,
    provider: gateway.provider,
    providerCheckoutId: checkout.checkoutId,
    mode,
    planId: found.plan.id,
    seats: mode === 'subscription' ? seats : null,
    createdById: input.userId,
  });
  return { ok: true, url: checkout.url, checkoutId: checkout.checkoutId };
}
