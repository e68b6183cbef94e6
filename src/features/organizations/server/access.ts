import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireUser, signedIn, type CurrentSession, type SignedInUser } from '@/features/auth/server';
import type { OrganizationPermission } from '@/platform/config/app-config';
import { db, type Transaction } from '@/platform/db/client';
import { withTenant, type TenantScope } from '@/platform/db/tenant';
import { isUuid } from '@/platform/db/uuid';
import { AppError } from '@/platform/http/errors';
import type { Guard } from '@/platform/http/guards';
import { logger } from '@/platform/logger';
import { atLeast, hasPermission, permissionsOf, rankOf } from '../roles';
import { members, organizationSelections, organizations } from './schema';

export interface Organization {
  id: string;
  name: string;
  slug: string;
  /** URL of the logo, or null. */
  logoUrl: string | null;
  createdAt: Date;
}

export interface Membership {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Date;
}

/** A user's place in an organization: the organization, their membership and what their role allows. */
export interface OrganizationAccess {
  organization: Organization;
  membership: Membership;
  permissions: OrganizationPermission[];
}

/** What a membership requirement asks for: a role at least this high, and/or a permission. */
export interface MembershipRequirement {
  minimumRole?: string;
  permission?: OrganizationPermission;
}

/** Where organization logos are served from (see src/app/api/organization-logos). */
const LOGO_ROUTE = '/api/organization-logos';

export function logoUrl(key: string | null): string | null {
  return key ? `${LOGO_ROUTE}/${key.split('/').pop()}` : null;
}

const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  logo: organizations.logo,
  createdAt: organizations.createdAt,
};

function toOrganization(row: {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  createdAt: Date;
}): Organization {
  return { id: row.id, name: row.name, slug: row.slug, logoUrl: logoUrl(row.logo), createdAt: row.createdAt };
}

function toAccess(row: {
  organization: Parameters<typeof toOrganization>[0];
  membership: Membership;
}): OrganizationAccess {
  return {
    organization: toOrganization(row.organization),
    membership: row.membership,
    permissions: permissionsOf(row.membership.role),
  };
}

/**
 * The user's access to an organization given by slug (any case) or id; null
 * when it does not exist or the user is not a member — callers answer both
 * the same way (404), so nobody learns which organizations exist.
 */
export async function findAccess(
  userId: string,
  organization: { slug: string } | { id: string },
): Promise<OrganizationAccess | null> {
  const match =
    'slug' in organization
      ? sql`lower(${organizations.slug}) = lower(${organization.slug})`
      : eq(organizations.id, organization.id);
  // Not a uuid names no organization (404, not a database error).
  if ('id' in organization && !isUuid(organization.id)) return null;
  const [row] = await db
    .select({ organization: organizationColumns, membership: members })
    .from(organizations)
    .innerJoin(members, and(eq(members.organizationId, organizations.id), eq(members.userId, userId)))
    .where(match)
    .limit(1);
  return row ? toAccess(row) : null;
}

/**
 * Every membership of the user with its organization, and the organization they last worked in (their
 * organization_selections row), in one statement, read once per request (React `cache`): the app's layout
 * lists them and requireOrganization finds the page's organization among them, so a page reads
 * organizations and memberships once (docs/performance.md).
 */
const membershipsOfUser = cache(async (userId: string) => {
  const rows = await db
    .select({
      organization: organizationColumns,
      membership: members,
      rememberedId: organizationSelections.organizationId,
    })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .leftJoin(organizationSelections, eq(organizationSelections.userId, members.userId))
    .where(eq(members.userId, userId))
    .orderBy(asc(sql`lower(${organizations.name})`));
  return rows.map((row) => ({ ...toAccess(row), rememberedId: row.rememberedId }));
});

/** The organizations a user belongs to, with their role in each, by name. */
export async function listOrganizationsOfUser(userId: string): Promise<(Organization & { role: string })[]> {
  return (await membershipsOfUser(userId)).map((access) => ({ ...access.organization, role: access.membership.role }));
}

/** Records the organization a user is working in, so /dashboard brings them back to it. */
export async function rememberOrganization(userId: string, organizationId: string): Promise<void> {
  await db
    .insert(organizationSelections)
    .values({ userId, organizationId })
    .onConflictDoUpdate({
      target: organizationSelections.userId,
      set: { organizationId, selectedAt: sql`now()` },
      setWhere: sql`${organizationSelections.organizationId} <> ${organizationId}`,
    });
}

/**
 * The organization /dashboard opens for a user: the one they used last if
 * they still belong to it, else their first by name; null when they have none.
 */
export async function rememberedOrganization(userId: string): Promise<Organization | null> {
  // From the request's one read of memberships (the app's layout asks too): no statement of its own.
  const memberships = await membershipsOfUser(userId);
  const remembered = memberships.find((access) => access.organization.id === access.rememberedId);
  return (remembered ?? memberships[0])?.organization ?? null;
}

