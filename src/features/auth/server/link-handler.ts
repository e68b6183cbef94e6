import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import { clientIp } from '@/platform/http/request-context';
import { getAuth } from './auth';
import { recordSecurityEvent, requestFactsOf } from './audit-events';
import { authHeaders } from './auth-headers';
import { isEmailChangeToken } from './email-confirmation';
import { consumeEmailChangeLink, revokeAccountLinks } from './emailed-links';

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

function isAuthLinkEndpoint(pathname: string) {
  return LINK_ENDPOINTS.some((pattern) => pattern.test(pathname));
}

export function getAuthLinkHandler() {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || !isAuthLinkEndpoint(url.pathname)) {
      return Response.json(
        { error: { code: 'NOT_FOUND', status: 404 } },
        { status: 404, headers: { 'cache-control': 'no-store' } },
      );
    }
    let emailChangedBy: string | null = null;
    if (url.pathname === '/api/auth/verify-email') {
      // Sign-ups are confirmed on /auth/confirm-email with the password; this link only confirms email
      // changes, each once, and only while it is the latest one asked for (see emailed-links.ts).
      const token = url.searchParams.get('token') ?? '';
      const userId = (await isEmailChangeToken(token)) ? await consumeEmailChangeLink(token) : null;
      if (!userId) return Response.redirect(new URL('/auth/verified?error=INVALID_TOKEN', url), 302);
      emailChangedBy = userId;
      // The address moves: links sent to the old one (a reset, a magic link) end.
      await revokeAccountLinks(userId);
    }
    const headers = authHeaders({
      headers: request.headers,
      ip: clientIp(request.headers, getServerConfig().trustedProxies),
    });
    const response = await getAuth().handler(new Request(request.url, { method: 'GET', headers }));
    if (emailChangedBy && !response.headers.get('location')?.includes('error='))
      await recordSecurityEvent('auth.emailChanged', emailChangedBy, { request: requestFactsOf(headers) });
    return response;
  };
}
