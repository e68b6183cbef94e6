import type { Organization, Person } from '../e2e/fixtures';

/**
 * Every public endpoint of Keel — each server action and each route handler —
 * with the guard it must enforce. endpoints.spec.ts discovers the endpoints
 * (the build's server actions, the `route.ts` files' handlers) and fails for
 * one missing here: a new endpoint cannot ship without a line saying who may call it.
 *
 * - `public`: anyone (sign-in, contact…); still CSRF-checked and rate limited.
 * - `signed-in`: any signed-in account, acting on itself only.
 * - `member`: members of the organization named in the input (404 to anyone else).
 * - `permission`: members whose role holds that permission.
 */
/** `signature`: no session or CSRF token; a provider's signature over the raw body (webhooks). */
/** `super-admin`: super admins only (src/features/admin): 404 to every other signed-in account. */
/** `impersonating`: a session a super admin opened as the user (stop impersonating): 404 in any other session. */
type Guard = 'public' | 'signature' | 'signed-in' | 'member' | 'super-admin' | 'impersonating' | { permission: string };

/** What an attack is aimed at: the victim's organization and what is in it. */
interface Target {
  victim: Person;
  /** The victim's organization (the victim owns it; `colleague` is a member of it). */
  organization: Organization;
  colleague: Person;
  taskId: string;
  invitation: { id: string; token: string; email: string };
  /** One of the victim's sessions (its id), for endpoints that take a session id. */
  victimSessionId: string;
}

export interface ActionEntry {
  guard: Guard;
  /**
   * A well-formed input aimed at the target (validation runs before the guards,
   * so it must pass). Omitted for public actions, and for the two taking a file
   * (a multipart Flight body is not built by hand here): uploads.spec.ts attacks
   * those through the browser's own forms.
   */
  input?: (target: Target) => Record<string, unknown>;
  /**
   * `refused`: a super admin impersonating the user may not call it — password, email, two-factor, sessions,
   * deletions, billing (the `notImpersonating` guard; tests/integration/admin/impersonation.test.ts walks them).
   */
  whileImpersonating?: 'refused';
}

