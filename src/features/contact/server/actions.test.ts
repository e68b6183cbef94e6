import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { db } from '@/platform/db/client';
import { csrfCookieName } from '@/platform/http/csrf';
import { createCsrfToken } from '@/platform/http/csrf-signing';
import { defineAction } from '@/platform/http/action';
import { useAction } from '@/platform/http/client/use-action';
import { logger } from '@/platform/logger';
import { z } from 'zod';
import { sendContactRequest } from './actions';
import { contactRequests } from './schema';
import { devMailboxMessages } from '@/platform/email/schema';
import { getServerConfig } from '@/platform/config/server-config';
import { sql } from 'drizzle-orm';

/**
 * The contact action through the real action helper and database. Only the
 * request that Next.js would hand the action (headers and cookies) is played
 * by the test.
 */
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
  }),
}));

const visitor = 'contact-test-visitor';
const token = () => createCsrfToken(process.env.APP_SECRET!, visitor);
let clientIp = 0;

beforeEach(() => {
  clientIp += 1;
  request.headers = new Headers({
    host: 'localhost:3000',
    origin: 'http://localhost:3000',
    'x-forwarded-for': `203.0.113.${clientIp}`,
  });
  request.cookies = new Map([[csrfCookieName(false), visitor]]);
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const valid = { name: 'Grace Hopper', email: 'Grace@Example.com ', message: 'Please tell me about yearly pricing.' };

describe('sendContactRequest', () => {
  it('stores the message when posted as a form (progressive enhancement) with a valid token', async () => {
    const result = await sendContactRequest(null, form({ ...valid, csrf_token: token(), $ACTION_ID_abc: '' }));
    expect(result).toEqual({ ok: true, data: { name: 'Grace Hopper' } });
    const rows = await db.select().from(contactRequests).where(eq(contactRequests.email, 'grace@example.com'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Grace Hopper', locale: 'en' });
    // The sender gets a copy (in the dev mailbox here: no SMTP server is configured).
    const mails = await db
      .select()
      .from(devMailboxMessages)
      .where(sql`${devMailboxMessages.to} ? 'grace@example.com'`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('We received your message — Keel');
    // Nothing typed into the public form travels in our email (no spam relay).
    expect(mails[0]!.text).not.toContain('Please tell me about yearly pricing.');
    expect(mails[0]!.text).not.toContain('Grace');
  });

  it('keeps the message when the acknowledgement cannot be sent', async () => {
    const config = getServerConfig();
    config.email.smtpUrl = 'smtp://127.0.0.1:9'; // nothing listens on the discard port
    try {
      const result = await sendContactRequest({ ...valid, email: 'smtp-down@example.com', csrf_token: token() });
      expect(result.ok).toBe(true);
      expect(
        await db.select().from(contactRequests).where(eq(contactRequests.email, 'smtp-down@example.com')),
      ).toHaveLength(1);
    } finally {
      config.email.smtpUrl = null;
    }
  });

  it('limits how often one address can be sent an acknowledgement', async () => {
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) {
      clientIp += 1;
      request.headers.set('x-forwarded-for', `198.51.100.${clientIp}`);
      outcomes.push(await sendContactRequest({ ...valid, email: 'victim@example.com', csrf_token: token() }));
    }
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, false]);
    expect(outcomes[3]!.ok ? null : outcomes[3]!.error.code).toBe('RATE_LIMITED');
  });

  it('works when called from code with an object', async () => {
    const result = await sendContactRequest({ ...valid, email: 'code@example.com', csrf_token: token() });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['forged', 'v1.1800000000.bm9uY2U.Zm9yZ2Vk'],
    ['expired', createCsrfToken(process.env.APP_SECRET!, visitor, Date.now() - 3 * 24 * 3600 * 1000)],
  ])('refuses a %s token with CSRF_TOKEN_INVALID (403) and writes nothing', async (_label, csrf) => {
    const email = `csrf-${_label}@example.com`;
    const result = await sendContactRequest(null, form({ ...valid, email, ...(csrf ? { csrf_token: csrf } : {}) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'CSRF_TOKEN_INVALID', status: 403, docs: 'docs/security/csrf.md' });
    expect(await db.select().from(contactRequests).where(eq(contactRequests.email, email))).toHaveLength(0);
  });

  it('refuses a cross-site submission even with a valid token', async () => {
    request.headers.set('origin', 'https://evil.example');
    request.headers.set('sec-fetch-site', 'cross-site');
    const result = await sendContactRequest(null, form({ ...valid, csrf_token: token() }));
    expect(result.ok ? null : result.error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('returns field errors in the visitor language and writes nothing', async () => {
    request.cookies.set('NEXT_LOCALE', 'es');
    const result = await sendContactRequest(
      null,
      form({ name: '', email: 'not-an-email', message: 'short', password: 'hunter2', csrf_token: token() }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.status).toBe(400);
    expect(result.error.fieldErrors).toEqual({
      name: ['Este campo es obligatorio.'],
      email: ['Introduce un correo electrónico válido.'],
      message: ['Usa al menos 10 caracteres.'],
    });
    expect(await db.select().from(contactRequests).where(eq(contactRequests.email, 'not-an-email'))).toHaveLength(0);
    // The form can be shown again as submitted (without JavaScript) — never with secrets in it.
    expect(result.values).toEqual({ name: '', email: 'not-an-email', message: 'short' });
  });

  it('rate limits one client to 5 messages per 10 minutes', async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i += 1) {
      outcomes.push(await sendContactRequest({ ...valid, email: `burst${i}@example.com`, csrf_token: token() }));
    }
    expect(outcomes.slice(0, 5).every((outcome) => outcome.ok)).toBe(true);
    const last = outcomes[5]!;
    expect(last.ok ? null : last.error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });
});

describe('defineAction', () => {
  it('produces actions that the client hook accepts (checked by the type checker)', () => {
    expectTypeOf(useAction<{ name: string; email: string; message: string }, { name: string }>).toBeCallableWith(
      sendContactRequest,
    );
  });

  it('answers an unexpected failure with a calm message and the request id, logging the details', async () => {
    const records: unknown[][] = [];
    const child = vi.spyOn(logger, 'child').mockImplementation(
      () =>
        ({
          error: (...args: unknown[]) => records.push(args),
          warn: () => undefined,
          info: () => undefined,
        }) as never,
    );
    request.headers.set('x-request-id', 'req-action-0001');
    const explode = defineAction({
      name: 'test.explode',
      input: z.object({ reason: z.string().optional() }),
      handler: async () => {
        throw new Error('relation "secret_table" does not exist');
      },
    });
    const result = await explode({ csrf_token: token() });
    child.mockRestore();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'INTERNAL_ERROR', status: 500, requestId: 'req-action-0001' });
    expect(result.error.message).toContain('req-action-0001');
    expect(result.error.message).not.toContain('secret_table');
    expect(records.some(([entry]) => String((entry as { err?: Error }).err?.message).includes('secret_table'))).toBe(
      true,
    );
  });
});
