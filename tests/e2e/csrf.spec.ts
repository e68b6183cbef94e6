import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { queryDatabase } from './support';

/**
 * Another site (a server on 127.0.0.1, a different origin from localhost)
 * serves a page that submits a form to Keel — the classic CSRF attack.
 */
test('a forged cross-site POST is refused with 403 CSRF_TOKEN_INVALID', async ({ page, baseURL }) => {
  const email = `forged-${Date.now()}@example.com`;
  const evil = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><form id="f" method="post" action="${baseURL}/contact">
      <input name="name" value="Forger"><input name="email" value="${email}"><input name="message" value="Forged message text">
    </form><button onclick="document.getElementById('f').submit()">win a prize</button>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;

  try {
    // Visit Keel first, so the browser holds its cookies like a real victim.
    await page.goto('/');
    await page.goto(evilUrl);
    const [answer] = await Promise.all([
      page.waitForResponse(
        (response) => response.url() === `${baseURL}/contact` && response.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'win a prize' }).click(),
    ]);
    expect(answer.status()).toBe(403);
    expect((await answer.json()).error.code).toBe('CSRF_TOKEN_INVALID');
    expect(await queryDatabase('select count(*)::int as n from contact_requests where email = $1', [email])).toEqual([
      { n: 0 },
    ]);
  } finally {
    evil.close();
  }
});

test('an API route refuses a state-changing request without a token, and accepts one with it', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  const withoutToken = await page.request.post(`${baseURL}/api/client-errors`, { data: { message: 'x', url: 'y' } });
  expect(withoutToken.status()).toBe(403);
  expect((await withoutToken.json()).error).toMatchObject({
    code: 'CSRF_TOKEN_INVALID',
    docs: 'docs/security/csrf.md',
  });

  // The page's own fetch helper sends the token it was given.
  const status = await page.evaluate(async () => {
    const { token } = await (await fetch('/api/csrf')).json();
    const response = await fetch('/api/client-errors', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ message: 'reported from the e2e suite', url: location.href }),
    });
    return response.status;
  });
  expect(status).toBe(204);
});
