/**
 * The organizations feature's client-safe public face: for pages and client
 * components. Server code uses `@/features/organizations/server` (the
 * organization SDK: requireOrganization, listOrganizationsOfUser…).
 */
export {
  OrganizationProvider,
  useMembership,
  useOrganization,
  type ClientMembership,
  type ClientOrganization,
  type OrganizationContextValue,
} from './components/organization-context';
export { useCurrentOrganizationSlug } from './components/current-organization';
export { LastOrganizationProvider, useShownOrganizationSlug } from './components/shown-organization';
export { OrganizationSwitcher, type SwitcherOrganization } from './components/organization-switcher';
export { OrganizationLogo } from './components/organization-logo';
export { useRoleLabel } from './components/role-label';
export { dashboardPath, ORGANIZATION_PAGES } from './paths';
export { organizationNotice, withNotice, type OrganizationNotice } from './notices';
export { acceptInvitationSchema } from './schemas';
export { membersPageHref, parseMembersQuery } from './members-query';
