import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { inOrganization } from '@/features/organizations/server';
import { members } from '@/features/organizations/server/schema';
import { appConfig } from '@/platform/config/app-config';
import type { BillingPlan, BillingProduct } from '@/platform/config/billing-config-schema';
import type { BillingProvider } from '@/platform/config/constants';
import type { TenantScope } from '@/platform/db/tenant';
import { isUuid } from '@/platform/db/uuid';
import { logger } from '@/platform/logger';
import type { CheckoutMode, CheckoutStatus, OrderStatus, SubscriptionStatus } from '../billing-fields';
import { renewalAmount } from '../pricing';
import { activeGateway } from './providers';
import { findPlan } from './catalogue';
import type { ProviderInvoice } from './gateway';
import { getOrganizationSubscription } from './gating';
import { billingCheckouts, billingCustomers, billingOrders, billingSubscriptionItems } from './schema';
import { gatewayFor } from './providers';

/**
 * What an organization's billing page shows, read in its tenant transaction (row-level security
 * confines every query to it). Our tables change only through the provider's webhooks (decision
 * 0034): a checkout that has not come back yet is "processing", never the old plan.
 */

export interface BillingAccount {
  product: BillingProduct;
  plan: BillingPlan | null;
  subscription: {
    status: SubscriptionStatus;
    provider: BillingProvider;
    periodEndsAt: Date;
    trialEndsAt: Date | null;
    cancelAtPeriodEnd: boolean;
  } | null;
  /** What the next renewal charges (metered usage comes on top); null without a subscription. */
  renewal: { amount: number; currency: string } | null;
  seats: { used: number; paid: number | null };
  orders: {
    id: string;
    planId: string;
    productId: string;
    status: OrderStatus;
    totalAmount: number;
    currency: string;
    createdAt: Date;
  }[];
  /** The checkout the page was opened for (`?checkout=`), if it is this organization's. */
  checkout: {
    mode: CheckoutMode;
    planId: string;
    status: CheckoutStatus;
    /** Still waiting for the provider's word: the page shows "processing". */
    processing: boolean;
  } | null;
  /** The provider's invoices; null when they could not be read (or the viewer may not see them). */
  invoices: ProviderInvoice[] | null;
  hasCustomer: boolean;
}

export async function loadBillingAccount(
  scope: TenantScope,
  options: { checkoutId?: string | null; withInvoices: boolean },
): Promise<BillingAccount> {
  const read = await inOrganization(scope, {}, async (tx) => {
    const current = await getOrganizationSubscription(tx, scope.organizationId);
    const items = current.subscription
      ? await tx
          .select({ lineItemId: billingSubscriptionItems.lineItemId, quantity: billingSubscriptionItems.quantity })
          .from(billingSubscriptionItems)
          .where(eq(billingSubscriptionItems.subscriptionId, current.subscription.id))
      : [];
    const used = await tx.$count(members, eq(members.organizationId, scope.organizationId));
    const orders = await tx
      .select()
      .from(billingOrders)
      .where(eq(billingOrders.organizationId, scope.organizationId))
      .orderBy(desc(billingOrders.createdAt))
      .limit(50);
    // The provider's id or ours: a provider returns the buyer with its own session id.
    const checkoutId = options.checkoutId?.slice(0, 255);
    const [checkout] = checkoutId
      ? await tx
          .select()
          .from(billingCheckouts)
          .where(
            and(
              eq(billingCheckouts.organizationId, scope.organizationId),
              isUuid(checkoutId)
                ? eq(billingCheckouts.id, checkoutId)
                : eq(billingCheckouts.providerCheckoutId, checkoutId),
            ),
          )
          .limit(1)
      : [];
    const customers = await tx
      .select({ provider: billingCustomers.provider, providerCustomerId: billingCustomers.providerCustomerId })
      .from(billingCustomers)
      .where(eq(billingCustomers.organizationId, scope.organizationId));
    return { current, items, used, orders, checkout: checkout ?? null, customers };
  });

  const { current, items, used, orders, checkout, customers } = read;
  const quantities = Object.fromEntries(items.map((item) => [item.lineItemId, item.quantity]));
  const perSeat = current.plan?.lineItems.find((item) => item.type === 'per_seat');
  const subscription = current.subscription;

  let processing = false;
  if (checkout) {
    // Done when the provider's events have brought what was bought, not merely when the checkout closed.
    const arrived =
      checkout.mode === 'subscription'
        ? current.plan?.id === checkout.planId
        : orders.some((order) => order.planId === checkout.planId && order.createdAt >= checkout.createdAt);
    processing = checkout.status !== 'expired' && !arrived;
  }

  return {
    product: current.product,
    plan: current.plan,
    subscription: subscription
      ? {
          status: subscription.status,
          provider: subscription.provider,
          periodEndsAt: subscription.periodEndsAt,
          trialEndsAt: subscription.trialEndsAt,
          cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
        }
      : null,
    renewal:
      current.plan && subscription
        ? { amount: renewalAmount(current.plan, quantities), currency: current.plan.currency }
        : null,
    seats: { used, paid: perSeat ? (quantities[perSeat.id] ?? null) : null },
    orders: orders.map((order) => ({
      id: order.id,
      planId: order.planId,
      productId: order.productId,
      status: order.status,
      totalAmount: order.totalAmount,
      currency: order.currency,
      createdAt: order.createdAt,
    })),
    checkout: checkout ? { mode: checkout.mode, planId: checkout.planId, status: checkout.status, processing } : null,
    invoices: options.withInvoices ? await invoicesOf(customers) : null,
    hasCustomer: customers.length > 0,
  };
}

