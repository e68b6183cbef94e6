import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getCsrf } from '@/app/api/csrf/route';
import { POST as postClientError } from '@/app/api/client-errors/route';
import { GET as getHealth } from '@/app/api/health/route';
import { csrfCookieName } from '@/platform/http/csrf';
import { createCsrfToken } from '@/platform/http/csrf-signing';
import { ApiError, apiFetch } from '@/platform/http/client/api-client';
import { setClientCsrfToken } from '@/platform/http/client/csrf-token-provider';

/**
 * The browser's fetch helper against the real route handlers: requests go
 * through the same code as in production, with a cookie jar standing in for
 * the browser's.
 */
const routes: Record<
  string,
  (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>
> = {
  'GET /api/csrf': getCsrf,
  'GET /api/health': getHealth,
  'POST /api/client-errors': postClientError,
};
const visitor = 'api-client-test-visitor';
const calls: string[] = [];

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost:3000');
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push(`${method} ${url.pathname}`);
    const headers = new Headers(init.headers);
    headers.set('cookie', `${csrfCookieName(false)}=${visitor}`);
    headers.set('host', 'localhost:3000');
    headers.set('origin', 'http://localhost:3000');
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return new Response(null, { status: 404 });
    return handler(new Request(url, { ...init, method, headers }), { params: Promise.resolve({}) });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('apiFetch', () => {
  it('returns the parsed JSON of a successful read', async () => {
    expect(await apiFetch<{ status: string }>('/api/health')).toMatchObject({ status: 'ok' });
  });

  it('sends the page token with writes', async () => {
    setClientCsrfToken(createCsrfToken(process.env.APP_SECRET!, visitor));
    await expect(
      apiFetch('/api/client-errors', { json: { message: 'oops', url: 'http://localhost:3000/x' } }),
    ).resolves.toBeUndefined();
    expect(calls).toEqual(['POST /api/client-errors']);
  });

  it('throws ApiError carrying the envelope code, message and field errors', async () => {
    setClientCsrfToken(createCsrfToken(process.env.APP_SECRET!, visitor));
    const error = await apiFetch('/api/client-errors', { json: { message: 42 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'Some fields need your attention.',
    });
    expect((error as ApiError).fieldErrors).toHaveProperty('url');
  });

  it('refreshes an expired token once and retries', async () => {
    setClientCsrfToken(createCsrfToken(process.env.APP_SECRET!, visitor, Date.now() - 3 * 24 * 3600 * 1000));
    await expect(
      apiFetch('/api/client-errors', { json: { message: 'late', url: 'http://localhost:3000/y' } }),
    ).resolves.toBeUndefined();
    expect(calls).toEqual(['POST /api/client-errors', 'GET /api/csrf', 'POST /api/client-errors']);
  });
});
