import 'server-only';
import type { Transaction } from '@/platform/db/client';
import { currentRequest, type RequestFacts } from '@/platform/http/request-scope';
import type { AuditAction, AuditTargetType } from '../events';
import { auditEvents } from './schema';

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  action: AuditAction;
  /** Who did it: null when no signed-in user did (a failed sign-in, a provider's webhook). */
  actorUserId: string | null;
  /**
   * The super admin acting as `actorUserId`, while impersonating: by default the one behind the request's session
   * (noted when the session is read); null says none.
   */
  impersonatorUserId?: string | null;
  target?: { type: AuditTargetType; id: string } | null;
  /** The organization it happened in; leave out for a user's own security events. */
  organizationId?: string | null;
  /** A few facts for the sentence shown (the new role, the plan). Never secrets, tokens or passwords. */
  details?: AuditDetails;
  /** The request's id and client address: by default those of the action or route being served. */
  request?: RequestFacts | null;
}

/** Keys a detail must never carry: refused, so a slip shows up in the first test rather than in the log. */
const SECRET_KEY = /password|secret|token|code|otp|cookie|key/i;

/**
 * Records an audit event **in the transaction of the change it records** (pass that transaction): the change
 * and its row commit together or not at all. Inside a tenant transaction (inOrganization) the row must belong
 * to that organization, or be the acting user's own event (row-level security checks it).
 *
 *   await inOrganization(scope, { permission: 'members.changeRole' }, async (tx, actor) => {
 *     await tx.update(members).set({ role }).where(…);
 *     await recordAuditEvent(tx, { action: 'member.roleChanged', actorUserId: actor.userId, … });
 *   });
 */
export async function recordAuditEvent(tx: Transaction, event: AuditEvent): Promise<void> {
  const details = event.details ?? {};
  const secret = Object.keys(details).find((key) => SECRET_KEY.test(key));
  if (secret) throw new Error(`recordAuditEvent: "${secret}" looks like a secret; audit details must not hold one`);
  const request = event.request === undefined ? currentRequest() : event.request;
  await tx.insert(auditEvents).values({
    action: event.action,
    actorUserId: event.actorUserId,
    impersonatorUserId:
      event.impersonatorUserId === undefined ? (request?.impersonatorUserId ?? null) : event.impersonatorUserId,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    organizationId: event.organizationId ?? null,
    ip: request?.ip ?? null,
    requestId: request?.requestId ?? null,
    details,
  });
}
