import 'server-only';
import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getServerConfig } from '@/platform/config/server-config';
import { formatBytes } from './body-limits';
import { CSRF_HEADER, isStateChangingMethod } from './csrf';
import { AppError, type ErrorEnvelope } from './errors';
import { runGuards, type Guard, type GuardsOutput } from './guards';
import { assertCsrf, enforceRateLimits, toErrorPayload, type RateLimitOption } from './pipeline';
import { createRequestContext, parseCookieHeader, REQUEST_ID_HEADER, type RequestContext } from './request-context';
import { runInRequest } from './request-scope';
import { entriesToObject, validateInput } from './validation';

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type Params = Record<string, string | string[]>;

export interface RouteDefinition<
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  G extends readonly Guard<RouteInput<Q, B, P>, object>[],
> {
  /** Validates the query string (GET filters, pagination…). */
  query?: Q;
  /** Validates the body (JSON, urlencoded or multipart). */
  body?: B;
  /** Validates the dynamic segments, e.g. `[slug]`. */
  params?: P;
  guards?: G;
  /** One limit, or several: all must allow the request. */
  rateLimit?: RateLimitOption<RouteInput<Q, B, P>> | RateLimitOption<RouteInput<Q, B, P>>[];
  /** Largest body accepted, in bytes (413 beyond). Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * CSRF verification for state-changing methods. Only webhook endpoints turn it
   * off — they are called by another server and verify a signature instead.
   */
  csrf?: true | { disabledBecause: 'webhook-signature-verified' };
  handler: (
    input: RouteInput<Q, B, P>,
    context: RequestContext & { request: Request } & GuardsOutput<G>,
  ) => Promise<Response | unknown>;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
export type RouteInput<Q, B, P> = { query: Out<Q>; body: Out<B>; params: Out<P> };

/** A route handler as Next.js calls it. */
export type RouteHandler = (request: Request, segment: { params: Promise<Params> }) => Promise<Response>;

/**
 * Reads a request's raw body, at most `maxBytes` (PAYLOAD_TOO_LARGE, 413, beyond): for routes that
 * read the body themselves, such as webhooks verifying a signature over it. Stops reading at the cap.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { values: { limit: formatBytes(maxBytes) } });
  if (!request.body) return Buffer.alloc(0);

  // Count what actually arrives: Content-Length may be absent (chunked) or false.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE', { values: { limit: formatBytes(maxBytes) } });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes.length === 0) return undefined;

  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new AppError('BAD_REQUEST', { messageKey: 'BAD_REQUEST' });
    }
  }
  if (type === 'application/x-www-form-urlencoded') return entriesToObject(new URLSearchParams(bytes.toString('utf8')));
  if (type === 'multipart/form-data') {
    const form = await new Response(bytes, {
      headers: { 'content-type': request.headers.get('content-type')! },
    }).formData();
    return entriesToObject(form);
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE');
}

function validated<S extends z.ZodType | undefined>(
  schema: S,
  value: unknown,
  locale: RequestContext['locale'],
  prefix: string,
) {
  if (!schema) return undefined as Out<S>;
  const result = validateInput(schema, value ?? {}, locale);
  if (result.ok) return result.data as Out<S>;
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([key, messages]) => [prefix ? `${prefix}.${key}` : key, messages]),
  );
  throw new AppError('VALIDATION_FAILED', { fieldErrors });
}

const noStore = { 'cache-control': 'private, no-store' };

/**
 * Defines an API route handler with the same protections as server actions:
 * CSRF on state-changing methods, body size cap, validation of query, body and
 * params, rate limit, guards, and a JSON error envelope with the right status:
 *
 *   export const GET = defineRoute({ query: schema, handler: async ({ query }, ctx) => rows });
 *
 * A returned value is sent as JSON (200); return a Response for anything else.
 */
export function defineRoute<
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  const G extends readonly Guard<RouteInput<Q, B, P>, object>[] = [],
>(definition: RouteDefinition<Q, B, P, G>): RouteHandler {
  const maxBodyBytes = definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async function routeHandler(request, segment) {
    const context = createRequestContext(
      request.headers,
      parseCookieHeader(request.headers.get('cookie')),
      getServerConfig().trustedProxies,
      {
        set: async (name, value, options) => void (await cookies()).set(name, value, options),
      },
    );
    try {
      if (isStateChangingMethod(request.method) && typeof definition.csrf !== 'object') {
        assertCsrf(context, request.headers.get(CSRF_HEADER));
      }
      const rawParams = (await segment?.params) ?? {};
      const url = new URL(request.url);
      const body = definition.body ? await readBody(request, maxBodyBytes) : undefined;
      const input = {
        params: validated(definition.params, rawParams, context.locale, 'params'),
        query: validated(definition.query, entriesToObject(url.searchParams), context.locale, 'query'),
        body: validated(definition.body, body, context.locale, ''),
      } as RouteInput<Q, B, P>;

      if (definition.rateLimit) await enforceRateLimits(definition.rateLimit, context, input);
      // The guards run in the request's scope too: the session they read may note an impersonator (audit log).
      const result = await runInRequest(context, async () => {
        const added = await runGuards(definition.guards ?? [], { ...context, input, params: rawParams });
        return definition.handler(input, { ...context, request, ...added } as RequestContext & {
          request: Request;
        } & GuardsOutput<G>);
      });

      // A handler's Response may have immutable headers (Response.redirect, fetch): copy it before adding ours.
      const response =
        result instanceof Response
          ? new Response(result.body, result)
          : Response.json(result ?? null, { headers: noStore });
      response.headers.set(REQUEST_ID_HEADER, context.requestId);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', noStore['cache-control']);
      return response;
    } catch (error) {
      // notFound(), redirect() and friends are control flow, not failures.
      unstable_rethrow(error);
      const { retryAfterSeconds, ...payload } = toErrorPayload(error, context);
      const headers: Record<string, string> = { ...noStore, [REQUEST_ID_HEADER]: context.requestId };
      if (retryAfterSeconds) headers['retry-after'] = String(retryAfterSeconds);
      if (payload.status >= 500)
        context.logger.error(
          { method: request.method, path: new URL(request.url).pathname, code: payload.code },
          'route failed',
        );
      return Response.json({ error: payload } satisfies ErrorEnvelope, { status: payload.status, headers });
    }
  };
}
