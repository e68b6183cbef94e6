import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { logger } from '@/platform/logger';
import { csrfCookieName } from './csrf';
import { createCsrfToken } from './csrf-signing';
import { AppError, type ErrorEnvelope } from './errors';
import type { Guard } from './guards';
import { defineRoute } from './route';

const secret = process.env.APP_SECRET!;
const cookieName = csrfCookieName(false);
const visitor = 'visitor-session-id-for-route-tests';
const origin = 'http://localhost:3000';

function request(
  method: string,
  path: string,
  init: { body?: BodyInit; headers?: Record<string, string>; token?: string | null } = {},
) {
  const headers: Record<string, string> = {
    host: 'localhost:3000',
    cookie: `${cookieName}=${visitor}`,
    ...init.headers,
  };
  const token = init.token === undefined ? createCsrfToken(secret, visitor) : init.token;
  if (token) headers['x-csrf-token'] = token;
  return new Request(`${origin}${path}`, { method, headers, body: init.body, duplex: 'half' } as RequestInit);
}

const segment = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

async function envelope(response: Response) {
  return ((await response.json()) as ErrorEnvelope).error;
}

const echo = defineRoute({
  body: z.object({ title: z.string().min(3), count: z.number().int().max(10) }),
  maxBodyBytes: 200,
  handler: async ({ body }) => ({ received: body }),
});

