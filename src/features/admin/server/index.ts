import 'server-only';

/**
 * The super-admin area's server API (docs/admin/super-admin.md): who is a super admin, the gate every admin page,
 * action and route uses, and the users and organizations the area reads and acts on.
 */
export {
  ADMIN_RECENT_SIGN_IN_MINUTES,
  impersonating,
  requireSuperAdmin,
  superAdmin,
  superAdminSignedInRecently,
} from './access';
export {
  grantSuperAdmin,
  isSuperAdmin,
  listedInEnvironment,
  revokeSuperAdmin,
  type GrantOutcome,
} from './super-admins';
export { adminUserDetail, isBanned, listUsers, type AdminUserDetail, type AdminUserRow } from './users';
export {
  adminOrganizationDetail,
  catalogueProducts,
  deleteOrganizationAsAdmin,
  grantPlanAsAdmin,
  listOrganizations,
  transferOwnershipAsAdmin,
  type AdminOrganizationDetail,
  type AdminOrganizationRow,
} from './organizations';

export {
  adminOverview,
  activeOrganizations,
  failedWebhookEvents,
  monthlyRecurringRevenue,
  MRR_STATUSES,
  OVERVIEW_DAYS,
  signUpsPerDay,
  subscriptionsByPlanAndStatus,
  trialConversions,
  type AdminOverview,
  type MonthlyRecurringRevenue,
} from './overview';
export {
  listFailedWebhookEvents,
  listSubscriptions,
  listWebhookEvents,
  RECONCILIATION_JOB_KEY,
  type AdminSubscriptionRow,
  type AdminWebhookEventRow,
  type RedeliveryOutcome,
} from './billing-operations';

// Server actions, for pages and tests; this feature's components import them from the action file.
export {
  banUserAction,
  deleteUserAction,
  resendUserConfirmationAction,
  resetUserTwoFactorAction,
  signOutUserEverywhereAction,
  unbanUserAction,
} from './user-actions';
export { deleteOrganizationAction, grantPlanAction, transferOrganizationAction } from './organization-actions';
export { redeliverWebhookEventAction, startReconciliationAction } from './billing-actions';
export { startImpersonationAction, stopImpersonationAction } from './impersonation-actions';
