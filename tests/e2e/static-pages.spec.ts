import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { loadedScripts, openMenu, waitForHydration } from './support';

/**
 * Public pages are prerendered at build and keep a strict CSP (decision 0049): the header lists the hash of
 * each inline script of the page and allows no other inline script. Proven in Chromium: the page runs
 * (hydrates) and the browser reports no CSP violation.
 */

const PRERENDERED = ['/', '/es', '/pricing', '/blog/one-gateway-three-providers', '/docs/api/adding-api-routes'];

function scriptSources(csp: string) {
  return /(?:^|;\s*)script-src ([^;]+)/.exec(csp)?.[1]?.split(/\s+/) ?? [];
}

/** The hash sources of the HTML's executable inline scripts (as the browser would hash them). */
function inlineScriptHashes(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes!) && !/type="application\/(ld\+)?json"/.test(attributes!))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
}

/** Collects the page's `securitypolicyviolation` events, from before its first script. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective}: ${event.blockedURI || event.sample || 'inline'}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

for (const path of PRERENDERED) {
  test(`${path} is prerendered and its CSP allows exactly its inline scripts: none refused in Chromium`, async ({
    page,
  }) => {
    const violations = await recordViolations(page);
    const response = (await page.goto(path))!;
    expect(response.status()).toBe(200);
    const headers = response.headers();
    // Served from the build's files, not rendered for this request.
    expect(headers['x-nextjs-cache'] ?? headers['x-nextjs-prerender']).toBeTruthy();
    expect(headers['cache-control']).toMatch(/^public,/);
    expect(headers['set-cookie']).toBeUndefined();

    const sources = scriptSources(headers['content-security-policy'] ?? '');
    expect(sources[0]).toBe("'self'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources.filter((source) => source.startsWith("'nonce-"))).toEqual([]);
    const inline = inlineScriptHashes(await response.text());
    expect(inline.length).toBeGreaterThan(1);
    expect(inline.filter((hash) => !sources.includes(hash))).toEqual([]);

    // The scripts ran: React hydrated the header, whose menus open.
    await openMenu(page, 'theme-switcher');
    expect(await violations()).toEqual([]);
  });
}

/** next-intl's error code for a missing message: a script that carries its client runtime carries this name. */
const NEXT_INTL_RUNTIME = 'MISSING_MESSAGE';

test('the public pages carry no message formatter: their menus get their words from the server', async ({ page }) => {
  for (const [path, language] of [
    ['/', 'Change language: English'],
    ['/es', 'Cambiar idioma: Español'],
    ['/blog/one-gateway-three-providers', 'Change language: English'],
    ['/docs/api/adding-api-routes', 'Change language: English'],
  ] as const) {
    const html = await (await page.goto(path))!.text();
    await waitForHydration(page, 'header');
    // The menus work, in the page's language.
    await expect(page.getByRole('button', { name: language })).toBeVisible();
    await openMenu(page, 'theme-switcher');
    // The page's own scripts, those its HTML names: once it runs, Next.js also fetches the code of the pages its
    // links lead to, and the pricing and contact pages do translate in the browser.
    const own = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map(([, src]) => new URL(src!, page.url()).href);
    expect(own.length).toBeGreaterThan(5);
    const carrying = (await loadedScripts(page)).filter(
      (script) => own.includes(script.url) && script.text.includes(NEXT_INTL_RUNTIME),
    );
    expect(
      carrying.map((script) => script.url),
      `${path}: next-intl's client runtime`,
    ).toEqual([]);
  }
});

test('a public page rendered per request (the contact form) has a nonce, and its theme script runs by its hash', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  const response = (await page.goto('/contact'))!;
  const sources = scriptSources(response.headers()['content-security-policy'] ?? '');
  expect(sources.some((source) => source.startsWith("'nonce-"))).toBe(true);
  expect(sources).not.toContain("'unsafe-inline'");
  expect(response.headers()['cache-control']).toBe('private, no-store');
  await waitForHydration(page, 'form');
  // zod (the form's schema) probes whether eval is allowed, and the CSP refuses it: expected, harmless.
  expect((await violations()).filter((violation) => violation !== 'script-src: eval')).toEqual([]);
});

test('a visitor with a stored theme and a signed-in hint gets them on a prerendered page', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([
    { name: 'keel-theme', value: 'dark', url: baseURL! },
    { name: 'keel-signed-in', value: '1', url: baseURL! },
  ]);
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await openMenu(page, 'theme-switcher');
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeChecked();
});
