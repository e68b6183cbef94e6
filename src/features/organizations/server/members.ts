import 'server-only';
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { AuditAction } from '@/features/audit';
import { recordAuditEvent, type AuditDetails } from '@/features/audit/server';
import { users } from '@/features/auth/server/schema';
import type { Transaction } from '@/platform/db/client';
import { isUuid } from '@/platform/db/uuid';
import type { TenantScope } from '@/platform/db/tenant';
import { membershipChanged } from '@/platform/hooks/organization-lifecycle';
import { AppError, fieldRefusal } from '@/platform/http/errors';
import { OWNER_ROLE, isRole, rankOf, roleNames } from '../roles';
import { inOrganization, mayActOn, type Membership } from './access';
import { lockOrganization } from './organizations';
import { invitations, members } from './schema';

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  image: string | null;
  role: string;
  joinedAt: Date;
}

export interface MemberPage {
  members: MemberRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const MEMBERS_PAGE_SIZE = 20;

/** Escapes % and _ so a search for "50%" means the characters, not a pattern. */
function likePattern(search: string) {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The organization's members, highest role first then by name, optionally
 * filtered by name or email, one page at a time. Any member may list them.
 */
export async function listMembers(
  scope: TenantScope,
  options: { search?: string; page?: number; pageSize?: number } = {},
): Promise<MemberPage> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? MEMBERS_PAGE_SIZE), 1), 100);
  const search = options.search?.trim().slice(0, 100);
  return inOrganization(scope, {}, async (tx) => {
    // No `where` on organization: row-level security keeps the list to this one.
    const filter = search
      ? or(ilike(users.name, likePattern(search)), ilike(users.email, likePattern(search)))
      : undefined;
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(filter);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), pageCount);
    const rows = await tx
      .select({
        id: members.id,
        userId: members.userId,
        name: users.name,
        email: users.email,
        image: users.image,
        role: members.role,
        joinedAt: members.createdAt,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(filter)
      .orderBy(
        sql`array_position(ARRAY[${sql.join(
          roleNames().map((name) => sql`${name}`),
          sql`, `,
        )}]::text[], ${members.role})`,
        asc(sql`lower(${users.name})`),
        asc(users.email),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { members: rows, total, page, pageSize, pageCount };
  });
}

/**
 * Withdraws the open invitations a member sent — all of them when they leave
 * or are removed, or those for roles above `above` when they are demoted — so
 * nobody joins on the word of someone who no longer could invite them.
 */
async function revokeInvitationsSentBy(tx: Transaction, userId: string, options: { above?: string } = {}) {
  const rolesAbove = options.above ? roleNames().filter((name) => rankOf(name) < rankOf(options.above!)) : null;
  if (rolesAbove && rolesAbove.length === 0) return;
  await tx
    .update(invitations)
    .set({ status: 'revoked', updatedAt: sql`now()` })
    .where(
      and(
        eq(invitations.inviterId, userId),
        eq(invitations.status, 'pending'),
        rolesAbove ? inArray(invitations.role, rolesAbove) : undefined,
      ),
    );
}

async function findMember(tx: Transaction, memberId: string): Promise<Membership> {
  const [target] = await tx.select().from(members).where(eq(members.id, memberId));
  if (!target) throw new AppError('NOT_FOUND', { messageKey: 'organizations.memberNotFound' });
  return target;
}

/** An audit event about a member (the target is the user), done by `actor` in their organization. */
function memberEvent(action: AuditAction, actor: Membership, target: Membership, details: AuditDetails) {
  return {
    action,
    actorUserId: actor.userId,
    target: { type: 'user' as const, id: target.userId },
    organizationId: actor.organizationId,
    details,
  };
}

async function ownerCount(tx: Transaction, organizationId: string) {
  const [row] = await tx
    .select({ owners: count() })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.role, OWNER_ROLE)));
  return row?.owners ?? 0;
}

/**
 * Gives a member another role. Nobody changes their own role; a member acts
 * only on members ranked at or below them and grants only such roles (so an
 * admin can neither touch an owner nor make one).
 */
export async function changeMemberRole(scope: TenantScope, memberId: string, role: string): Promise<Membership> {
  if (!isRole(role)) throw fieldRefusal('VALIDATION_FAILED', 'role', 'validation.invalidOption');
  return inOrganization(scope, { permission: 'members.changeRole', lock: true }, async (tx, actor) => {
    const target = await findMember(tx, memberId);
    if (target.userId === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'organizations.ownRole' });
    if (!mayActOn(actor.role, target.role)) throw new AppError('FORBIDDEN', { messageKey: 'organizations.outranked' });
    if (rankOf(role) < rankOf(actor.role)) throw fieldRefusal('FORBIDDEN', 'role', 'organizations.grantHigherRole');
    if (target.role === OWNER_ROLE && role !== OWNER_ROLE && (await ownerCount(tx, scope.organizationId)) <= 1) {
      throw new AppError('CONFLICT', { messageKey: 'organizations.lastOwner' });
    }
    const [updated] = await tx.update(members).set({ role }).where(eq(members.id, target.id)).returning();
    await recordAuditEvent(tx, memberEvent('member.roleChanged', actor, target, { from: target.role, to: role }));
    // What they may no longer offer, their open invitations no longer offer either.
    await revokeInvitationsSentBy(tx, target.userId, { above: role });
    return updated!;
  });
}

