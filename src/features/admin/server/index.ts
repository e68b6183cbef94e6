import 'server-only';

/**
 * The super-admin area's server API (docs/admin/super-admin.md): who is a super admin, the gate every admin page,
 * action and route uses, and the users the area reads and acts on.
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

// Server actions, for pages and tests; this feature's components import them from the action file.
export {
  banUserAction,
  deleteUserAction,
  resendUserConfirmationAction,
  resetUserTwoFactorAction,
  signOutUserEverywhereAction,
  unbanUserAction,
} from './user-actions';
export { startImpersonationAction, stopImpersonationAction } from './impersonation-actions';
