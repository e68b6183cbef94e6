'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { OrganizationPermission } from '@/platform/config/app-config-schema';

/** An organization as the browser knows it. */
export interface ClientOrganization {
  id: string;
  name: string;
  slug: string;
  /** URL of the logo, or null (initials are shown). */
  logoUrl: string | null;
}

/** What the organization layout hands to the pages below it. */
export interface OrganizationContextValue {
  organization: ClientOrganization;
  /** The viewer's role in it. */
  role: string;
  /** What that role may do (appConfig.organizations.roles). */
  permissions: readonly string[];
  /** The roles the viewer may give (invite with, change to); empty when they may do neither. */
  grantableRoles: readonly string[];
}

const OrganizationContext = createContext<OrganizationContextValue | null>(null);

/**
 * Makes the organization in the URL, and the viewer's membership, available
 * to client components below it. The layout of /dashboard/[organization]
 * renders it with what requireOrganization() loaded on the server. It is a
 * convenience for showing and hiding: every action checks again.
 */
export function OrganizationProvider({ value, children }: { value: OrganizationContextValue; children: ReactNode }) {
  return <OrganizationContext.Provider value={value}>{children}</OrganizationContext.Provider>;
}

function useOrganizationContext(hook: string): OrganizationContextValue {
  const value = useContext(OrganizationContext);
  if (!value)
    throw new Error(`${hook} needs <OrganizationProvider> above it (the /dashboard/[organization] layout renders it).`);
  return value;
}

/** The organization being viewed, in a client component under /dashboard/[organization]. */
export function useOrganization(): ClientOrganization {
  return useOrganizationContext('useOrganization()').organization;
}

export interface ClientMembership {
  role: string;
  permissions: readonly string[];
  grantableRoles: readonly string[];
  /** Whether the viewer's role allows `permission` (to hide what the server would refuse). */
  can(permission: OrganizationPermission): boolean;
}

/** The viewer's role in the organization being viewed, and what it allows. */
export function useMembership(): ClientMembership {
  const { role, permissions, grantableRoles } = useOrganizationContext('useMembership()');
  return useMemo(
    () => ({
      role,
      permissions,
      grantableRoles,
      can: (permission: OrganizationPermission) => permissions.includes(permission),
    }),
    [role, permissions, grantableRoles],
  );
}
