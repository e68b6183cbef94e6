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
import {
  SESSION_COOKIE,
  SIGNED_IN_AREAS,
  SIGNED_IN_HINT_COOKIE,
  cookieName,
  oauthAuthorizationOrigins,
} from '@/features/auth';
import { contentSecurityPolicy, scriptHashSource } from '@/platform/http/security-headers';
import { prerenderedPageHashes } from '@/platform/http/static-pages';
import { LOCALE_COOKIE, resolveLocale } from '@/platform/i18n/locale';
import { publicRoute } from '@/platform/i18n/public-paths';
import { translatorFor } from '@/platform/i18n/translator';
import { themeBootScript } from '@/platform/theme/theme';

/**
 * Runs before every page and API request:
 * - gives the request an id (logged everywhere, returned in `X-Request-Id`);
 * - refuses state-changing requests from other sites early;
 * - routes the public site's URLs: `/pricing` is served by `/[locale]` in the
 *   default language, `/es/pricing` as it is, `/en/pricing` redirects to
 *   `/pricing` (src/platform/i18n/public-paths.ts);
 * - a prerendered public page (listed in the build's static-pages manifest)
 *   gets a CSP naming the hashes of its inline scripts, and may be cached by
 *   anyone: it is the same file for every visitor (decision 0049);
 * - every other page gets a per-request CSP nonce (it is rendered per request),
 *   the CSRF session cookie its tokens bind to, and is marked personal
 *   (`Cache-Control: private, no-store`): such pages embed the visitor's CSRF
 *   token and often their data, in HTML and in the Flight (RSC) payloads,
 *   prefetches and server-action answers Next.js sends for the same URLs,
 *   which carry no Cache-Control of their own. Only build assets and the
 *   public images skip this file.
 *
 * It is a first line only: every server action and route handler verifies the
 * CSRF token, the user and their permissions itself.
 */
/** Never stored by a shared cache (CDN, proxy), nor kept by the browser for another visit. */
const PERSONAL = 'private, no-store';
/**
 * A prerendered public page: the same bytes for everyone. Browsers revalidate on each visit (the ETag
 * makes that a 304); a shared cache may keep it five minutes, so a deploy reaches everyone within that.
 */
const PUBLIC_PAGE = 'public, max-age=0, s-maxage=300';

/** The public root layout's theme boot script carries no nonce (it is prerendered): allowed by its hash. */
const THEME_BOOT_SCRIPT_HASH = scriptHashSource(themeBootScript(appConfig.theme.default));

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

  const route = publicRoute(path, appConfig.locales.default);
  if (route?.action === 'redirect') {
    const to = new URL(`${route.to}${request.nextUrl.search}`, request.url);
    const redirect = NextResponse.redirect(to, 308);
    redirect.headers.set(REQUEST_ID_HEADER, requestId);
    redirect.headers.set('cache-control', PERSONAL);
    return redirect;
  }
  /** Where Next.js finds the page: `/pricing` is `/en/pricing` inside. */
  const rewriteTo = route?.action === 'rewrite' ? new URL(`${route.page}${request.nextUrl.search}`, request.url) : null;
  const formActionOrigins = oauthAuthorizationOrigins(appConfig.auth.oauthProviders, process.env.OIDC_ISSUER_URL);
  const httpsOnly = appConfig.site.url.startsWith('https://');

  const hashes = route && (request.method === 'GET' || request.method === 'HEAD') && prerenderedPageHashes(route.page);
  if (hashes) {
    const csp = contentSecurityPolicy({ hashes }, { development, httpsOnly, formActionOrigins });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(REQUEST_ID_HEADER, requestId);
    const response = rewriteTo
      ? NextResponse.rewrite(rewriteTo, { request: { headers: requestHeaders } })
      : NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('content-security-policy', csp);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    response.headers.set('cache-control', PUBLIC_PAGE);
    return response;
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
  const csp = contentSecurityPolicy(
    { nonce, hashes: [THEME_BOOT_SCRIPT_HASH] },
    { development, httpsOnly, formActionOrigins },
  );

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

  const response = rewriteTo
    ? NextResponse.rewrite(rewriteTo, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set('cache-control', PERSONAL);
  // Lets prerendered pages offer "Dashboard" to a signed-in visitor (only on page loads: an action's answer,
  // signing out, would otherwise set it again).
  const signedIn = hasSessionCookie(request);
  if (request.method === 'GET' && signedIn !== request.cookies.has(SIGNED_IN_HINT_COOKIE)) {
    if (signedIn) {
      response.cookies.set(SIGNED_IN_HINT_COOKIE, '1', { sameSite: 'lax', secure: production, path: '/' });
    } else response.cookies.delete(SIGNED_IN_HINT_COOKIE);
  }
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
