import 'server-only';
import { createHash } from 'node:crypto';
import { getServerConfig } from '@/platform/config/server-config';
import type { RateLimitOption } from '@/platform/http/pipeline';
import { SESSION_COOKIE, cookieName } from '@/platform/http/session-cookie';

export interface PerSessionLimits {
  /** Requests per window from one client IP (several people may share it). */
  perIp: number;
  /** Requests per window from one signed-in session. */
  perSession: number;
  windowSeconds: number;
  /** Where the windows are counted (RateLimitRule's `store`): 'memory' only for reads (decision 0044). */
  store?: 'database' | 'memory';
}

/**
 * Limits for signed-in endpoints, per client IP and per session (hashed: the
 * rate-limit table never holds a session token). Rate limits run before the
 * guards, so the session is counted by its cookie, not by its user.
 *
 *   limitsPerSession('tasks-write', { perIp: 600, perSession: 120, windowSeconds: 60 })
 */
export function limitsPerSession(
  name: string,
  { perIp, perSession, windowSeconds, store }: PerSessionLimits,
): RateLimitOption<unknown>[] {
  return [
    { name: `${name}-ip`, limit: perIp, windowSeconds, store },
    {
      name: `${name}-session`,
      limit: perSession,
      windowSeconds,
      store,
      by: (context) => {
        const token = context.cookies.get(cookieName(SESSION_COOKIE, getServerConfig().isProduction)) ?? 'none';
        return `session:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
      },
    },
  ];
}
