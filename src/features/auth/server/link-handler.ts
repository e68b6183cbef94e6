import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import { clientIp } from '@/platform/http/request-context';
import { getAuth } from './auth';
import { authHeaders } from './auth-headers';
import { isEmailChangeToken } from './email-confirmation';

/**
 * The better-auth endpoints reachable over HTTP: each is a GET a browser
 * arrives at from outside — an email link or an OAuth provider's redirect —
 * and each verifies a single-use token or OAuth state before doing anything.
 */
const LINK_ENDPOINTS = [
  /^\/api\/auth\/verify-email$/,
  /^\/api\/auth\/callback\/[a-z0-9-]+$/,
  /^\/api\/auth\/oauth2\/callback\/[a-z0-9-]+$/,
];

export function isAuthLinkEndpoint(pathname: string) {
  return LINK_ENDPOINTS.some((pattern) => pattern.test(pathname));
}

export function getAuthLinkHandler() {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || !isAuthLinkEndpoint(url.pathname)) {
      return Response.json({ error: { code: 'NOT_FOUND', status: 404 } }, { status: 404, headers: { 'cache-control': 'no-store' } });
    }
    // Sign-ups are confirmed on /auth/confirm-email with the password; this link only confirms email changes.
    if (url.pathname === '/api/auth/verify-email' && !(await isEmailChangeToken(url.searchParams.get('token') ?? ''))) {
      return Response.redirect(new URL('/auth/verified?error=INVALID_TOKEN', url), 302);
    }
    const headers = authHeaders({ headers: request.headers, ip: clientIp(request.headers, getServerConfig().trustedProxies) });
    return getAuth().handler(new Request(request.url, { method: 'GET', headers }));
  };
}
