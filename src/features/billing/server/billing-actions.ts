'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { notImpersonating } from '@/features/auth/server';
import { organizationMember } from '@/features/organizations/server';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { billingPath, checkoutReturnPath, plansPath } from '../paths';
import { billingChangeSchema, billingOrganizationSchema, buyAddOnSchema, startCheckoutSchema } from '../schemas';
import { billingForManager, currentCustomer, purchasablePlan } from './billing-account';
import { findPlan } from './catalogue';
import { startCheckout, type CheckoutRefusal } from './checkout';
import { gatewayFor } from './providers';

/*
 * The billing actions: public endpoints, each through defineAction (CSRF, validation, a rate limit
 * per session) and the organizationMember guard with `billing.manage` (401 signed out, 404 not a
 * member, 403 without the permission); the permission is checked again inside the tenant
 * transaction. They only ask the provider: our tables change when its webhooks arrive (decision 0034).
 */

const manager = organizationMember({ permission: 'billing.manage' });
// No billing action while a super admin impersonates the user (docs/admin/impersonation.md): listed before `manager`.
const guards = [notImpersonating, manager] as const;
const checkouts = limitsPerSession('billing-checkout', { perIp: 60, perSession: 20, windowSeconds: 10 * 60 });
const changes = limitsPerSession('billing-change', { perIp: 90, perSession: 30, windowSeconds: 10 * 60 });

const absolute = (path: string) => `${appConfig.site.url}${path}`;

function refusePlan(messageKey: string): never {
  throw new AppError('VALIDATION_FAILED', { fieldErrorKeys: { planId: messageKey } });
}

function checkoutRefused(reason: CheckoutRefusal): never {
  if (reason === 'already-subscribed')
    throw new AppError('CONFLICT', { messageKey: 'billingActions.alreadySubscribed' });
  refusePlan(reason === 'unknown-plan' ? 'billingActions.unknownPlan' : 'billingActions.notForSale');
}

/** The entitling subscription the change applies to, and the gateway that holds it. */
function subscriptionToChange(current: Awaited<ReturnType<typeof billingForManager>>['current']) {
  const subscription = current.subscription;
  if (!subscription) throw new AppError('CONFLICT', { messageKey: 'billingActions.noSubscription' });
  const gateway = gatewayFor(subscription.provider);
  if (!gateway) throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'billingActions.providerUnavailable' });
  return { subscription, gateway };
}

/** Subscribes the organization to a plan: off to the provider's hosted checkout. */
export const startCheckoutAction = defineAction({
  name: 'billing.startCheckout',
  input: startCheckoutSchema,
  guards,
  rateLimit: checkouts,
  handler: async ({ organizationId, planId, seats }, { user, organization }) => {
    const { current, memberCount } = await billingForManager({ userId: user.id, organizationId });
    const found = purchasablePlan(planId);
    if (!found || found.product.type !== 'plan' || found.plan.interval === 'one_off')
      refusePlan(findPlan(planId) ? 'billingActions.notForSale' : 'billingActions.unknownPlan');
    // A second subscription would charge twice: moving between plans is a change of plan.
    if (current.subscription) throw new AppError('CONFLICT', { messageKey: 'billingActions.alreadySubscribed' });
    const started = await startCheckout({
      organizationId,
      organizationName: organization.name,
      userId: user.id,
      planId,
      // Never fewer seats than members: the browser's number is a wish, not a price.
      seats: Math.max(seats ?? memberCount, memberCount),
      successUrl: absolute(checkoutReturnPath(organization.slug)),
      cancelUrl: absolute(plansPath(organization.slug)),
    });
    if (!started.ok) checkoutRefused(started.reason);
    redirect(started.url);
  },
});

