/**
 * The super-admin area's public face for any code (server or browser): its paths and the users list's query.
 * Server code: '@/features/admin/server'. Components: '@/features/admin/components/*'.
 */
export {
  adminAuditPath,
  adminFailedWebhooksPath,
  adminOrganizationPath,
  adminOrganizationsPath,
  adminPath,
  adminSubscriptionsPath,
  adminUserPath,
  adminUsersPath,
  adminWebhooksPath,
  twoFactorSetupPath,
} from './paths';
export {
  adminOrganizationQuery,
  ORGANIZATION_SUBSCRIPTION_STATES,
  type AdminOrganizationQuery,
  type OrganizationSubscriptionState,
} from './organization-query';
export {
  adminSubscriptionQuery,
  adminWebhookQuery,
  WEBHOOK_STATES,
  type AdminSubscriptionQuery,
  type AdminWebhookQuery,
  type WebhookState,
} from './billing-query';
export { adminUserQuery, USER_STATUSES, type AdminUserQuery, type UserStatus } from './user-query';
export {
  banUserSchema,
  deleteOrganizationSchema,
  grantPlanSchema,
  transferOrganizationSchema,
  userIdSchema,
} from './schemas';
