import { expect, test } from '@playwright/test';
import { createPerson } from '../e2e/fixtures';
import { Client, forgedSessionClient } from './attacker';

/** Error answers never show a stack trace, a file path or an internal message — for pages, routes and actions. */

const LEAKS =
  /\n\s+at \S+ \(|\/work\/|node_modules|\.next-e2e|webpack-internal|at async |TypeError|SyntaxError|ECONNREFUSED|duplicate key|relation "/i;

test('errors: 404s, malformed requests and unknown action ids answer calmly, without stack traces or paths', async () => {
  const signedIn = await Client.signedInAs(await createPerson());
  const probes: [string, string, RequestInit & { headers?: Record<string, string> }][] = [
    ['404 page', '/no-such-page', {}],
    ['404 page, Flight', '/no-such-page', { headers: { rsc: '1' } }],
    ['404 api', '/api/no-such-route', {}],
    ['bad percent-encoding', '/dashboard/%E0%A4%A', {}],
    ['bad percent-encoding, api', '/api/organizations/%E0%A4%A/tasks', {}],
    ['bad uuid task', '/dashboard/nobody/tasks/not-a-uuid', {}],
    ['bad query', '/api/organizations/nobody/tasks?page=-1&sort=%00', {}],
    [
      'unknown action id',
      '/',
      {
        method: 'POST',
        headers: { 'next-action': 'deadbeef'.repeat(5) + 'ab', 'content-type': 'text/plain;charset=UTF-8' },
        body: '[{}]',
      },
    ],
    [
      'malformed action id',
      '/',
      {
        method: 'POST',
        headers: { 'next-action': '../../etc/passwd', 'content-type': 'text/plain;charset=UTF-8' },
        body: '[{}]',
      },
    ],
    [
      'malformed multipart',
      '/',
      {
        method: 'POST',
        headers: { 'next-action': 'deadbeef'.repeat(5) + 'ab', 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x\r\nbroken',
      },
    ],
    ['huge cookie', '/', { headers: { cookie: `a=${'x'.repeat(7000)}` } }],
    ['bad method', '/api/health', { method: 'DELETE' }],
  ];
  for (const [label, url, init] of probes) {
    for (const client of [new Client(), signedIn, forgedSessionClient()]) {
      const response = await client.fetch(url, init);
      const body = await response.text();
      expect(body, `${label} (${response.status})`).not.toMatch(LEAKS);
      expect(response.headers.get('x-powered-by'), label).toBeNull();
    }
  }
});

test('errors: the 404 page is the calm, translated one', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.content()).not.toMatch(LEAKS);
});
