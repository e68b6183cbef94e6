import 'server-only';
import { recordAuditEvent } from '@/features/audit/server';
import {
  closeImpersonatedSession,
  openImpersonatedSession,
  type CookieToSet,
  type CurrentSession,
} from '@/features/auth/server';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import type { CookieReader } from '@/platform/http/request-context';
import { isSuperAdmin } from './super-admins';
import { findUser, isBanned } from './users';

/**
 * Impersonation (docs/admin/impersonation.md, decision 0064): a super admin opens a session as a user, for an
 * hour, and goes back to their own. The session itself and the cookies are the auth feature's
 * (impersonated-sessions.ts); here, who may be impersonated and the audit rows, each in the change's transaction.
 */

/**
 * Opens a session as `userId` for the super admin `admin` (signed in with two-factor, recently: the action's guard)
 * and records `admin.impersonationStarted`. Refuses oneself, another super admin and a banned user. Returns the
 * cookies that switch the browser over.
 */
export async function startImpersonating(
  admin: CurrentSession,
  userId: string,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ cookies: CookieToSet[] }> {
  if (userId === admin.user.id) throw new AppError('BAD_REQUEST', { messageKey: 'admin.impersonation.self' });
  const target = await findUser(userId);
  if (!target) throw new AppError('NOT_FOUND');
  if (await isSuperAdmin(target)) throw new AppError('CONFLICT', { messageKey: 'admin.impersonation.superAdmin' });
  if (isBanned(target)) throw new AppError('CONFLICT', { messageKey: 'admin.impersonation.banned' });
  return db.transaction(async (tx) => {
    const opened = await openImpersonatedSession(tx, {
      userId: target.id,
      impersonator: { userId: admin.user.id, sessionId: admin.session.id },
      ipAddress: request.ip,
      userAgent: request.userAgent,
    });
    await recordAuditEvent(tx, {
      action: 'admin.impersonationStarted',
      actorUserId: admin.user.id,
      target: { type: 'user', id: target.id },
    });
    return { cookies: opened.cookies };
  });
}

/**
 * Ends the impersonated session `current` and records `admin.impersonationStopped` (the admin as actor). Returns
 * the cookies that give the browser the admin's own session back, when it is still valid (`restored`).
 */
export async function stopImpersonating(
  current: CurrentSession,
  cookies: CookieReader,
): Promise<{ userId: string; restored: boolean; cookies: CookieToSet[] }> {
  const adminId = current.session.impersonatedBy;
  if (!adminId) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const closed = await closeImpersonatedSession(tx, {
      sessionId: current.session.id,
      impersonatorUserId: adminId,
      cookies,
    });
    await recordAuditEvent(tx, {
      action: 'admin.impersonationStopped',
      actorUserId: adminId,
      // The admin acts as themselves here: not "by the admin as the user".
      impersonatorUserId: null,
      target: { type: 'user', id: current.user.id },
    });
    return { userId: current.user.id, ...closed };
  });
}
