/**
 * One-off messages a redirect carries to the next page (?notice=…): after an
 * organization was deleted or left, after invitations were sent. Only these
 * values are shown; anything else in the URL is ignored.
 */
export const ORGANIZATION_NOTICES = {
  'organization-deleted': 'organizationDeleted',
  'organization-left': 'organizationLeft',
  'invitations-sent': 'invitationsSent',
  // After signing up from an invitation: "You joined Acme."
  joined: 'joined',
} as const;

export type OrganizationNotice = keyof typeof ORGANIZATION_NOTICES;

export function organizationNotice(value: unknown): OrganizationNotice | null {
  return typeof value === 'string' && Object.hasOwn(ORGANIZATION_NOTICES, value) ? (value as OrganizationNotice) : null;
}

/** `path` with the notice added to its query (or unchanged without one). */
export function withNotice(path: string, notice: OrganizationNotice | null): string {
  if (!notice) return path;
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}`;
}
