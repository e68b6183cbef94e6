import { randomUUID } from 'node:crypto';
import { appConfig, type Locale } from '@/platform/config/app-config';
import { LOCALE_COOKIE, resolveLocale } from '@/platform/i18n/locale';
import { logger, type Logger } from '@/platform/logger';

export const REQUEST_ID_HEADER = 'x-request-id';
/** The path and query of the page being rendered, set by proxy.ts (to come back after signing in). */
export const PATH_HEADER = 'x-keel-path';

export interface CookieReader {
  get(name: string): string | undefined;
}

export interface CookieOptions {
  path?: string;
  domain?: string;
  maxAge?: number;
  expires?: Date;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
}

/** Sets cookies on the response (next/headers' cookies() in a request; a jar in tests). */
export interface CookieWriter {
  set(name: string, value: string, options: CookieOptions): void | Promise<void>;
}

/** A writer for requests that cannot set cookies. */
export const NO_COOKIE_WRITER: CookieWriter = {
  set() {
    throw new Error('Cookies cannot be set while handling this request.');
  },
};

/** What every action and route handler knows about the request it serves. */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  /** The client's IP address when it can be known (see TRUST_PROXY), else null. */
  ip: string | null;
  headers: Headers;
  cookies: CookieReader;
  /** Where cookies set while handling the request go (a session after sign-in, the language…). */
  responseCookies: CookieWriter;
  logger: Logger;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id proxy.ts gave this request (or a new one): logged with every line and returned to the client. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/**
 * The client's address. Each trusted proxy (TRUST_PROXY=1, 2…) appends the
 * address it received the request from to X-Forwarded-For, so the client is
 * the entry that many places from the end; anything further left was written
 * by the client and is ignored. With no trusted proxy it is the one entry our
 * HTTP server (scripts/serve.ts) writes from the socket, replacing whatever
 * the client sent (src/platform/server/forwarding.ts). A platform that serves
 * the app without our server, such as Vercel, writes the header itself.
 * (`next start` alone would pass a client's own header through: decision 0020.)
 */
export function clientIp(headers: Headers, trustedProxies: number): string | null {
  const forwarded = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!forwarded?.length) return headers.get('x-real-ip');
  return forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))] ?? null;
}

export function parseCookieHeader(header: string | null): CookieReader {
  const jar = new Map<string, string>();
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    if (!jar.has(name)) {
      try {
        jar.set(name, decodeURIComponent(part.slice(index + 1).trim()));
      } catch {
        jar.set(name, part.slice(index + 1).trim());
      }
    }
  }
  return { get: (name) => jar.get(name) };
}

export function createRequestContext(
  headers: Headers,
  cookies: CookieReader,
  trustedProxies: number,
  responseCookies: CookieWriter = NO_COOKIE_WRITER,
): RequestContext {
  const requestId = requestIdFrom(headers);
  return {
    requestId,
    locale: resolveLocale({
      cookie: cookies.get(LOCALE_COOKIE),
      acceptLanguage: headers.get('accept-language'),
      defaultLocale: appConfig.locales.default,
    }),
    ip: clientIp(headers, trustedProxies),
    headers,
    cookies,
    responseCookies,
    logger: logger.child({ requestId }),
  };
}

/**
 * Origins a state-changing request may come from: the configured site URL and
 * the origin the browser addressed (its Host header), so the app also works
 * when reached by another name, e.g. 127.0.0.1 instead of localhost.
 */
export function allowedOrigins(headers: Headers): string[] {
  const origins = [appConfig.site.url];
  const host = headers.get('host');
  if (host) {
    const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
    origins.push(`${proto}://${host}`);
  }
  return origins;
}
