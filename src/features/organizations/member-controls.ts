import { appConfig } from '@/platform/config/app-config';
import { OWNER_ROLE, grantableRoles, hasPermission, rankOf, roleNames } from './roles';

/**
 * Which controls the members page offers the viewer. The same rules as the
 * server's (roles.ts, members.ts, invitations.ts): a member acts only on
 * members ranked at or below them, grants only such roles, and never changes
 * or removes themselves. The server checks again; this only keeps controls
 * that would be refused off the page.
 */

interface Person {
  userId: string;
  role: string;
}

export interface MemberControls {
  /** The roles the viewer may give this member (their current one included), or null: no role control. */
  roles: string[] | null;
  /** Whether the viewer may remove this member. */
  remove: boolean;
}

function outranks(viewerRole: string, targetRole: string) {
  return rankOf(targetRole) >= rankOf(viewerRole);
}

export function memberControls(viewer: Person, target: Person): MemberControls {
  const other = viewer.userId !== target.userId && outranks(viewer.role, target.role);
  return {
    roles: other && hasPermission(viewer.role, 'members.changeRole') ? grantableRoles(viewer.role) : null,
    remove: other && hasPermission(viewer.role, 'members.remove'),
  };
}

/** Whether the viewer may resend, copy the link of, or revoke an invitation with this role. */
export function mayManageInvitation(viewerRole: string, invitationRole: string): boolean {
  return hasPermission(viewerRole, 'members.invite') && outranks(viewerRole, invitationRole);
}

/** The roles the viewer may invite with and the one preselected, or null when they may not invite. */
export function invitationRoles(viewerRole: string): { roles: string[]; defaultRole: string } | null {
  if (!hasPermission(viewerRole, 'members.invite')) return null;
  const roles = grantableRoles(viewerRole);
  const preferred = appConfig.organizations.defaultRole;
  return { roles, defaultRole: roles.includes(preferred) ? preferred : roles.at(-1)! };
}

/** The role an owner has after handing ownership to someone else: the one below owner (as transferOwnership does). */
export function formerOwnerRole(): string {
  return roleNames()[1] ?? OWNER_ROLE;
}
