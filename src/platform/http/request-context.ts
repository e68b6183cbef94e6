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
const NO_COOKIE_WRITER: CookieWriter = {
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

/**
 * The part of a client address that per-address rate limits count: an IPv4
 * address whole (also when written IPv4-mapped, `::ffff:203.0.113.7`), an
 * IPv6 address by its /64 network (`2001:db8:0:1::/64`), since one subscriber
 * is usually given a whole /64 and could otherwise use a new address per
 * request. Anything unparseable is counted as written. `context.ip` itself
 * stays the full address (logs, sessions).
 */
export function rateLimitAddress(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail allowed), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const bytes = dotted.slice(1).map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    text = `${text.slice(0, dotted.index)}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
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
