import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import { clientIp } from '@/platform/http/request-context';
import { getAuth } from './auth';
import { authHeaders } from './auth-headers';

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
    const headers = authHeaders({ headers: request.headers, ip: clientIp(request.headers, getServerConfig().trustedProxies) });
    return getAuth().handler(new Request(request.url, { method: 'GET', headers }));
  };
}
