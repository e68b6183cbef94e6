import 'server-only';
import { and, desc, eq, gt, like, ne } from 'drizzle-orm';
import { recordAuditEvent } from '@/features/audit/server';
import { db } from '@/platform/db/client';
import { sessions, verifications } from './schema';
import { describeUserAgent, type DeviceDescription } from './user-agent';

/** One signed-in device, as the sessions list shows it. */
export interface SessionSummary {
  id: string;
  /** The session of the request that asked. */
  current: boolean;
  device: DeviceDescription;
  ipAddress: string | null;
  createdAt: Date;
  /** When the session was last extended (better-auth moves its expiry forward about once a day of use). */
  lastActiveAt: Date;
  expiresAt: Date;
  /** Opened by a super admin impersonating the user (docs/admin/impersonation.md). */
  impersonated: boolean;
}

/** The user's sessions that still work, most recently active first, this device's on top. */
export async function listSessions(userId: string, currentSessionId?: string): Promise<SessionSummary[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.updatedAt));
  return rows
    .map((row) => ({
      id: row.id,
      current: row.id === currentSessionId,
      device: describeUserAgent(row.userAgent),
      ipAddress: row.ipAddress,
      createdAt: row.createdAt,
      lastActiveAt: row.updatedAt,
      expiresAt: row.expiresAt,
      impersonated: row.impersonatedBy !== null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Signs one of the user's sessions out, by id. Only the user's own: the
 * condition names both, so another user's session id does nothing. Returns
 * whether a session was removed. better-auth reads the session table on every
 * request, so the device is signed out on its next request.
 */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const removed = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return removed.length > 0;
}

/** Signs out every session of the user but `keepSessionId`; returns how many. */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
      .returning({ id: sessions.id });
    await recordAuditEvent(tx, {
      action: 'auth.signedOutEverywhere',
      actorUserId: userId,
      target: { type: 'user', id: userId },
      details: { sessions: removed.length },
    });
    return removed.length;
  });
}

/**
 * Forgets the devices the user chose to trust for 30 days (they skip the
 * authenticator code after the password): better-auth keeps each as a
 * "trust-device-…" row naming the user. After a password change or "sign out
 * of all other sessions", every device asks for the code again.
 */
export async function forgetTrustedDevices(userId: string) {
  await db
    .delete(verifications)
    .where(and(like(verifications.identifier, 'trust-device-%'), eq(verifications.value, userId)));
}