/** Buys a one-off add-on: off to the provider's hosted checkout, in payment mode. */
export const buyAddOnAction = defineAction({
  name: 'billing.buyAddOn',
  input: buyAddOnSchema,
  guards,
  rateLimit: checkouts,
  handler: async ({ organizationId, planId }, { user, organization }) => {
    await billingForManager({ userId: user.id, organizationId });
    const found = purchasablePlan(planId);
    if (!found || found.product.type !== 'add-on')
      refusePlan(findPlan(planId) ? 'billingActions.notForSale' : 'billingActions.unknownPlan');
    const started = await startCheckout({
      organizationId,
      organizationName: organization.name,
      userId: user.id,
      planId,
      seats: 1,
      successUrl: absolute(checkoutReturnPath(organization.slug)),
      cancelUrl: absolute(billingPath(organization.slug)),
    });
    if (!started.ok) checkoutRefused(started.reason);
    redirect(started.url);
  },
});

/**
 * Moves the subscription to another plan now (the provider prorates). Not to the free product: that
 * is cancelling at the end of the period; not to a contact-us, hidden or add-on product.
 */
export const changePlanAction = defineAction({
  name: 'billing.changePlan',
  input: billingChangeSchema,
  guards,
  rateLimit: changes,
  handler: async ({ organizationId, planId }, { user, organization }) => {
    const { current } = await billingForManager({ userId: user.id, organizationId });
    const found = purchasablePlan(planId);
    if (!found || found.product.type !== 'plan' || found.plan.interval === 'one_off')
      refusePlan(findPlan(planId) ? 'billingActions.notForSale' : 'billingActions.unknownPlan');
    const { subscription, gateway } = subscriptionToChange(current);
    if (subscription.planId === planId) refusePlan('billingActions.samePlan');
    await gateway.changePlan({ subscriptionId: subscription.providerSubscriptionId, planId });
    revalidatePath(billingPath(organization.slug), 'layout');
    return { planId };
  },
});

/** Cancels at the end of the period already paid: the organization keeps its plan until then. */
export const cancelSubscriptionAction = defineAction({
  name: 'billing.cancel',
  input: billingOrganizationSchema,
  guards,
  rateLimit: changes,
  handler: async ({ organizationId }, { user, organization }) => {
    const { current } = await billingForManager({ userId: user.id, organizationId });
    const { subscription, gateway } = subscriptionToChange(current);
    await gateway.setCancelAtPeriodEnd({ subscriptionId: subscription.providerSubscriptionId, cancel: true });
    revalidatePath(billingPath(organization.slug), 'layout');
    return { endsAt: subscription.periodEndsAt.toISOString() };
  },
});

/** Takes back a cancellation before the period ends. */
export const resumeSubscriptionAction = defineAction({
  name: 'billing.resume',
  input: billingOrganizationSchema,
  guards,
  rateLimit: changes,
  handler: async ({ organizationId }, { user, organization }) => {
    const { current } = await billingForManager({ userId: user.id, organizationId });
    const { subscription, gateway } = subscriptionToChange(current);
    if (!subscription.cancelAtPeriodEnd) throw new AppError('CONFLICT', { messageKey: 'billingActions.notCanceling' });
    await gateway.setCancelAtPeriodEnd({ subscriptionId: subscription.providerSubscriptionId, cancel: false });
    revalidatePath(billingPath(organization.slug), 'layout');
  },
});

/** The provider's portal: payment methods and invoices. */
export const openBillingPortalAction = defineAction({
  name: 'billing.openPortal',
  input: billingOrganizationSchema,
  guards,
  rateLimit: changes,
  handler: async ({ organizationId }, { user, organization }) => {
    const { customers } = await billingForManager({ userId: user.id, organizationId });
    const customer = currentCustomer(customers);
    const gateway = customer ? gatewayFor(customer.provider) : null;
    if (!customer || !gateway) throw new AppError('CONFLICT', { messageKey: 'billingActions.noCustomer' });
    const { url } = await gateway.createPortalSession({
      customerId: customer.providerCustomerId,
      returnUrl: absolute(billingPath(organization.slug)),
    });
    redirect(url);
  },
});