function assertMeets(membership: Membership, requirement: MembershipRequirement) {
  if (requirement.minimumRole && !atLeast(membership.role, requirement.minimumRole)) {
    throw new AppError('FORBIDDEN', { messageKey: 'organizations.forbidden' });
  }
  if (requirement.permission && !hasPermission(membership.role, requirement.permission)) {
    throw new AppError('FORBIDDEN', { messageKey: 'organizations.forbidden' });
  }
}

/** Whether Next.js' router is prefetching the route (for a link it might follow) rather than showing it. */
async function isPrefetch() {
  const requestHeaders = await headers();
  return requestHeaders.has('next-router-prefetch') || requestHeaders.has('next-router-segment-prefetch');
}

/**
 * For pages under /dashboard/[organization]: the signed-in user (signed-out
 * visitors are sent to sign in) and their access to the organization in the
 * URL. Not a member, or no such organization: the 404 page. A requirement
 * that is not met: 404 as well (the page does not exist for this role).
 * Read once per request.
 *
 * It also records the organization as the one the user works in (/dashboard
 * opens it next time), before the page is sent — only when it is not that one
 * already (read with the memberships), and never for the router's
 * prefetches, which render layouts for links the user may never follow.
 */
export const requireOrganization = cache(
  async (
    slug: string,
    requirement: MembershipRequirement = {},
  ): Promise<OrganizationAccess & { user: SignedInUser }> => {
    const user = await requireUser();
    let decoded: string;
    try {
      decoded = decodeURIComponent(slug);
    } catch {
      notFound(); // a malformed escape names no organization
    }
    // Slugs are lower-case ASCII; the address may be written in any case.
    const wanted = decoded.toLowerCase();
    const found = (await membershipsOfUser(user.id)).find(
      (access) => access.organization.slug.toLowerCase() === wanted,
    );
    if (!found) notFound();
    const { rememberedId, ...access } = found;
    try {
      assertMeets(access.membership, requirement);
    } catch {
      notFound();
    }
    if (rememberedId !== access.organization.id && !(await isPrefetch())) {
      // A failure costs the memory, never the page.
      await rememberOrganization(user.id, access.organization.id).catch((error: unknown) =>
        logger.warn(
          { err: error, organizationId: access.organization.id },
          'could not remember the organization last opened',
        ),
      );
    }
    return { ...access, user };
  },
);

/**
 * The organization a request names: `organizationId` in an action's input, or a route's `organizationId` /
 * `organization` (slug) param.
 */
function namedOrganization(context: {
  input?: unknown;
  params: Record<string, string | string[]>;
}): { id: string } | { slug: string } | null {
  const input = context.input as { organizationId?: unknown } | undefined;
  if (typeof input?.organizationId === 'string') return { id: input.organizationId };
  if (typeof context.params.organizationId === 'string') return { id: context.params.organizationId };
  if (typeof context.params.organization === 'string') return { slug: context.params.organization };
  return null;
}

/**
 * Guard for defineAction / defineRoute: the signed-in user must be a member
 * of the organization the request names — the action input's
 * `organizationId`, or the route's `[organizationId]` or `[organization]`
 * (slug) segment — and meet the requirement. 401 signed out, 404 not a
 * member (whether or not the organization exists), 403 role too low. Adds
 * `user`, `session`, `membership` and `organization` to the handler's context.
 *
 *   guards: [organizationMember({ permission: 'members.invite' })]
 */
export function organizationMember(
  requirement: MembershipRequirement = {},
): Guard<unknown, CurrentSession & { membership: Membership; organization: Organization }> {
  return async (context) => {
    const current = await signedIn(context);
    const named = namedOrganization(context);
    const access = named ? await findAccess(current.user.id, named) : null;
    if (!access) throw new AppError('NOT_FOUND');
    assertMeets(access.membership, requirement);
    return { ...current, membership: access.membership, organization: access.organization };
  };
}

/**
 * Runs organization work as `scope.userId` inside the tenant transaction
 * (row-level security on), after checking — inside that transaction — that
 * the user is a member and meets the requirement. With `lock`, the
 * organization row is locked first, so changes to its members happen one at
 * a time and each sees the result of the one before (two owners demoting
 * each other at once: the second finds they are no longer an owner).
 */
export async function inOrganization<T>(
  scope: TenantScope,
  options: MembershipRequirement & { lock?: boolean },
  work: (tx: Transaction, actor: Membership) => Promise<T>,
): Promise<T> {
  if (!isUuid(scope.organizationId)) throw new AppError('NOT_FOUND');
  return withTenant(scope, async (tx) => {
    if (options.lock) {
      const locked = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, scope.organizationId))
        .for('update');
      if (locked.length === 0) throw new AppError('NOT_FOUND');
    }
    const [actor] = await tx
      .select()
      .from(members)
      .where(and(eq(members.organizationId, scope.organizationId), eq(members.userId, scope.userId)));
    if (!actor) throw new AppError('NOT_FOUND');
    assertMeets(actor, options);
    return work(tx, actor);
  });
}

/** Whether `actor` may act on a member with role `targetRole` (same rank or lower). */
export function mayActOn(actorRole: string, targetRole: string): boolean {
  return rankOf(targetRole) >= rankOf(actorRole);
}
