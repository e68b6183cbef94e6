import 'server-only';
import { createHash } from 'node:crypto';
import { getServerConfig } from '@/platform/config/server-config';
import type { RateLimitOption } from '@/platform/http/pipeline';
import { SESSION_COOKIE, cookieName } from '../constants';

/**
 * Limits for signed-in actions: per client IP and per session (hashed: the
 * rate-limit table never holds a session token). Rate limits run before the
 * guards, so the session is counted by its cookie, not by its user.
 */
export function limitsPerSession(name: string, perIp: number, perSession: number, windowSeconds: number): RateLimitOption<unknown>[] {
  return [
    { name: `${name}-ip`, limit: perIp, windowSeconds },
    {
      name: `${name}-session`,
      limit: perSession,
      windowSeconds,
      by: (context) => {
        const token = context.cookies.get(cookieName(SESSION_COOKIE, getServerConfig().isProduction)) ?? 'none';
        return `session:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
      },
    },
  ];
}