describe('defineRoute', () => {
  it('answers a valid state-changing request with the handler result as private JSON', async () => {
    const response = await echo(
      request('POST', '/api/echo', {
        body: JSON.stringify({ title: 'Hello', count: 2 }),
        headers: { 'content-type': 'application/json' },
      }),
      segment(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { title: 'Hello', count: 2 } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it.each([
    ['missing', null],
    ['forged', 'v1.1800000000.bm9uY2U.c2lnbmF0dXJl'],
    ['expired', createCsrfToken(secret, visitor, Date.now() - 2 * 24 * 3600 * 1000)],
    ['minted for another visitor', createCsrfToken(secret, 'someone-else')],
  ])('refuses a %s CSRF token with 403 CSRF_TOKEN_INVALID', async (_label, token) => {
    const response = await echo(
      request('POST', '/api/echo', {
        token,
        body: JSON.stringify({ title: 'Hello', count: 2 }),
        headers: { 'content-type': 'application/json' },
      }),
      segment(),
    );
    expect(response.status).toBe(403);
    const error = await envelope(response);
    expect(error.code).toBe('CSRF_TOKEN_INVALID');
    expect(error.docs).toBe('docs/security/csrf.md');
  });

  it('refuses a request from another site even with a valid token', async () => {
    const response = await echo(
      request('POST', '/api/echo', {
        body: JSON.stringify({ title: 'Hello', count: 2 }),
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
      segment(),
    );
    expect(response.status).toBe(403);
    expect((await envelope(response)).code).toBe('CSRF_TOKEN_INVALID');
  });

  it('names each invalid field, in the language the browser asks for', async () => {
    const response = await echo(
      request('POST', '/api/echo', {
        body: JSON.stringify({ title: 'Hi', count: 99 }),
        headers: { 'content-type': 'application/json', 'accept-language': 'es-ES,es;q=0.9' },
      }),
      segment(),
    );
    expect(response.status).toBe(400);
    const error = await envelope(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Algunos campos necesitan tu atención.');
    expect(error.fieldErrors).toEqual({ title: ['Usa al menos 3 caracteres.'], count: ['Debe ser como máximo 10.'] });
  });

  it('answers 400 to malformed JSON and 415 to an unsupported content type', async () => {
    const broken = await echo(
      request('POST', '/api/echo', { body: '{"title":', headers: { 'content-type': 'application/json' } }),
      segment(),
    );
    expect(broken.status).toBe(400);
    expect((await envelope(broken)).code).toBe('BAD_REQUEST');
    const xml = await echo(
      request('POST', '/api/echo', { body: '<a/>', headers: { 'content-type': 'application/xml' } }),
      segment(),
    );
    expect(xml.status).toBe(415);
  });

  it('answers 413 to a body over the cap, declared or streamed', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(500), count: 1 });
    const declared = await echo(
      request('POST', '/api/echo', {
        body: big,
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      }),
      segment(),
    );
    expect(declared.status).toBe(413);
    expect((await envelope(declared)).code).toBe('PAYLOAD_TOO_LARGE');

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
        controller.close();
      },
    });
    const streamed = await echo(
      request('POST', '/api/echo', { body: stream, headers: { 'content-type': 'application/json' } }),
      segment(),
    );
    expect(streamed.status).toBe(413);
  });

  it('turns an unexpected exception into a generic 500 with a request id, details only in the log', async () => {
    const records: unknown[][] = [];
    const logged = vi.spyOn(logger, 'child').mockImplementation(
      () =>
        ({
          error: (...args: unknown[]) => records.push(args),
          warn: () => undefined,
          info: () => undefined,
        }) as never,
    );
    const failing = defineRoute({
      handler: async () => {
        throw new Error('connection string postgres://admin:s3cret@db leaked?');
      },
    });
    const response = await failing(
      request('GET', '/api/failing', { headers: { 'x-request-id': 'req-test-12345' } }),
      segment(),
    );
    expect(response.status).toBe(500);
    const error = await envelope(response);
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-test-12345' });
    expect(error.message).toContain('req-test-12345');
    expect(JSON.stringify(error)).not.toContain('s3cret');
    expect(response.headers.get('x-request-id')).toBe('req-test-12345');
    expect(logged).toHaveBeenCalledWith({ requestId: 'req-test-12345' });
    // The log (bound to the request id) has the real error.
    expect(records.some(([entry]) => String((entry as { err?: Error }).err?.message).includes('s3cret'))).toBe(true);
    logged.mockRestore();
  });

  it('maps refusals thrown by guards and handlers to their statuses', async () => {
    const cases = [
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
    ] as const;
    for (const [code, status] of cases) {
      const refuse: Guard = async () => {
        throw new AppError(code);
      };
      const route = defineRoute({ guards: [refuse], handler: async () => 'never' });
      const response = await route(request('GET', '/api/guarded'), segment());
      expect(response.status).toBe(status);
      expect((await envelope(response)).code).toBe(code);
    }
  });

  it('passes what guards establish to the handler', async () => {
    const member: Guard<unknown, { role: string }> = async ({ params }) => ({
      role: params.slug === 'acme' ? 'owner' : 'member',
    });
    const route = defineRoute({
      params: z.object({ slug: z.string() }),
      guards: [member],
      handler: async ({ params }, context) => ({ slug: params.slug, role: context.role }),
    });
    const response = await route(request('GET', '/api/organizations/acme'), segment({ slug: 'acme' }));
    expect(await response.json()).toEqual({ slug: 'acme', role: 'owner' });
  });

  it('validates the query string and does not need a CSRF token for reads', async () => {
    const route = defineRoute({
      query: z.object({ page: z.coerce.number().int().min(1) }),
      handler: async ({ query }) => ({ page: query.page }),
    });
    expect(await (await route(request('GET', '/api/list?page=3', { token: null }), segment())).json()).toEqual({
      page: 3,
    });
    const bad = await route(request('GET', '/api/list?page=0', { token: null }), segment());
    expect(bad.status).toBe(400);
    expect((await envelope(bad)).fieldErrors).toHaveProperty(['query.page']);
  });

  it('answers 429 with Retry-After once the rate limit is used up', async () => {
    const route = defineRoute({
      rateLimit: { name: `test-${Date.now()}`, limit: 2, windowSeconds: 60 },
      handler: async () => ({ ok: true }),
    });
    const from = { 'x-forwarded-for': '198.51.100.7' };
    expect((await route(request('GET', '/api/limited', { headers: from }), segment())).status).toBe(200);
    expect((await route(request('GET', '/api/limited', { headers: from }), segment())).status).toBe(200);
    const limited = await route(request('GET', '/api/limited', { headers: from }), segment());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await envelope(limited)).message).toMatch(/Too many attempts\. Please try again in \d+ seconds?\./);
    // Another client is not affected.
    expect(
      (await route(request('GET', '/api/limited', { headers: { 'x-forwarded-for': '198.51.100.8' } }), segment()))
        .status,
    ).toBe(200);
  });

  it('counts IPv6 clients by their /64, so a new address per request does not dodge the limit', async () => {
    const route = defineRoute({
      rateLimit: { name: `test-v6-${Date.now()}`, limit: 2, windowSeconds: 60 },
      handler: async () => ({ ok: true }),
    });
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    expect((await route(request('GET', '/api/limited', from('2001:db8:1:2::1')), segment())).status).toBe(200);
    expect(
      (await route(request('GET', '/api/limited', from('2001:DB8:1:2:aaaa:bbbb:cccc:dddd')), segment())).status,
    ).toBe(200);
    expect((await route(request('GET', '/api/limited', from('2001:db8:1:2::ffff')), segment())).status).toBe(429);
    // Another /64 is another client.
    expect((await route(request('GET', '/api/limited', from('2001:db8:1:3::1')), segment())).status).toBe(200);
  });

  it('passes a handler Response through, even one with immutable headers', async () => {
    const redirecting = defineRoute({ handler: async () => Response.redirect('http://localhost:3000/elsewhere', 302) });
    const response = await redirecting(request('GET', '/api/go'), segment());
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3000/elsewhere');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('treats field names like __proto__ and constructor as plain fields', async () => {
    const route = defineRoute({
      body: z.object({ constructor: z.string(), title: z.string() }),
      handler: async ({ body }) => ({ body, polluted: ({} as Record<string, unknown>).polluted ?? null }),
    });
    const form = new URLSearchParams({ constructor: 'x', title: 't', __proto__: 'p' } as Record<string, string>);
    form.append('__proto__', 'polluted');
    const response = await route(
      request('POST', '/api/form', {
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      segment(),
    );
    expect(await response.json()).toEqual({ body: { constructor: 'x', title: 't' }, polluted: null });
  });

  it('skips CSRF only for routes that declare they verify a webhook signature', async () => {
    const webhook = defineRoute({
      csrf: { disabledBecause: 'webhook-signature-verified' },
      handler: async () => new Response(null, { status: 204 }),
    });
    expect((await webhook(request('POST', '/api/webhooks/test', { token: null }), segment())).status).toBe(204);
    const explicit = defineRoute({ csrf: true, handler: async () => new Response(null, { status: 204 }) });
    expect((await explicit(request('POST', '/api/explicit', { token: null }), segment())).status).toBe(403);
  });
});
