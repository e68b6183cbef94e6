/**
 * Every action the audit log records, in one place (docs/audit/audit-log.md). A new feature adds its
 * actions here, a readable sentence for each in messages/<locale>/audit.json (`audit.actions.<action>`),
 * and calls recordAuditEvent in the transaction of its change.
 */
export const AUDIT_ACTIONS = [
  // A user's own security events (organization: none): shown under /settings/activity.
  'auth.signedIn',
  'auth.signInFailed',
  'auth.signedOutEverywhere',
  'auth.twoFactorEnabled',
  'auth.twoFactorDisabled',
  'auth.passwordChanged',
  'auth.passwordReset',
  'auth.emailChanged',
  'auth.accountDeleted',
  // An organization's events: shown to its owners and admins at /dashboard/<slug>/settings/audit.
  'organization.created',
  'organization.deleted',
  'organization.ownershipTransferred',
  'member.roleChanged',
  'member.removed',
  'member.left',
  'invitation.sent',
  'invitation.accepted',
  'invitation.revoked',
  'billing.checkoutStarted',
  'billing.subscriptionStarted',
  'billing.subscriptionChanged',
  'billing.subscriptionCanceled',
  // The super-admin area's (src/features/admin): shown to super admins at /admin/audit. No actor: the command line.
  'admin.granted',
  'admin.revoked',
  'admin.userBanned',
  'admin.userUnbanned',
  'admin.userSignedOutEverywhere',
  'admin.confirmationResent',
  'admin.twoFactorReset',
  'admin.userDeleted',
  // …on an organization (organization set): also shown in that organization's own log (docs/admin/organizations.md).
  'admin.organizationDeleted',
  'admin.ownershipTransferred',
  'admin.planGranted',
  'admin.webhookRedelivered',
  'admin.reconciliationStarted',
  'admin.impersonationStarted',
  'admin.impersonationStopped',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A user's own security events (no organization), and an organization's events. */
export const SECURITY_AUDIT_ACTIONS = AUDIT_ACTIONS.filter((action) => action.startsWith('auth.'));
/** A super admin's actions on an organization that its owners and admins see in its log (the deletion: nobody left). */
const ADMIN_ACTIONS_SHOWN_TO_ORGANIZATIONS: readonly AuditAction[] = [
  'admin.ownershipTransferred',
  'admin.planGranted',
];
export const ORGANIZATION_AUDIT_ACTIONS = AUDIT_ACTIONS.filter(
  (action) =>
    !action.startsWith('auth.') &&
    (!action.startsWith('admin.') || ADMIN_ACTIONS_SHOWN_TO_ORGANIZATIONS.includes(action)),
);
export const ADMIN_AUDIT_ACTIONS = AUDIT_ACTIONS.filter((action) => action.startsWith('admin.'));

/** What an event is about. */
export const AUDIT_TARGET_TYPES = [
  'user',
  'email',
  'organization',
  'subscription',
  'checkout',
  'webhookEvent',
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
