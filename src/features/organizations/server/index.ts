import 'server-only';

/**
 * The organizations feature's server API (the organization SDK): what pages,
 * route handlers, actions and other features use on the server. See
 * docs/organizations/organization-sdk.md.
 */
export {
  findAccess,
  inOrganization,
  listOrganizationsOfUser,
  organizationMember,
  rememberOrganization,
  rememberedOrganization,
  requireOrganization,
  type MembershipRequirement,
  type Membership,
  type Organization,
  type OrganizationAccess,
} from './access';
export { getCurrentOrganization } from './current';
export {
  createOrganization,
  deleteOrganization,
  deleteOrganizationAsOperator,
  updateOrganization,
} from './organizations';
export { readOrganizationForOperator, type OrganizationForOperator } from './operator';
export {
  changeMemberRole,
  leaveOrganization,
  listMembers,
  removeMember,
  transferOwnership,
  transferOwnershipAsOperator,
  type MemberPage,
  type MemberRow,
} from './members';
export { soleOwnedOrganizations } from './sole-owner';
export { deleteLogoFile, readLogo, removeLogo, setLogo } from './logo';
export {
  acceptInvitation,
  createInvitationLink,
  invitationTokenWasEmailed,
  inviteMembers,
  listInvitations,
  pendingInvitationsFor,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
  type InvitationPreview,
  type InvitationRow,
} from './invitations';
export { atLeast, grantableRoles, hasPermission, permissionsOf, roleNames, OWNER_ROLE } from '../roles';
// Read the role matrix in appConfig: server-only, so the configuration's validator stays out of browsers.
export { formerOwnerRole, invitationRoles } from '../member-controls';
export { dashboardPath } from '../paths';

// Server actions, for pages and tests; this feature's components import them from the action files.
export {
  acceptInvitationAction,
  acceptInvitationByIdAction,
  changeMemberRoleAction,
  createInvitationLinkAction,
  createOrganizationAction,
  deleteOrganizationAction,
  inviteMembersAction,
  joinWithNewAccountAction,
  leaveOrganizationAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
  updateOrganizationAction,
} from './actions';
export { removeOrganizationLogoAction, uploadOrganizationLogoAction } from './logo-actions';
