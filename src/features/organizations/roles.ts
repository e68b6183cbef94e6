import { appConfig, type OrganizationPermission } from '@/platform/config/app-config';

/**
 * The role rules, read from appConfig.organizations.roles (highest first).
 * The server decides with these; pages pass their answers to the browser.
 */

/** Fixed: the database keeps at least one member with this role in every organization. */
export const OWNER_ROLE = 'owner';

const roles = appConfig.organizations.roles;
if (roles[0]?.name !== OWNER_ROLE)
  throw new Error(`appConfig.organizations.roles must start with the "${OWNER_ROLE}" role`);

export function roleNames(): string[] {
  return roles.map((role) => role.name);
}

export function isRole(name: string): boolean {
  return roles.some((role) => role.name === name);
}

/** 0 for the owner role, higher for lower roles; Infinity for an unknown name. */
export function rankOf(role: string): number {
  const index = roles.findIndex((candidate) => candidate.name === role);
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

export function hasPermission(role: string, permission: OrganizationPermission): boolean {
  return roles.find((candidate) => candidate.name === role)?.permissions.includes(permission) ?? false;
}

export function permissionsOf(role: string): OrganizationPermission[] {
  return [...(roles.find((candidate) => candidate.name === role)?.permissions ?? [])];
}

/** Whether `role` ranks at least as high as `minimum`. */
export function atLeast(role: string, minimum: string): boolean {
  return rankOf(role) <= rankOf(minimum);
}

/**
 * The roles a member with `role` may give: their own rank or lower. Whether they may give any is a permission
 * (members.invite, members.changeRole).
 */
export function grantableRoles(role: string): string[] {
  return roles.filter((candidate) => rankOf(candidate.name) >= rankOf(role)).map((candidate) => candidate.name);
}
