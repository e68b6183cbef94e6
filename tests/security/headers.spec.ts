import { expect, test } from '@playwright/test';
import { signInThroughUi, waitForHydration } from '../e2e/support';
import { createOrganization, createPerson, sessionCookie } from '../e2e/fixtures';
import { Client } from './attacker';

/**
 * What every response says about itself: cookie flags, the CSP with a fresh
 * nonce, framing, sniffing, referrers, and caching of personalised responses
 * in each representation (HTML, Flight, API, files).
 */

function expectBaseline(headers: Headers, label: string) {
  expect(headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-frame-options'), label).toBe('DENY');
}

function expectPrivate(headers: Headers, label: string) {
  const cacheControl = headers.get('cache-control') ?? '';
  expect(cacheControl, label).toMatch(/no-store/);
  expect(cacheControl, label).not.toMatch(/public|s-maxage/);
}

test('headers: a personalised HTML page has a per-request CSP nonce, frame-ancestors none, nosniff, a referrer policy and private, no-store', async () => {
  const person = await createPerson();
  const organization = await createOrganization([[person, 'owner']]);
  const client = await Client.signedInAs(person);
  const nonces = new Set<string>();
  for (let index = 0; index < 2; index += 1) {
    const response = await client.fetch(`/dashboard/${organization.slug}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    const html = await response.text();
    // Every script tag carries this response's nonce.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    expectBaseline(response.headers, 'html');
    expectPrivate(response.headers, 'html');
  }
  expect(nonces.size).toBe(2);
});

// Issue 12, item 6 (a direct Flight request without Cache-Control): the browser's requests, and the same replayed by a
// script.
test('headers: Flight (RSC) responses of a personalised page, as the browser fetches them on navigation, are private, no-store too', async ({
  context,
  page,
}) => {
  const person = await createPerson();
  const organization = await createOrganization([[person, 'owner']]);
  await context.addCookies([await sessionCookie(person)]);
  const flight: { url: string; headers: Headers; request: Record<string, string> }[] = [];
  page.on('response', (response) => {
    const request = response.request().headers();
    // Only the signed-in area's: prefetches of the public site (the logo's link to /) are the same for everyone
    // and public by design (decision 0049).
    const personal = /^\/(dashboard|settings)(\/|$)/.test(new URL(response.url()).pathname);
    if (request['rsc'] === '1' && personal)
      flight.push({ url: response.url(), headers: new Headers(response.headers()), request });
  });
  await page.goto(`/dashboard/${organization.slug}`);
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Members' }).first().click();
  await expect(page).toHaveURL(/\/members$/);
  expect(flight.length).toBeGreaterThan(0);
  // The same requests again from a script (as a shared cache would forward them), with the session cookie.
  const client = await Client.signedInAs(person);
  const replayed = [];
  for (const { url, request } of flight.slice(0, 4)) {
    const { cookie: _cookie, ...headers } = request;
    replayed.push({ url: `${url} (replayed)`, headers: (await client.fetch(url, { headers })).headers });
  }
  for (const response of [...flight, ...replayed]) {
    expect(response.headers.get('content-type') ?? '', response.url).toContain('text/x-component');
    expectPrivate(response.headers, response.url);
  }
});

test('headers: API responses are private, no-store and nosniff; uploaded files are nosniff and sandboxed', async () => {
  const person = await createPerson();
  const organization = await createOrganization([[person, 'owner']]);
  const client = await Client.signedInAs(person);
  for (const url of ['/api/csrf', `/api/organizations/${organization.slug}/tasks`, '/api/organizations/nobody/tasks']) {
    const response = await client.fetch(url);
    expectPrivate(response.headers, url);
    expectBaseline(response.headers, url);
    expect(response.headers.get('content-type'), url).toContain('application/json');
  }
  const file = await client.fetch('/api/avatars/missing.webp');
  expectBaseline(file.headers, 'file');
  expect(file.status).toBe(404);
});

test('cookies: the session and CSRF cookies are HttpOnly, SameSite=Lax, Secure and prefixed', async ({ page }) => {
  const person = await createPerson();
  const visitor = new Client();
  const csrf = await visitor.fetch('/api/csrf');
  const csrfCookie = csrf.headers.getSetCookie().find((line) => line.startsWith('__Host-keel-csrf='));
  expect(csrfCookie).toMatch(/; HttpOnly/i);
  expect(csrfCookie).toMatch(/; Secure/i);
  expect(csrfCookie).toMatch(/; SameSite=Lax/i);
  expect(csrfCookie).toMatch(/; Path=\//i);
  expect(csrfCookie).not.toMatch(/; Domain=/i);

  // Signing in through the page, as a person does: the browser keeps what the server set.
  await signInThroughUi(page, person);
  await expect(page).toHaveURL(/\/dashboard|\/onboarding/);
  const session = (await page.context().cookies()).find((cookie) => cookie.name === '__Secure-keel.session_token');
  expect(session, 'a session cookie at sign-in').toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
  });
});
