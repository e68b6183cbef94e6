/** The organization's audit log (owners and admins). */
export function organizationAuditPath(slug: string): string {
  return `/dashboard/${encodeURIComponent(slug)}/settings/audit`;
}

/** The signed-in user's own security events. */
export const securityActivityPath = '/settings/activity';