/** The invoices of the organization's customer at each provider in use; a provider that fails is logged, not fatal. */
async function invoicesOf(customers: { provider: BillingProvider; providerCustomerId: string }[]) {
  const lists = await Promise.all(
    customers.map(async (customer) => {
      const gateway = gatewayFor(customer.provider);
      if (!gateway) return [];
      try {
        return await gateway.listInvoices({ customerId: customer.providerCustomerId, limit: 24 });
      } catch (error) {
        logger.warn({ err: error, provider: customer.provider }, 'could not list the billing invoices');
        return null;
      }
    }),
  );
  if (lists.some((list) => list === null)) return null;
  return lists.flatMap((list) => list ?? []).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** What the billing actions need, checked inside the tenant transaction: the viewer manages billing. */
export async function billingForManager(scope: TenantScope) {
  return inOrganization(scope, { permission: 'billing.manage' }, async (tx) => {
    const current = await getOrganizationSubscription(tx, scope.organizationId);
    const memberCount = await tx.$count(members, eq(members.organizationId, scope.organizationId));
    const customers = await tx
      .select({ provider: billingCustomers.provider, providerCustomerId: billingCustomers.providerCustomerId })
      .from(billingCustomers)
      .where(eq(billingCustomers.organizationId, scope.organizationId));
    return { current, memberCount, customers };
  });
}

/** The organization's customer at the provider checkouts go to now, if it has bought anything there. */
export function currentCustomer(customers: { provider: BillingProvider; providerCustomerId: string }[]) {
  const provider = activeGateway().provider;
  return customers.find((customer) => customer.provider === provider) ?? null;
}

/** The add-on products an organization can buy once, with their plans. */
export function addOnProducts(): BillingProduct[] {
  return appConfig.billing.products.filter((product) => product.type === 'add-on' && !product.hidden);
}

/** A plan an organization may move to or check out: offered, a plan (not an add-on), with checkout. */
export function purchasablePlan(planId: string) {
  const found = findPlan(planId);
  if (!found) return null;
  const { product } = found;
  if (product.hidden || product.free || product.contactUs) return null;
  return found;
}

/**
 * The change the plans page came back from (`?change=`): a plan an organization can move to, or `cancel`
 * — what its actions produce. Anything else is ignored, so a made-up link does not set the page waiting.
 */
export function requestedChange(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value === 'cancel') return value;
  const found = purchasablePlan(value);
  return found && found.product.type === 'plan' && found.plan.interval !== 'one_off' ? value : null;
}
