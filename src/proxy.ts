import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { appConfig } from '@/platform/config/app-config';
import {
  CSRF_COOKIE_MAX_AGE_SECONDS,
  CSRF_EXEMPT_PATH_PREFIXES,
  csrfCookieName,
  isSameOriginRequest,
  isStateChangingMethod,
} from '@/platform/http/csrf';
import { newCsrfSessionId } from '@/platform/http/csrf-signing';
import { CSRF_DOCS_PATH, type ErrorEnvelope } from '@/platform/http/errors';
import { allowedOrigins, PATH_HEADER, requestIdFrom, REQUEST_ID_HEADER } from '@/platform/http/request-context';
import { SESSION_COOKIE, SIGNED_IN_AREAS, cookieName, oauthAuthorizationOrigins } from '@/features/auth';
import { contentSecurityPolicy } from '@/platform/http/security-headers';
import { LOCALE_COOKIE, resolveLocale } from '@/platform/i18n/locale';
import { translatorFor } from '@/platform/i18n/translator';

/**
 * Runs before every page and API request:
 * - gives the request an id (logged everywhere, returned in `X-Request-Id`);
 * - sets a per-request CSP nonce (pages are rendered per request);
 * - makes sure the visitor has the CSRF session cookie their tokens bind to;
 * - refuses state-changing requests from other sites early;
 * - marks every answer it lets through as personal (`Cache-Control: private,
 *   no-store`): pages embed the visitor's CSRF token and often their data, in
 *   HTML and in the Flight (RSC) payloads, prefetches and server-action
 *   answers Next.js sends for the same URLs, which carry no Cache-Control of
 *   their own. Only build assets and the public images skip this file.
 *
 * It is a first line only: every server action and route handler verifies the
 * CSRF token, the user and their permissions itself.
 */
/** Never stored by a shared cache (CDN, proxy), nor kept by the browser for another visit. */
const PERSONAL = 'private, no-store';

export function proxy(request: NextRequest) {
  const production = process.env.NODE_ENV === 'production';
  const development = process.env.NODE_ENV === 'development';
  const requestId = requestIdFrom(request.headers);
  const path = request.nextUrl.pathname;

  if (
    isStateChangingMethod(request.method) &&
    !CSRF_EXEMPT_PATH_PREFIXES.some((prefix) => path.startsWith(prefix)) &&
    !isSameOriginRequest(request.headers, allowedOrigins(request.headers))
  ) {
    const locale = resolveLocale({
      cookie: request.cookies.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get('accept-language'),
      defaultLocale: appConfig.locales.default,
    });
    const body: ErrorEnvelope = {
      error: {
        code: 'CSRF_TOKEN_INVALID',
        status: 403,
        message: translatorFor(locale, 'errors')('CSRF_TOKEN_INVALID'),
        requestId,
        docs: CSRF_DOCS_PATH,
      },
    };
    return NextResponse.json(body, {
      status: 403,
      headers: { [REQUEST_ID_HEADER]: requestId, 'cache-control': PERSONAL },
    });
  }

  // A convenience only: pages and actions check the session themselves (requireUser, signedIn).
  if (
    SIGNED_IN_AREAS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) &&
    !hasSessionCookie(request)
  ) {
    const signIn = new URL(appConfig.paths.signIn, request.url);
    signIn.searchParams.set('next', `${path}${request.nextUrl.search}`);
    const redirect = NextResponse.redirect(signIn);
    redirect.headers.set('cache-control', PERSONAL);
    return redirect;
  }

  const nonce = randomBytes(16).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    development,
    httpsOnly: appConfig.site.url.startsWith('https://'),
    formActionOrigins: oauthAuthorizationOrigins(appConfig.auth.oauthProviders, process.env.OIDC_ISSUER_URL),
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  // Lets pages send a signed-out visitor to sign in and back here (requireUser).
  requestHeaders.set(PATH_HEADER, `${path}${request.nextUrl.search}`);

  const cookieName = csrfCookieName(production);
  const existing = request.cookies.get(cookieName)?.value;
  const sessionId = existing || newCsrfSessionId();
  if (!existing) {
    // Let this very request render with the cookie (its page needs a token).
    const cookieHeader = request.headers.get('cookie');
    requestHeaders.set('cookie', `${cookieHeader ? `${cookieHeader}; ` : ''}${cookieName}=${sessionId}`);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set('cache-control', PERSONAL);
  if (!existing) {
    response.cookies.set(cookieName, sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: production,
      path: '/',
      maxAge: CSRF_COOKIE_MAX_AGE_SECONDS,
    });
  }
  return response;
}

function hasSessionCookie(request: NextRequest) {
  return (
    request.cookies.has(cookieName(SESSION_COOKIE, false)) || request.cookies.has(cookieName(SESSION_COOKIE, true))
  );
}

export const config = {
  matcher: [
    // Everything but build assets and files served as they are.
    // Avatars and organization logos are public, long-cached files: no cookie may ride on them.
    '/((?!_next/static/|_next/image|api/avatars/|api/organization-logos/|favicon\\.ico$|icon$|apple-icon$|opengraph-image$|manifest\\.webmanifest$|robots\\.txt$|sitemap\\.xml$).*)',
  ],
};
