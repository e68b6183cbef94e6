/** The super-admin area's pages (docs/admin/super-admin.md). */
export const adminPath = '/admin';
export const adminUsersPath = '/admin/users';
export const adminAuditPath = '/admin/audit';

export function adminUserPath(userId: string) {
  return `/admin/users/${encodeURIComponent(userId)}`;
}

export const adminOrganizationsPath = '/admin/organizations';

export function adminOrganizationPath(organizationId: string) {
  return `/admin/organizations/${encodeURIComponent(organizationId)}`;
}

/** Where an admin without two-factor authentication is sent to turn it on. */
export const twoFactorSetupPath = '/settings/security';

export const adminSubscriptionsPath = '/admin/billing/subscriptions';
export const adminWebhooksPath = '/admin/billing/webhooks';

/** The ledger showing only the events whose processing failed (the overview links to it). */
export const adminFailedWebhooksPath = `${adminWebhooksPath}?state=failed`;
