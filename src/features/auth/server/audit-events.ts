import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { eq, sql } from 'drizzle-orm';
import type { AuditAction } from '@/features/audit';
import { recordAuditEvent, type AuditDetails } from '@/features/audit/server';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { clientIp, requestIdFrom } from '@/platform/http/request-context';
import { currentRequest, type RequestFacts } from '@/platform/http/request-scope';
import { logger } from '@/platform/logger';
import { CLIENT_IP_HEADER } from './auth-headers';
import { users } from './schema';

/**
 * A user's own security events (docs/audit/audit-log.md). better-auth makes these changes itself — a session, a
 * password, the two-factor flag — in its own statements, on a connection we do not hold: the row is written
 * right after, once better-auth has returned, in a transaction of its own. So it is not atomic with the change
 * (decision 0056): a crash between the two loses the row, and a row that cannot be written is logged as an error
 * with the request id while the change stands. Changes Keel makes itself (signing out everywhere) write their
 * row in their own transaction.
 */
export async function recordSecurityEvent(
  action: AuditAction,
  userId: string | null,
  options: { target?: string | null; details?: AuditDetails; request?: RequestFacts | null } = {},
): Promise<void> {
  const target = options.target === undefined ? userId : options.target;
  try {
    await db.transaction((tx) =>
      recordAuditEvent(tx, {
        action,
        actorUserId: userId,
        target: target ? { type: 'user', id: target } : null,
        details: options.details,
        request: options.request ?? currentRequest(),
      }),
    );
  } catch (error) {
    logger.error(
      { err: error, action, userId, requestId: (options.request ?? currentRequest())?.requestId },
      'audit event not recorded',
    );
  }
}

/** The request's id and client address as better-auth's endpoints see them (set by authHeaders / proxy.ts). */
export function requestFactsOf(headers: Headers | undefined): RequestFacts | null {
  if (!headers) return null;
  return {
    requestId: requestIdFrom(headers),
    ip: headers.get(CLIENT_IP_HEADER) ?? clientIp(headers, getServerConfig().trustedProxies),
  };
}

/** How a session began, from better-auth's endpoint path. */
function signInMethod(path: string): string {
  if (path.startsWith('/sign-in/email')) return 'password';
  if (path.startsWith('/sign-up')) return 'sign-up';
  if (path.startsWith('/two-factor/')) return path.includes('backup') ? 'recovery-code' : 'two-factor';
  if (path.startsWith('/magic-link')) return 'magic-link';
  if (path.includes('callback')) return 'oauth';
  return 'other';
}

/**
 * Records a sign-in whenever better-auth starts a session for a request that had none — after a password, a
 * code, a magic link or an OAuth provider — and not at a pending second factor (no session yet) nor when a
 * signed-in user's session is replaced (a password change, turning two-factor on). Listed after the plugins that
 * hold a session back for the second factor.
 */
export function auditSignIns(): BetterAuthPlugin {
  return {
    id: 'keel-audit-sign-ins',
    hooks: {
      after: [
        {
          matcher: () => true,
          handler: createAuthMiddleware(async (ctx) => {
            const userId = (ctx.context.newSession as { user?: { id?: string } } | null)?.user?.id;
            if (!userId || ctx.context.session) return;
            const request = currentRequest() ?? requestFactsOf(ctx.headers ?? ctx.request?.headers);
            await recordSecurityEvent('auth.signedIn', userId, {
              details: { method: signInMethod(ctx.path) },
              request,
            });
          }),
        },
      ],
    },
  };
}

/**
 * A wrong password for `email`: recorded against the account that has that address, so its owner sees the attempt
 * among their security events. An address without an account records the attempt without a target (only the
 * admin area reads such rows); the address itself is not kept.
 */
export async function recordFailedSignIn(email: string): Promise<void> {
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  await recordSecurityEvent('auth.signInFailed', null, {
    target: account?.id ?? null,
    details: { method: 'password' },
  });
}
