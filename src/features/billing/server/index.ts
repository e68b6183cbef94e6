import 'server-only';

/**
 * The billing feature's server API (docs/billing/). Its tables: '@/features/billing/server/schema'.
 */
export { startCheckout, type CheckoutRefusal } from './checkout';
export { activeGateway, gatewayFor } from './providers';
export { findPlan, findProduct } from './catalogue';
export { addOnProducts, loadBillingAccount, requestedChange, type BillingAccount } from './billing-account';
export { pricingCatalogue, toPricingProduct, type TranslateKey } from './pricing-catalogue';
export { findLocalCheckout } from './local-gateway/hosted-checkout';
export {
  assertWithinLimit,
  getLimit,
  getOrganizationSubscription,
  hasFeature,
  meetsPlan,
  organizationOnPlan,
  organizationPlan,
  PlanFeatureMissingError,
  PlanLimitReachedError,
  PlanRequiredError,
  requireFeature,
  requirePlan,
  type OrganizationPlan,
  type PlanGrant,
  type PlanRequirement,
} from './gating';
export { grantableProducts, grantPlan, listPlanGrants } from './plan-grants';
// Loading the server face registers billing's organization hooks (limits, seats, cancelling on deletion).
export { cancelSubscriptionsOf, paidSeats, queueSeatSync, syncSeats } from './seats';
export { queueUsageReport, recordUsage, reportUsage } from './usage';
export {
  WebhookRejectedError,
  type BillingEvent,
  type BillingGateway,
  type ProviderInvoice,
  type ProviderOrder,
  type ProviderSubscription,
} from './gateway';
export { applyBillingEvent, redeliverWebhookEvent } from './webhooks';
export { providerDashboardUrl } from './provider-links';
export { receiveBillingWebhook } from './webhook-endpoint';
export {
  completeLocalCheckout,
  localGateway,
  LOCAL_TEST_CARDS,
  type LocalTestCard,
} from './local-gateway/local-gateway';
export { LOCAL_SIGNATURE_HEADER, signLocalPayload, verifyLocalSignature } from './local-gateway/signing';
export { deliverLocalEvent, localWebhookUrl } from './local-gateway/events';
export { advanceLocalSubscription } from './local-gateway/clock';
export { LOCAL_MAX_FAILED_RETRIES } from './local-gateway/clock-steps';
export {
  loadLocalPortal,
  localClockEnabled,
  localGatewayMode,
  portalPlans,
  setLocalPaymentMethod,
} from './local-gateway/portal';
export { organizationNeedsPaymentFix } from './past-due';

// Server actions, for pages and tests; this feature's components import them from the action files.
export {
  buyAddOnAction,
  cancelSubscriptionAction,
  changePlanAction,
  openBillingPortalAction,
  resumeSubscriptionAction,
  startCheckoutAction,
} from './billing-actions';
export { payLocalCheckoutAction } from './local-gateway/hosted-checkout-action';

export { reconcileSubscriptions, reconcileSubscriptionsJob } from './reconciliation';

import { remindTrialEnding, sendBillingEmail } from './emails';
import { deliverLocalEvent } from './local-gateway/events';
import { reconcileSubscriptionsJob } from './reconciliation';
import { syncSeats } from './seats';
import { reportUsage } from './usage';

/** The billing feature's background jobs, for src/background-jobs.ts. */
export const billingJobs = [
  deliverLocalEvent,
  sendBillingEmail,
  remindTrialEnding,
  reconcileSubscriptionsJob,
  syncSeats,
  reportUsage,
];