/** Keyed `<file>#<export>` as the build's server-reference manifest names them. */
export const ACTIONS: Record<string, ActionEntry> = {
  // Signing in and out, links from emails: for anyone, CSRF-checked and rate limited.
  'src/features/auth/server/sign-up-actions.ts#signUp': { guard: 'public' },
  'src/features/auth/server/sign-in-actions.ts#signIn': { guard: 'public' },
  'src/features/auth/server/sign-in-actions.ts#signOut': { guard: 'public' },
  'src/features/auth/server/password-reset-actions.ts#requestPasswordReset': { guard: 'public' },
  'src/features/auth/server/password-reset-actions.ts#resetPassword': { guard: 'public' },
  'src/features/auth/server/magic-link-actions.ts#requestMagicLink': { guard: 'public' },
  'src/features/auth/server/sign-up-actions.ts#confirmEmail': { guard: 'public' },
  'src/features/auth/server/magic-link-actions.ts#verifyMagicLink': { guard: 'public' },
  'src/features/auth/server/sign-up-actions.ts#resendVerificationEmail': { guard: 'public' },
  'src/features/auth/server/sign-in-actions.ts#verifyTwoFactorCode': { guard: 'public' },
  'src/features/auth/server/sign-in-actions.ts#verifyRecoveryCode': { guard: 'public' },
  'src/features/auth/server/oauth-actions.ts#signInWithProvider': { guard: 'public' },
  'src/features/contact/server/actions.ts#sendContactRequest': { guard: 'public' },
  'src/platform/i18n/locale-actions.ts#changeLocale': { guard: 'public' },
  // The local gateway's portal, as a provider's: its unguessable, hour-long session id is the credential
  // (an unknown or expired one is a 404, tests/integration/billing/local-gateway.test.ts).
  'src/features/billing/server/local-portal-actions.ts#changeLocalPlan': { guard: 'public' },
  'src/features/billing/server/local-portal-actions.ts#changeLocalSeats': { guard: 'public' },
  'src/features/billing/server/local-portal-actions.ts#setLocalCancelAtPeriodEnd': { guard: 'public' },
  'src/features/billing/server/local-portal-actions.ts#setLocalCard': { guard: 'public' },
  'src/features/billing/server/local-portal-actions.ts#advanceLocalClock': { guard: 'public' },
  // The local gateway's hosted checkout, as a provider's: the unguessable checkout id is the credential.
  'src/features/billing/server/local-gateway/hosted-checkout-action.ts#payLocalCheckoutAction': { guard: 'public' },

  // The signed-in account, acting on itself.
  'src/features/auth/server/sign-up-actions.ts#completeOnboarding': {
    guard: 'signed-in',
    input: () => ({ name: 'Mallory' }),
  },
  'src/features/auth/server/profile-actions.ts#saveProfile': {
    guard: 'signed-in',
    input: () => ({ name: 'Mallory' }),
  },
  'src/features/auth/server/profile-actions.ts#uploadAvatar': { guard: 'signed-in' },
  'src/features/auth/server/profile-actions.ts#clearAvatar': { guard: 'signed-in', input: () => ({}) },
  'src/features/auth/server/email-change-actions.ts#requestEmailChange': {
    guard: 'signed-in',
    input: ({ victim }) => ({ email: `taken-${Date.now()}@example.com`, password: victim.password }),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/password-actions.ts#changePassword': {
    guard: 'signed-in',
    input: ({ victim }) => ({ currentPassword: victim.password, newPassword: 'another long passphrase here' }),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/password-actions.ts#sendPasswordSetupLink': {
    guard: 'signed-in',
    input: () => ({}),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/two-factor-actions.ts#startTwoFactorSetup': {
    guard: 'signed-in',
    input: ({ victim }) => ({ password: victim.password }),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/two-factor-actions.ts#confirmTwoFactorSetup': {
    guard: 'signed-in',
    input: () => ({ code: '123456' }),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/two-factor-actions.ts#disableTwoFactor': {
    guard: 'signed-in',
    input: ({ victim }) => ({ password: victim.password }),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/two-factor-actions.ts#regenerateRecoveryCodes': {
    guard: 'signed-in',
    input: ({ victim }) => ({ password: victim.password }),
    whileImpersonating: 'refused',
  },
  // Takes a session id: another account's session must stay untouched.
  'src/features/auth/server/session-actions.ts#signOutSession': {
    guard: 'signed-in',
    input: ({ victimSessionId }) => ({ sessionId: victimSessionId }),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/session-actions.ts#signOutOtherSessions': {
    guard: 'signed-in',
    input: () => ({}),
    whileImpersonating: 'refused',
  },
  'src/features/auth/server/profile-actions.ts#updatePreferences': {
    guard: 'signed-in',
    input: () => ({ locale: 'en', theme: 'dark' }),
  },
  'src/features/auth/server/account-deletion-actions.ts#deleteAccount': {
    guard: 'signed-in',
    input: ({ victim }) => ({ password: victim.password, confirmation: victim.email }),
    whileImpersonating: 'refused',
  },
  'src/features/organizations/server/actions.ts#createOrganizationAction': {
    guard: 'signed-in',
    input: () => ({ name: 'Mallory corp', slug: `mallory-${Date.now().toString(36)}` }),
  },
  // Takes an invitation: only its addressee may accept it (roles-and-invitations.spec.ts).
  'src/features/organizations/server/actions.ts#acceptInvitationAction': {
    guard: 'signed-in',
    input: ({ invitation }) => ({ token: invitation.token }),
  },
  // Signed out, from an emailed invitation (decision 0051): a made-up token, so no call can join anything.
  'src/features/organizations/server/actions.ts#joinWithNewAccountAction': {
    guard: 'public',
    input: () => ({ token: 'e.not-an-invitation', name: 'Mallory', password: 'correct horse battery staple' }),
  },
  'src/features/organizations/server/actions.ts#acceptInvitationByIdAction': {
    guard: 'signed-in',
    input: ({ invitation }) => ({ invitationId: invitation.id }),
  },

  // An organization's own: members only, each change further limited by role inside the service.
  'src/features/organizations/server/actions.ts#updateOrganizationAction': {
    guard: 'member',
    input: ({ organization }) => ({
      organizationId: organization.id,
      name: 'Pwned',
      slug: `pwned-${Date.now().toString(36)}`,
    }),
  },
  'src/features/organizations/server/actions.ts#deleteOrganizationAction': {
    guard: 'member',
    input: ({ organization, victim }) => ({
      organizationId: organization.id,
      confirmation: organization.name,
      password: victim.password,
    }),
    whileImpersonating: 'refused',
  },
  'src/features/organizations/server/actions.ts#inviteMembersAction': {
    guard: 'member',
    input: ({ organization }) => ({
      organizationId: organization.id,
      emails: `spy-${Date.now()}@example.com`,
      role: 'owner',
    }),
  },
  'src/features/organizations/server/actions.ts#resendInvitationAction': {
    guard: 'member',
    input: ({ organization, invitation }) => ({ organizationId: organization.id, invitationId: invitation.id }),
  },
  'src/features/organizations/server/actions.ts#createInvitationLinkAction': {
    guard: 'member',
    input: ({ organization, invitation }) => ({ organizationId: organization.id, invitationId: invitation.id }),
  },
  'src/features/organizations/server/actions.ts#revokeInvitationAction': {
    guard: 'member',
    input: ({ organization, invitation }) => ({ organizationId: organization.id, invitationId: invitation.id }),
  },
  'src/features/organizations/server/actions.ts#changeMemberRoleAction': {
    guard: 'member',
    input: ({ organization, colleague }) => ({
      organizationId: organization.id,
      memberId: organization.memberIds[colleague.id],
      role: 'owner',
    }),
  },
  'src/features/organizations/server/actions.ts#removeMemberAction': {
    guard: 'member',
    input: ({ organization, colleague }) => ({
      organizationId: organization.id,
      memberId: organization.memberIds[colleague.id],
    }),
  },
  'src/features/organizations/server/actions.ts#leaveOrganizationAction': {
    guard: 'member',
    input: ({ organization }) => ({ organizationId: organization.id }),
  },
  'src/features/organizations/server/actions.ts#transferOwnershipAction': {
    guard: 'member',
    input: ({ organization, colleague, victim }) => ({
      organizationId: organization.id,
      memberId: organization.memberIds[colleague.id],
      password: victim.password,
    }),
  },
  'src/features/organizations/server/logo-actions.ts#uploadOrganizationLogoAction': {
    guard: { permission: 'organization.update' },
  },
  'src/features/organizations/server/logo-actions.ts#removeOrganizationLogoAction': {
    guard: { permission: 'organization.update' },
    input: ({ organization }) => ({ organizationId: organization.id }),
  },
  // The organization's billing: owners and admins (billing.manage), never a plain member.
  'src/features/billing/server/billing-actions.ts#startCheckoutAction': {
    guard: { permission: 'billing.manage' },
    input: ({ organization }) => ({ organizationId: organization.id, planId: 'pro-monthly', seats: 1 }),
    whileImpersonating: 'refused',
  },
  'src/features/billing/server/billing-actions.ts#buyAddOnAction': {
    guard: { permission: 'billing.manage' },
    input: ({ organization }) => ({ organizationId: organization.id, planId: 'onboarding-once' }),
    whileImpersonating: 'refused',
  },
  'src/features/billing/server/billing-actions.ts#changePlanAction': {
    guard: { permission: 'billing.manage' },
    input: ({ organization }) => ({ organizationId: organization.id, planId: 'pro-yearly' }),
    whileImpersonating: 'refused',
  },
  'src/features/billing/server/billing-actions.ts#cancelSubscriptionAction': {
    guard: { permission: 'billing.manage' },
    input: ({ organization }) => ({ organizationId: organization.id }),
    whileImpersonating: 'refused',
  },
  'src/features/billing/server/billing-actions.ts#resumeSubscriptionAction': {
    guard: { permission: 'billing.manage' },
    input: ({ organization }) => ({ organizationId: organization.id }),
    whileImpersonating: 'refused',
  },
  'src/features/billing/server/billing-actions.ts#openBillingPortalAction': {
    guard: { permission: 'billing.manage' },
    input: ({ organization }) => ({ organizationId: organization.id }),
    whileImpersonating: 'refused',
  },
  'src/features/tasks/server/actions.ts#createTaskAction': {
    guard: 'member',
    input: ({ organization }) => ({ organizationId: organization.id, title: 'Planted task' }),
  },
  'src/features/tasks/server/actions.ts#updateTaskAction': {
    guard: 'member',
    input: ({ organization, taskId }) => ({ organizationId: organization.id, taskId, title: 'Defaced' }),
  },
  'src/features/tasks/server/actions.ts#setTasksStatusAction': {
    guard: 'member',
    input: ({ organization, taskId }) => ({ organizationId: organization.id, taskIds: [taskId], status: 'done' }),
  },
  'src/features/tasks/server/actions.ts#deleteTasksAction': {
    guard: 'member',
    input: ({ organization, taskId }) => ({ organizationId: organization.id, taskIds: [taskId] }),
  },

  // The super-admin area: a super admin with two-factor on; 404 to anyone else (docs/admin/super-admin.md).
  'src/features/admin/server/user-actions.ts#banUserAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id, reason: 'Planted ban' }),
  },
  'src/features/admin/server/user-actions.ts#unbanUserAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id }),
  },
  'src/features/admin/server/user-actions.ts#signOutUserEverywhereAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id }),
  },
  'src/features/admin/server/user-actions.ts#resendUserConfirmationAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id }),
  },
  'src/features/admin/server/user-actions.ts#resetUserTwoFactorAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id }),
  },
  'src/features/admin/server/user-actions.ts#deleteUserAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id, confirmation: victim.email }),
  },
  'src/features/admin/server/organization-actions.ts#deleteOrganizationAction': {
    guard: 'super-admin',
    input: ({ organization }) => ({ organizationId: organization.id, confirmation: organization.slug }),
  },
  'src/features/admin/server/organization-actions.ts#transferOrganizationAction': {
    guard: 'super-admin',
    input: ({ organization, colleague }) => ({
      organizationId: organization.id,
      memberId: organization.memberIds[colleague.id],
    }),
  },
  'src/features/admin/server/organization-actions.ts#grantPlanAction': {
    guard: 'super-admin',
    input: ({ organization }) => ({
      organizationId: organization.id,
      productId: 'pro',
      until: new Date().toISOString().slice(0, 10),
      reason: 'Planted plan grant',
    }),
  },
  // Billing operations (docs/admin/overview-and-billing.md): redeliver a ledger event, queue the reconciliation.
  'src/features/admin/server/billing-actions.ts#redeliverWebhookEventAction': {
    guard: 'super-admin',
    input: () => ({ eventId: '00000000-0000-4000-8000-000000000000' }),
  },
  'src/features/admin/server/billing-actions.ts#startReconciliationAction': {
    guard: 'super-admin',
    input: () => ({}),
  },
  'src/features/admin/server/impersonation-actions.ts#startImpersonationAction': {
    guard: 'super-admin',
    input: ({ victim }) => ({ userId: victim.id }),
  },
  // Called from an impersonated session (the banner's "Stop"): 404 in any other.
  'src/features/admin/server/impersonation-actions.ts#stopImpersonationAction': {
    guard: 'impersonating',
    input: () => ({}),
  },
};