/** Removes another member (to remove yourself, leave). Same rank rule as role changes. */
export async function removeMember(scope: TenantScope, memberId: string): Promise<void> {
  await inOrganization(scope, { permission: 'members.remove', lock: true }, async (tx, actor) => {
    const target = await findMember(tx, memberId);
    if (target.userId === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'organizations.removeSelf' });
    if (!mayActOn(actor.role, target.role)) throw new AppError('FORBIDDEN', { messageKey: 'organizations.outranked' });
    if (target.role === OWNER_ROLE && (await ownerCount(tx, scope.organizationId)) <= 1) {
      throw new AppError('CONFLICT', { messageKey: 'organizations.lastOwner' });
    }
    await tx.delete(members).where(eq(members.id, target.id));
    await recordAuditEvent(tx, memberEvent('member.removed', actor, target, { role: target.role }));
    await revokeInvitationsSentBy(tx, target.userId);
  });
  await membershipChanged(scope.organizationId);
}

/** The acting user leaves the organization; the last owner cannot (transfer ownership or delete it first). */
export async function leaveOrganization(scope: TenantScope): Promise<void> {
  await inOrganization(scope, { lock: true }, async (tx, actor) => {
    if (actor.role === OWNER_ROLE && (await ownerCount(tx, scope.organizationId)) <= 1) {
      throw new AppError('CONFLICT', { messageKey: 'organizations.lastOwnerLeave' });
    }
    // Recorded first: once the row is gone the user no longer acts in the organization.
    await recordAuditEvent(tx, memberEvent('member.left', actor, actor, { role: actor.role }));
    await tx.delete(members).where(eq(members.id, actor.id));
    await revokeInvitationsSentBy(tx, actor.userId);
  });
  await membershipChanged(scope.organizationId);
}

/**
 * Makes another member the owner and the acting owner an admin (the role
 * below owner), in one transaction. The caller re-authenticates the user first.
 * Two transfers at once: the second finds its actor is no longer an owner.
 */
export async function transferOwnership(scope: TenantScope, memberId: string): Promise<void> {
  await inOrganization(scope, { permission: 'organization.transferOwnership', lock: true }, async (tx, actor) => {
    const target = await findMember(tx, memberId);
    // Only an owner hands ownership on, whatever permissions a builder gives other roles.
    if (actor.role !== OWNER_ROLE) throw new AppError('FORBIDDEN', { messageKey: 'organizations.forbidden' });
    if (target.userId === actor.userId) throw new AppError('FORBIDDEN', { messageKey: 'organizations.transferSelf' });
    await handOverOwnership(tx, target, [actor]);
    await recordAuditEvent(tx, memberEvent('organization.ownershipTransferred', actor, target, {}));
  });
}

/**
 * The same change made by an operator who is not a member (a super admin, src/features/admin), in the caller's
 * transaction on the app's own connection: the member becomes the owner and every other owner the role below, so
 * the organization has one owner — the member. The organization's row is locked first, as for an owner's transfer.
 * Returns the member and how many owners were stepped down; the caller writes the audit row in the transaction.
 */
export async function transferOwnershipAsOperator(
  tx: Transaction,
  organizationId: string,
  memberId: string,
): Promise<{ target: Membership; formerOwners: number }> {
  await lockOrganization(tx, organizationId);
  const [target] = isUuid(memberId)
    ? await tx
        .select()
        .from(members)
        .where(and(eq(members.id, memberId), eq(members.organizationId, organizationId)))
    : [];
  if (!target) throw fieldRefusal('NOT_FOUND', 'memberId', 'organizations.memberNotFound');
  const owners = await tx
    .select()
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.role, OWNER_ROLE)));
  const others = owners.filter((owner) => owner.id !== target.id);
  if (target.role === OWNER_ROLE && others.length === 0)
    throw fieldRefusal('CONFLICT', 'memberId', 'admin.organizations.alreadyOwner');
  await handOverOwnership(tx, target, others);
  return { target, formerOwners: others.length };
}

/** `target` becomes the owner, then each of `from` the role below owner. */
async function handOverOwnership(tx: Transaction, target: Membership, from: Membership[]) {
  const formerOwnerRole = roleNames()[1] ?? OWNER_ROLE;
  // Promote first: the organization is never without an owner, even between the two statements.
  await tx.update(members).set({ role: OWNER_ROLE }).where(eq(members.id, target.id));
  if (from.length > 0)
    await tx
      .update(members)
      .set({ role: formerOwnerRole })
      .where(
        inArray(
          members.id,
          from.map((member) => member.id),
        ),
      );
}
