import { randomBytes } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { getServerConfig } from '@/platform/config/server-config';
import { executeAction, type ActionDefinition } from '@/platform/http/action';
import { csrfCookieName } from '@/platform/http/csrf';
import { createCsrfToken } from '@/platform/http/csrf-signing';
import type { ActionResult } from '@/platform/http/errors';
import { db } from '@/platform/db/client';
import { devMailboxMessages } from '@/platform/email/schema';
import type { CookieOptions } from '@/platform/http/request-context';

export const ORIGIN = 'http://localhost:3000';

/** What an action did: its result, or the page it redirected to. */
export type Outcome<R> = { redirect: string } | ActionResult<R>;

type AnyDefinition = ActionDefinition<never, never, unknown>;

/** The attributes of the last Set-Cookie a visitor received for a cookie (HttpOnly, SameSite…). */
export type ReceivedCookie = CookieOptions & { value: string };

/**
 * Each visitor comes from its own address (documentation ranges, RFC 5737), so
 * per-IP rate limits of one visitor never count another's requests.
 */
const TEST_NETWORKS = ['192.0.2', '198.51.100', '203.0.113'];
let visitorsSoFar = Math.floor(Math.random() * 254);
function nextIp() {
  const n = visitorsSoFar++ % (TEST_NETWORKS.length * 254);
  return `${TEST_NETWORKS[Math.floor(n / 254)]}.${(n % 254) + 1}`;
}

/**
 * A browser for integration tests: it keeps cookies (CSRF visitor id, session,
 * language) and runs server actions the way Next.js would for a form post —
 * through the same CSRF, validation, rate-limit and guard pipeline.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  /** Every cookie the app set for this visitor, with its attributes (kept when a later response clears it). */
  readonly received = new Map<string, ReceivedCookie>();
  ip: string;

  constructor(options: { ip?: string; locale?: string } = {}) {
    this.ip = options.ip ?? nextIp();
    this.cookies.set(this.csrfCookie(), randomBytes(16).toString('hex'));
    if (options.locale) this.cookies.set('NEXT_LOCALE', options.locale);
  }

  headers(extra: Record<string, string> = {}): Headers {
    return new Headers({
      host: 'localhost:3000',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Keel-Test',
      'x-forwarded-for': this.ip,
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      ...extra,
    });
  }

  /** The CSRF cookie's name: "__Host-" prefixed in production, as the app names it. */
  private csrfCookie() {
    return csrfCookieName(getServerConfig().isProduction);
  }

  csrfToken() {
    return createCsrfToken(process.env.APP_SECRET!, this.cookies.get(this.csrfCookie())!);
  }

  /** Runs an action (exported from a 'use server' file) with `input`, as a same-site form post. */
  async run<R>(action: { definition: unknown }, input: Record<string, unknown> | FormData): Promise<Outcome<R>> {
    const definition = action.definition as AnyDefinition;
    const withToken = input instanceof FormData ? input : { ...input, csrf_token: this.csrfToken() };
    if (input instanceof FormData) input.set('csrf_token', this.csrfToken());
    try {
      return (await executeAction(definition, withToken, {
        headers: this.headers(),
        cookies: { get: (name) => this.cookies.get(name) },
        responseCookies: {
          set: (name, value, options) => {
            this.received.set(name, { ...options, value });
            const expired =
              options.maxAge === 0 || (options.expires && options.expires.getTime() <= Date.now()) || value === '';
            if (expired) this.cookies.delete(name);
            else this.cookies.set(name, value);
          },
        },
      })) as ActionResult<R>;
    } catch (error) {
      if (isRedirectError(error)) return { redirect: error.digest.split(';')[2]! };
      throw error;
    }
  }

  /** Follows a link (an email's) through a GET route handler, keeping the cookies it sets. */
  async follow(url: string, handler: (request: Request) => Promise<Response>): Promise<Response> {
    const response = await handler(new Request(new URL(url, ORIGIN), { headers: this.headers() }));
    this.keepCookies(response.headers);
    return response;
  }

  /** Keeps the cookies of a response's Set-Cookie headers (deleting expired ones). */
  keepCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      this.received.set(name, { ...cookieAttributes(attributes), value });
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, decodeURIComponent(value));
    }
  }
}

/** The attributes of one Set-Cookie line, in the shape actions give to cookies().set(). */
function cookieAttributes(attributes: string[]): CookieOptions {
  const options: CookieOptions = {};
  for (const attribute of attributes) {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'path') options.path = value;
    else if (name === 'domain') options.domain = value;
    else if (name === 'max-age') options.maxAge = Number(value);
    else if (name === 'expires') options.expires = new Date(value);
    else if (name === 'httponly') options.httpOnly = true;
    else if (name === 'secure') options.secure = true;
    else if (name === 'samesite') options.sameSite = value.toLowerCase() as CookieOptions['sameSite'];
  }
  return options;
}

/** The latest email sent to `to` (dev mailbox), with the first link into the app. */
export async function lastEmailTo(to: string) {
  const [message] = await db
    .select()
    .from(devMailboxMessages)
    .where(sql`${devMailboxMessages.to} @> ${JSON.stringify([to])}::jsonb`)
    .orderBy(desc(devMailboxMessages.createdAt))
    .limit(1);
  if (!message) return null;
  const link = message.text.match(/https?:\/\/[^\s)\]]+/)?.[0] ?? null;
  return { ...message, link };
}

export async function emailsTo(to: string) {
  return db
    .select()
    .from(devMailboxMessages)
    .where(sql`${devMailboxMessages.to} @> ${JSON.stringify([to])}::jsonb`)
    .orderBy(desc(devMailboxMessages.createdAt));
}

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.com`;
}
