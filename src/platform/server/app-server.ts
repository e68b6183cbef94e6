import { randomUUID } from 'node:crypto';
import http, { IncomingMessage, type ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { appConfig } from '@/platform/config/app-config';
import type { ErrorEnvelope } from '@/platform/http/errors';
import { formatBytes } from '@/platform/http/body-limits';
import { parseCookieHeader, REQUEST_ID_HEADER } from '@/platform/http/request-context';
import { LOCALE_COOKIE, resolveLocale } from '@/platform/i18n/locale';
import { translatorFor } from '@/platform/i18n/translator';
import { isPrivateAddress, rewriteForwardingHeaders } from './forwarding';
import { startDraining } from './lifecycle';

/**
 * The HTTP server in front of Next.js (scripts/serve.ts runs it for `npm run
 * dev`, `npm start` and containers). Next.js's own server cannot do three
 * things Keel needs, so this one does them before handing each request over:
 *
 * - forwarding headers a client wrote are replaced (./forwarding.ts), so rate
 *   limits key on the real address;
 * - a page request (a server action) with a body over the limit gets 413 and
 *   the error envelope, where Next.js would answer a bare 500;
 * - on shutdown it stops accepting connections, lets requests in flight finish
 *   within a grace period, and only then lets the process close its database
 *   pool and exit.
 */
export interface AppServerOptions {
  /**
   * Next.js's request handler. In development it also attaches its own
   * WebSocket upgrade listener (hot reload) to this server on the first request.
   */
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  trustedProxies: number;
  /** Largest body a page request (a server action, with or without JavaScript) may carry. */
  pageBodyLimitBytes: number;
  shutdownGraceMs: number;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
}

export interface AppServer {
  server: http.Server;
  /**
   * Stops accepting connections, waits for the requests in flight (at most the
   * grace period, then closes what is left) and resolves with how many had to
   * be cut.
   */
  shutdown(): Promise<{ cut: number }>;
}

export function createAppServer(options: AppServerOptions): AppServer {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let warnedAboutProxy = false;
  let settled: (() => void) | null = null;

  const server = http.createServer({ IncomingMessage: HeldBodyRequest }, (request, response) => {
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      // A response that began before the drain went out with keep-alive: its connection, idle now, closes.
      if (draining) setImmediate(() => server.closeIdleConnections());
      if (inFlight.size === 0) settled?.();
    });
    // A request that still arrives on a kept-alive connection is served, and the connection then closed.
    if (draining) response.setHeader('connection', 'close');
    if (
      options.trustedProxies === 0 &&
      !warnedAboutProxy &&
      request.headers['x-forwarded-for'] &&
      isPrivateAddress(request.socket.remoteAddress ?? '')
    ) {
      // Most likely a proxy we were not told about: every client would then share its address in the rate limits.
      warnedAboutProxy = true;
      options.log.warn(
        `[server] A request from ${request.socket.remoteAddress} carried X-Forwarded-For, but TRUST_PROXY is not set, so the header is replaced by that address and every client behind a proxy shares one rate limit. If a proxy is in front, set TRUST_PROXY (docs/security/rate-limits-and-proxies.md).`,
      );
    }
    rewriteForwardingHeaders(
      request.headers,
      request.socket as { remoteAddress?: string; encrypted?: boolean },
      options.trustedProxies,
    );
    void serve(request as HeldBodyRequest, response).catch((error: unknown) => {
      options.log.error(error, '[server] request failed before reaching Next.js');
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  // Node.js would answer "100 Continue" by itself, and a client declaring a body over the
  // limit would upload all of it before hearing 413: refuse it before it sends a byte.
  server.on('checkContinue', (request: HeldBodyRequest, response: ServerResponse) => {
    if (carriesPageBody(request) && Number(request.headers['content-length']) > options.pageBodyLimitBytes) {
      response.setHeader('connection', 'close');
      void answerTooLarge(request, response, options.pageBodyLimitBytes, { readRest: false });
      return;
    }
    response.writeContinue();
    server.emit('request', request, response);
  });
  // Above the 60 s idle timeout of common load balancers: they, not we, close an idle
  // connection, so none of their requests meets a connection we have just closed.
  server.keepAliveTimeout = 65_000;
  // A whole request (headers and body) must arrive within a minute: a body trickled in
  // byte by byte cannot hold a connection, or a held page body, for long (Node's default is 5 minutes).
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  async function serve(request: HeldBodyRequest, response: ServerResponse) {
    if (carriesPageBody(request)) {
      const declared = request.headers['content-length'];
      const actionArguments = carriesActionArguments(request);
      const verdict =
        declared !== undefined && Number(declared) > options.pageBodyLimitBytes
          ? 'too-large'
          : // Chunked (no Content-Length): counted before Next.js reads a byte. Action arguments: read
            // whole first, so malformed ones are refused here (Next.js would answer them with a 500).
            declared === undefined || actionArguments
            ? await request.holdBody(options.pageBodyLimitBytes)
            : 'fits';
      if (verdict === 'aborted') return;
      if (verdict === 'too-large') return answerTooLarge(request, response, options.pageBodyLimitBytes);
      if (actionArguments && request.heldBytes && !isArgumentList(request.heldBytes))
        return answerError(request, response, 400, 'BAD_REQUEST', {});
    }
    await options.handle(request, response);
  }

  return {
    server,
    shutdown() {
      draining = true;
      startDraining();
      return new Promise((resolve) => {
        // No new connections; idle kept-alive ones close now, busy ones after their response.
        server.close();
        server.closeIdleConnections();
        for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
        // Once the drain is over no connection stays open to bring a request after the pool has closed.
        const finish = (cut: number) => {
          settled = null;
          server.closeAllConnections();
          resolve({ cut });
        };
        if (inFlight.size === 0) return finish(0);
        const timer = setTimeout(() => finish(inFlight.size), options.shutdownGraceMs);
        settled = () => {
          clearTimeout(timer);
          finish(0);
        };
      });
    },
  };
}

/**
 * A page request with a body: a server action (fetched, with a `Next-Action`
 * header, or a plain form post before JavaScript runs). Route handlers under
 * /api read and limit their own bodies (defineRoute's maxBodyBytes).
 */
function carriesPageBody(request: IncomingMessage) {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const path = normalisedPath(request.url ?? '/');
  return !path.startsWith('/api/') && !path.startsWith('/_next/');
}

/**
 * A server action called by fetch: Next.js's client sends its arguments as text, the JSON of an array
 * (a FormData argument goes as multipart instead).
 */
function carriesActionArguments(request: IncomingMessage) {
  return Boolean(request.headers['next-action']) && /^text\/plain\b/i.test(request.headers['content-type'] ?? '');
}

function isArgumentList(body: Buffer) {
  try {
    return Array.isArray(JSON.parse(body.toString('utf8')));
  } catch {
    return false;
  }
}

/**
 * The path as Next.js will route it: dot segments resolved, `%2e` among them
 * (`/api/../dashboard` and `/api/%2e%2e/dashboard` are the page /dashboard).
 * What cannot be parsed counts as a page, so it keeps the limit.
 */
function normalisedPath(url: string) {
  try {
    return new URL(url.startsWith('/') ? `http://x${url}` : url).pathname;
  } catch {
    return '/';
  }
}

async function answerTooLarge(
  request: IncomingMessage,
  response: ServerResponse,
  limitBytes: number,
  { readRest = true } = {},
) {
  // Read the rest and throw it away first: a client still sending when the connection
  // closes gets a reset instead of this answer (requestTimeout bounds the wait). Not
  // when the client waits for "100 Continue" before sending: it never gets one.
  if (readRest) {
    request.resume();
    try {
      await finished(request);
    } catch {
      return; // the client went away
    }
  }
  return answerError(request, response, 413, 'PAYLOAD_TOO_LARGE', { limit: formatBytes(limitBytes) });
}

/** The error envelope, in the visitor's language, before Next.js sees the request. */
function answerError(
  request: IncomingMessage,
  response: ServerResponse,
  status: 400 | 413,
  code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE',
  values: Record<string, string>,
) {
  const requestId = randomUUID();
  const locale = resolveLocale({
    cookie: parseCookieHeader(request.headers.cookie ?? null).get(LOCALE_COOKIE),
    acceptLanguage: request.headers['accept-language'] ?? null,
    defaultLocale: appConfig.locales.default,
  });
  const message = translatorFor(locale, 'errors')(code, values);
  const body = JSON.stringify({ error: { code, status, message, requestId } } satisfies ErrorEnvelope);
  response.writeHead(status, {
    // Next.js's client hands a server action's text/plain error body to the caller
    // (any other type becomes "An unexpected response"), so useAction can show this envelope.
    'content-type': request.headers['next-action'] ? 'text/plain' : 'application/json; charset=utf-8',
    'cache-control': 'private, no-store',
    [REQUEST_ID_HEADER]: requestId,
  });
  response.end(body);
}

/**
 * A request whose body can be held back from its readers until it is known to
 * fit (Node.js's parser hands each chunk to `push`): then it is replayed as one
 * chunk; beyond the limit it is dropped as it arrives. The chunks are copied
 * into one buffer that doubles as needed (up to the limit + 1 byte), so a body
 * sent in many tiny chunks costs its size in memory, not an object per chunk.
 */
class HeldBodyRequest extends IncomingMessage {
  /** The body read whole by holdBody (null until then, or when it did not fit). */
  heldBytes: Buffer | null = null;
  private hold: {
    limit: number;
    size: number;
    buffer: Buffer;
    over: boolean;
    settle: (verdict: 'fits' | 'too-large' | 'aborted') => void;
  } | null = null;

  holdBody(limit: number): Promise<'fits' | 'too-large' | 'aborted'> {
    if (this.complete) return Promise.resolve('fits');
    return new Promise((settle) => {
      this.hold = { limit, size: 0, buffer: Buffer.alloc(0), over: false, settle };
      this.once('close', () => settle('aborted'));
    });
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    const hold = this.hold;
    if (!hold) return super.push(chunk, encoding);
    if (chunk === null) {
      this.hold = null;
      if (!hold.over) this.heldBytes = hold.buffer.subarray(0, hold.size);
      if (!hold.over && hold.size > 0) super.push(hold.buffer.subarray(0, hold.size));
      const result = super.push(null);
      hold.settle('fits');
      return result;
    }
    if (hold.over) return true;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding);
    const size = hold.size + bytes.byteLength;
    if (size > hold.limit) {
      hold.over = true;
      hold.buffer = Buffer.alloc(0);
      hold.settle('too-large');
      return true;
    }
    if (size > hold.buffer.byteLength) {
      let capacity = Math.max(hold.buffer.byteLength, 16 * 1024);
      while (capacity < size) capacity *= 2;
      const grown = Buffer.allocUnsafe(Math.min(capacity, hold.limit + 1));
      hold.buffer.copy(grown, 0, 0, hold.size);
      hold.buffer = grown;
    }
    bytes.copy(hold.buffer, hold.size);
    hold.size = size;
    return true;
  }
}