export interface RouteEntry {
  guard: Guard;
  /** The URL to attack, aimed at the target (dynamic segments filled in). */
  url: (target: Target) => string;
  why?: string;
  /** `signature` routes: the same route for providers not in use in this build, which must answer 404. */
  notInUse?: string[];
}

/** Keyed `<METHOD> <route folder under src/app>`. */
export const ROUTES: Record<string, RouteEntry> = {
  'GET /api/auth/[...all]': {
    guard: 'public',
    url: () => '/api/auth/verify-email?token=forged',
    why: 'email links and OAuth callbacks: each verifies a single-use token or state; every other better-auth path is 404',
  },
  'GET /api/avatars/[file]': {
    guard: 'public',
    url: () => '/api/avatars/none.webp',
    why: 'content-addressed image files, re-encoded on upload',
  },
  'GET /api/organization-logos/[file]': {
    guard: 'public',
    url: () => '/api/organization-logos/none.webp',
    why: 'content-addressed image files',
  },
  'POST /api/client-errors': {
    guard: 'public',
    url: () => '/api/client-errors',
    why: 'browser error reports; CSRF-checked, rate limited',
  },
  'POST /api/billing/webhooks/[provider]': {
    guard: 'signature',
    url: () => '/api/billing/webhooks/local',
    why: "payment providers' events: no session or CSRF; each is verified by its signature over the raw body",
    // The build under test takes payments with the local gateway (BILLING_PROVIDER unset, the local gateway
    // switched on by scripts/e2e.ts): the other providers' routes, and names that are none, do not exist.
    notInUse: ['/api/billing/webhooks/stripe', '/api/billing/webhooks/lemon-squeezy', '/api/billing/webhooks/paddle'],
  },
  'GET /api/csrf': { guard: 'public', url: () => '/api/csrf', why: "the visitor's own CSRF token" },
  'GET /api/health': { guard: 'public', url: () => '/api/health', why: 'readiness, no data' },
  'GET /[locale]/docs/search-index': {
    guard: 'public',
    url: () => '/docs/search-index',
    why: "the docs site's search index: the public guides, a file written by the build",
  },
  'GET /[locale]/docs/og-image/[[...slug]]': {
    guard: 'public',
    url: () => '/docs/og-image/getting-started',
    why: "a docs page's social image, drawn by the build",
  },
  'GET /[locale]/blog/feed.xml': {
    guard: 'public',
    url: () => '/blog/feed.xml',
    why: "the blog's Atom feed: published posts only, written by the build",
  },
  'GET /api/organizations/[organization]/tasks': {
    guard: 'member',
    url: ({ organization }) => `/api/organizations/${organization.slug}/tasks`,
  },
};
