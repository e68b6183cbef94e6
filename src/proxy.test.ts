import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { CSRF_EXEMPT_PATH_PREFIXES } from '@/platform/http/csrf';
import { forgetStaticPagesManifest, STATIC_PAGES_MANIFEST } from '@/platform/http/static-pages';
import { proxy } from './proxy';

function directives(csp: string | null) {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  ) as Record<string, string[]>;
}

describe('proxy', () => {
  it('sends a strict Content-Security-Policy with a fresh nonce on every page', () => {
    const first = proxy(new NextRequest('http://localhost:3000/'));
    const second = proxy(new NextRequest('http://localhost:3000/'));
    const csp = directives(first.headers.get('content-security-policy'));
    const nonce = csp['script-src']?.find((value) => value.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    expect(second.headers.get('content-security-policy')).not.toContain(nonce!);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    // Tests run with NODE_ENV=test: like production, no eval.
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
  });

  it('gives each request an id and a first-time visitor the HttpOnly CSRF cookie', () => {
    const response = proxy(new NextRequest('http://localhost:3000/contact'));
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const cookie = response.cookies.get('keel-csrf');
    expect(cookie?.value).toMatch(/^[\w-]{32}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it('keeps the CSRF cookie of a returning visitor', () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/', { headers: { cookie: 'keel-csrf=existing-visitor-session' } }),
    );
    expect(response.cookies.get('keel-csrf')).toBeUndefined();
  });

  it('refuses a state-changing request from another site with 403 CSRF_TOKEN_INVALID', async () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/contact', {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'accept-language': 'es' },
      }),
    );
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe('CSRF_TOKEN_INVALID');
    expect(body.error.message).toContain('token de seguridad');
    expect(body.error.docs).toBe('docs/security/csrf.md');
  });

  it('lets signature-verified webhooks through', () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/api/billing/webhooks/stripe', {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
    );
    expect(response.status).toBe(200);
  });

  it('exempts the path of every route that skips the CSRF check for a signature (and no other)', () => {
    const routes = readdirSync('src/app', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('route.ts'))
      .filter((file) => readFileSync(`src/app/${file}`, 'utf8').includes('disabledBecause'))
      .map((file) => `/${file.replace(/\/route\.ts$/, '/')}`);
    expect(routes).not.toEqual([]);
    for (const route of routes) expect(CSRF_EXEMPT_PATH_PREFIXES.some((prefix) => route.startsWith(prefix))).toBe(true);
    for (const prefix of CSRF_EXEMPT_PATH_PREFIXES) expect(routes.some((route) => route.startsWith(prefix))).toBe(true);
  });

  it('marks every answer it passes or gives as private and uncacheable: pages, Flight (RSC) requests, redirects, refusals', () => {
    const answers = [
      proxy(new NextRequest('http://localhost:3000/contact')),
      proxy(
        new NextRequest('http://localhost:3000/dashboard/acme?_rsc=1x2y3', {
          headers: { rsc: '1', 'next-router-prefetch': '1', cookie: 'keel.session_token=s' },
        }),
      ),
      proxy(new NextRequest('http://localhost:3000/dashboard/acme')),
      proxy(
        new NextRequest('http://localhost:3000/contact', {
          method: 'POST',
          headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        }),
      ),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 307, 403]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });

  it('routes the public site: unprefixed paths are the default language inside, /en/… redirects to them', () => {
    const home = proxy(new NextRequest('http://localhost:3000/?utm=x'));
    expect(home.headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/en?utm=x');
    const spanish = proxy(new NextRequest('http://localhost:3000/es/contact'));
    expect(spanish.headers.get('x-middleware-rewrite')).toBeNull();
    expect(spanish.headers.get('x-middleware-next')).toBe('1');
    const prefixed = proxy(new NextRequest('http://localhost:3000/en/contact?x=1'));
    expect(prefixed.status).toBe(308);
    expect(prefixed.headers.get('location')).toBe('http://localhost:3000/contact?x=1');
    const app = proxy(new NextRequest('http://localhost:3000/auth/sign-in'));
    expect(app.headers.get('x-middleware-rewrite')).toBeNull();
  });
});

describe('proxy, for a prerendered public page', () => {
  let distDir = '';
  afterEach(() => {
    delete process.env.NEXT_DIST_DIR;
    forgetStaticPagesManifest();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  function withManifest(pages: Record<string, string[]>) {
    distDir = mkdtempSync(path.join(os.tmpdir(), 'keel-proxy-'));
    writeFileSync(path.join(distDir, STATIC_PAGES_MANIFEST), JSON.stringify({ pages }));
    process.env.NEXT_DIST_DIR = distDir;
    forgetStaticPagesManifest();
  }

  it('sends the hashes of its inline scripts, no nonce, no cookie, and lets shared caches keep it', () => {
    withManifest({ '/en/pricing': ["'sha256-AAAA'", "'sha256-BBBB'"], '/es': ["'sha256-CCCC'"] });
    const pricing = proxy(new NextRequest('http://localhost:3000/pricing'));
    expect(pricing.headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/en/pricing');
    const csp = directives(pricing.headers.get('content-security-policy'));
    expect(csp['script-src']).toEqual(["'self'", "'sha256-AAAA'", "'sha256-BBBB'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(pricing.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=300');
    expect(pricing.cookies.getAll()).toEqual([]);
    expect(pricing.headers.get('x-request-id')).toBeTruthy();
    const spanish = directives(
      proxy(new NextRequest('http://localhost:3000/es')).headers.get('content-security-policy'),
    );
    expect(spanish['script-src']).toEqual(["'self'", "'sha256-CCCC'"]);
  });

  it('renders per request (nonce, private) what the manifest does not list, and posts to any page', () => {
    withManifest({ '/en/pricing': ["'sha256-AAAA'"] });
    const contact = proxy(new NextRequest('http://localhost:3000/contact'));
    const csp = directives(contact.headers.get('content-security-policy'));
    expect(csp['script-src']?.some((value) => value.startsWith("'nonce-"))).toBe(true);
    // The public root layout's theme script carries no nonce: it is allowed by its hash.
    expect(csp['script-src']?.some((value) => value.startsWith("'sha256-"))).toBe(true);
    expect(contact.headers.get('cache-control')).toBe('private, no-store');
    const post = proxy(
      new NextRequest('http://localhost:3000/pricing', {
        method: 'POST',
        headers: { origin: 'http://localhost:3000' },
      }),
    );
    expect(post.headers.get('cache-control')).toBe('private, no-store');
    expect(post.headers.get('content-security-policy')).toContain("'nonce-");
  });
});
