import 'server-only';
import { cookies } from 'next/headers';
import { getServerConfig } from '@/platform/config/server-config';
import { CSRF_COOKIE_MAX_AGE_SECONDS } from './csrf';
import { createCsrfToken, newCsrfSessionId } from './csrf-signing';
import { csrfCookie } from './pipeline';
import type { CookieReader } from './request-context';

/**
 * A fresh CSRF token for the current visitor, for server components to hand to
 * the client (the root layout does, through `CsrfTokenProvider`). Returns null
 * when the visitor has no CSRF cookie yet (a request proxy.ts did not see).
 */
export async function getCsrfToken(): Promise<string | null> {
  const sessionId = (await cookies()).get(csrfCookie())?.value;
  return sessionId ? createCsrfToken(getServerConfig().appSecret, sessionId) : null;
}

/** GET /api/csrf: a token for this visitor, setting their CSRF cookie first if they have none. */
export function issueCsrfToken(cookieJar: CookieReader): Response {
  const existing = cookieJar.get(csrfCookie());
  const sessionId = existing ?? newCsrfSessionId();
  const response = Response.json({ token: createCsrfToken(getServerConfig().appSecret, sessionId) });
  if (!existing) {
    const secure = getServerConfig().isProduction ? '; Secure' : '';
    response.headers.append(
      'set-cookie',
      `${csrfCookie()}=${sessionId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${CSRF_COOKIE_MAX_AGE_SECONDS}${secure}`,
    );
  }
  return response;
}
