import 'server-only';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '@/features/auth/server/schema';
import { db } from '@/platform/db/client';
import { defineDataLoader, type LoadedPage } from '@/platform/db/data-loader';
import { withTenant, withUserTenant, type TenantScope } from '@/platform/db/tenant';
import { auditQuery, type AuditQuery } from '../audit-query';
import { SECURITY_AUDIT_ACTIONS, type AuditAction } from '../events';
import type { AuditDetails } from './record';
import { auditEvents } from './schema';

/** An audit event as the lists show it. */
export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  action: AuditAction;
  actorUserId: string | null;
  /** The actor's name, when the viewer may still see it (a current member, or the viewer). */
  actorName: string | null;
  /** The target user's name, the same way. */
  targetName: string | null;
  impersonatorUserId: string | null;
  /** The impersonating super admin's name (the admin area; null where the viewer may not see it). */
  impersonatorName: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  details: AuditDetails;
}

export interface AuditActorOption {
  id: string;
  name: string | null;
}

const actors = alias(users, 'actor');
const targets = alias(users, 'target');
const impersonators = alias(users, 'impersonator');

const auditPages = defineDataLoader<AuditEventRow, 'occurredAt', typeof auditQuery.spec.filters>(auditQuery, {
  table: auditEvents,
  fields: {
    id: auditEvents.id,
    occurredAt: auditEvents.occurredAt,
    action: auditEvents.action,
    actorUserId: auditEvents.actorUserId,
    actorName: actors.name,
    targetName: targets.name,
    impersonatorUserId: auditEvents.impersonatorUserId,
    impersonatorName: impersonators.name,
    targetType: auditEvents.targetType,
    targetId: auditEvents.targetId,
    ip: auditEvents.ip,
    requestId: auditEvents.requestId,
    details: auditEvents.details,
  },
  joins: [
    { table: actors, on: eq(actors.id, auditEvents.actorUserId) },
    { table: targets, on: and(eq(auditEvents.targetType, 'user'), eq(targets.id, auditEvents.targetId))! },
    { table: impersonators, on: eq(impersonators.id, auditEvents.impersonatorUserId) },
  ],
  sorts: { occurredAt: auditEvents.occurredAt },
  tiebreaker: auditEvents.id,
  filters: { action: auditEvents.action, actor: auditEvents.actorUserId },
});

/**
 * A page of an organization's audit log, read as `scope.userId` under row-level security: its owners and admins
 * get its rows, anyone else none (drizzle/0017_audit_events.sql) — the page checks `audit.read` first and answers
 * 404 (docs/audit/audit-log.md#reading-it).
 */
export async function listOrganizationAuditEvents(
  scope: TenantScope,
  query: AuditQuery,
): Promise<LoadedPage<AuditEventRow>> {
  return withTenant(scope, (tx) =>
    auditPages.load(tx, query, { where: eq(auditEvents.organizationId, scope.organizationId) }),
  );
}

/**
 * A page of the user's own security events (in no organization, `auth.*` only), under row-level security: what
 * a super admin did to the account (a ban, its reason) stays in the operators' log.
 */
export async function listOwnSecurityEvents(userId: string, query: AuditQuery): Promise<LoadedPage<AuditEventRow>> {
  return withUserTenant(userId, (tx) =>
    auditPages.load(tx, query, {
      where: and(isNull(auditEvents.organizationId), inArray(auditEvents.action, [...SECURITY_AUDIT_ACTIONS])),
    }),
  );
}

/**
 * A page of the whole log, for super admins (the admin area checks who asks): every organization's and every
 * user's events, read on the app's own connection. `targetUserId` keeps the events done by or to one user;
 * `organizationId` those of one organization.
 */
export async function listAllAuditEvents(
  query: AuditQuery,
  options: { targetUserId?: string; organizationId?: string } = {},
): Promise<LoadedPage<AuditEventRow>> {
  const where = and(
    options.targetUserId
      ? or(
          eq(auditEvents.actorUserId, options.targetUserId),
          and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, options.targetUserId)),
        )
      : undefined,
    options.organizationId ? eq(auditEvents.organizationId, options.organizationId) : undefined,
  );
  return auditPages.load(db, query, { where });
}

/** Who appears as an actor in an organization's audit log (for the "who" filter), newest first. */
export async function organizationAuditActors(scope: TenantScope): Promise<AuditActorOption[]> {
  return withTenant(scope, async (tx) => {
    const rows = await tx
      .select({ id: auditEvents.actorUserId, name: actors.name, last: sql<Date>`max(${auditEvents.occurredAt})` })
      .from(auditEvents)
      .leftJoin(actors, eq(actors.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.organizationId, scope.organizationId), sql`${auditEvents.actorUserId} is not null`))
      .groupBy(auditEvents.actorUserId, actors.name)
      .orderBy(sql`max(${auditEvents.occurredAt}) desc`)
      .limit(200);
    return rows.map((row) => ({ id: row.id!, name: row.name }));
  });
}
