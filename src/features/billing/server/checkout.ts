import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { BillingProvider } from '@/platform/config/constants';
import { recordAuditEvent } from '@/features/audit/server';
import { users } from '@/features/auth/server/schema';
import { db, type Transaction } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { findPlan } from './catalogue';
import type { BillingGateway } from './gateway';
import { billingCheckouts, billingCustomers, billingSubscriptions } from './schema';
import { activeGateway, gatewayFor } from './providers';

/**
 * The organization's customer at the gateway, created on first use (one per organization and provider),
 * with the email of the person starting that first checkout as its billing contact.
 */
async function customerFor(gateway: BillingGateway, organizationId: string, name: string, userId: string) {
  const where = and(
    eq(billingCustomers.organizationId, organizationId),
    eq(billingCustomers.provider, gateway.provider),
  );
  const [existing] = await db.select().from(billingCustomers).where(where);
  if (existing) return existing;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const { customerId } = await gateway.createCustomer({
    organizationId,
    name,
    email: user?.email ?? null,
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

export type CheckoutRefusal = 'unknown-plan' | 'not-for-sale' | 'already-subscribed';

/**
 * The trial a subscription checkout gets: the plan's, once per organization. An organization that has
 * ever had a subscription (any status, trial or not) starts paying at once (decision 0040), so cancelling
 * during a trial and checking out again does not start another one.
 */
async function trialDaysFor(tx: Transaction, organizationId: string, planTrialDays: number): Promise<number> {
  if (planTrialDays <= 0) return 0;
  const before = await tx.$count(billingSubscriptions, eq(billingSubscriptions.organizationId, organizationId));
  return before > 0 ? 0 : planTrialDays;
}

/**
 * Starts a checkout for an organization and records it, so that its webhooks are matched to this
 * organization and no other. The caller has checked that `userId` may manage the organization's
 * billing (`billing.manage`): this runs on the app's own connection, as billing writes do.
 *
 * One at a time per organization (a transaction-scoped advisory lock): a subscription checkout is refused
 * while the organization has a subscription that is not canceled, and every earlier open checkout of the
 * same mode is expired, here and at the provider — two tabs never leave two payable checkouts behind.
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
  const customer = await customerFor(gateway, input.organizationId, input.organizationName, input.userId);
  const mode = found.plan.interval === 'one_off' ? 'payment' : 'subscription';
  const seats = Math.max(1, Math.floor(input.seats));
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('billing.checkout'), hashtext(${input.organizationId}))`,
    );
    let trialDays = 0;
    if (mode === 'subscription') {
      const [live] = await tx
        .select({ id: billingSubscriptions.id })
        .from(billingSubscriptions)
        .where(
          and(
            eq(billingSubscriptions.organizationId, input.organizationId),
            ne(billingSubscriptions.status, 'canceled'),
          ),
        )
        .limit(1);
      if (live) return { ok: false as const, reason: 'already-subscribed' as const };
      trialDays = await trialDaysFor(tx, input.organizationId, found.plan.trialDays);
    }
    const earlier = await tx
      .update(billingCheckouts)
      .set({ status: 'expired', updatedAt: sql`now()` })
      .where(
        and(
          eq(billingCheckouts.organizationId, input.organizationId),
          eq(billingCheckouts.mode, mode),
          eq(billingCheckouts.status, 'open'),
        ),
      )
      .returning({ provider: billingCheckouts.provider, providerCheckoutId: billingCheckouts.providerCheckoutId });
    await expireAtProviders(earlier);
    // Keel's id for the checkout, known before the provider's: a provider may carry it back in its events.
    const reference = randomUUID();
    const checkout = await gateway.createCheckout({
      customerId: customer.providerCustomerId,
      mode,
      planId: found.plan.id,
      seats,
      trialDays,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      reference,
      idempotencyKey: `checkout-${reference}`,
    });
    await tx.insert(billingCheckouts).values({
      id: reference,
      organizationId: input.organizationId,
      customerId: customer.id,
      provider: gateway.provider,
      providerCheckoutId: checkout.checkoutId,
      mode,
      planId: found.plan.id,
      seats: mode === 'subscription' ? seats : null,
      createdById: input.userId,
    });
    await recordAuditEvent(tx, {
      action: 'billing.checkoutStarted',
      actorUserId: input.userId,
      target: { type: 'checkout', id: reference },
      organizationId: input.organizationId,
      details: { plan: found.plan.id, seats: mode === 'subscription' ? seats : null, provider: gateway.provider },
    });
    return { ok: true as const, url: checkout.url, checkoutId: checkout.checkoutId };
  });
}

/**
 * Closes checkouts at their providers, so that their links can no longer pay. Callers have already marked
 * them expired here (or delete them with their organization). One of a provider no longer configured here
 * (after a switch) cannot be asked: it is logged and skipped, so that checkout and organization deletion go
 * on; its link lives until the provider's own expiry of the checkout.
 */
export async function expireAtProviders(checkouts: { provider: BillingProvider; providerCheckoutId: string }[]) {
  for (const checkout of checkouts) {
    const gateway = gatewayFor(checkout.provider);
    if (gateway) await gateway.expireCheckout({ checkoutId: checkout.providerCheckoutId });
    else
      logger.warn(
        { provider: checkout.provider, checkoutId: checkout.providerCheckoutId },
        'a checkout of a provider not configured here: expired in Keel only',
      );
  }
}
