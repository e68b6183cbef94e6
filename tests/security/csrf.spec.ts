import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { queryDatabase } from '../e2e/support';
import { Client, actionId, forgedSessionClient } from './attacker';

/**
 * CSRF in the variants a real attacker has: a valid token carried from another
 * site, forged origins, and the bodies an HTML form can send across sites
 * (urlencoded, multipart, text/plain) from a page on another origin, in Chromium.
 */

const contactAction = 'src/features/contact/server/actions.ts#sendContactRequest';

test('CSRF: a valid token sent with a cross-site or null Origin, or Sec-Fetch-Site cross-site, is refused on actions and routes', async () => {
  const variants: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];
  for (const headers of variants) {
    const client = new Client(headers);
    const email = `csrf-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
    const answer = await client.action(actionId(contactAction), {
      name: 'Forger',
      email,
      message: 'A forged message, long enough.',
    });
    expect(answer.status, JSON.stringify(headers)).toBe(403);
    expect(answer.code, JSON.stringify(headers)).toBe('CSRF_TOKEN_INVALID');
    expect(await queryDatabase('select 1 from contact_requests where email = $1', [email])).toEqual([]);

    const token = await client.csrfToken();
    const route = await client.fetch('/api/client-errors', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ message: 'forged', url: 'x' }),
    });
    expect(route.status, JSON.stringify(headers)).toBe(403);
  }
  // The same signed-in action with a forged Origin: refused before it runs.
  const signedIn = forgedSessionClient({ origin: 'https://evil.example' });
  expect(
    (await signedIn.action(actionId('src/features/auth/server/profile-actions.ts#saveProfile'), { name: 'x' })).code,
  ).toBe('CSRF_TOKEN_INVALID');
});

test('CSRF: forms on another site (urlencoded, multipart with an action id, text/plain, and from a sandboxed null-origin frame) are refused in Chromium', async ({
  page,
  baseURL,
}) => {
  const email = `forged-${Date.now()}@example.com`;
  const id = actionId(contactAction);
  const fields = `<input name="name" value="Forger"><input name="email" value="${email}"><input name="message" value="Forged message text here">`;
  const forms: Record<string, string> = {
    urlencoded: `<form method="post" action="${baseURL}/contact">${fields}</form>`,
    multipart: `<form method="post" enctype="multipart/form-data" action="${baseURL}/contact"><input name="$ACTION_ID_${id}">${fields}</form>`,
    textplain: `<form method="post" enctype="text/plain" action="${baseURL}/api/client-errors"><input name='{"message":"x","url":"' value='y"}'></form>`,
    // An opaque origin (Origin: null); it submits into the top window, as Keel's pages refuse to be framed.
    sandboxed: `<iframe sandbox="allow-forms allow-scripts allow-top-navigation" srcdoc="${`<form method='post' target='_top' action='${baseURL}/contact'>${fields.replaceAll('"', "'")}</form><script>document.forms[0].submit()</script>`}"></iframe>`,
  };
  const evil = http.createServer((request, response) => {
    const kind = request.url!.slice(1);
    response.setHeader('content-type', 'text/html');
    const autoSubmit = kind === 'sandboxed' ? '' : '<script>document.forms[0].submit()</script>';
    response.end(`<!doctype html>${forms[kind] ?? ''}${autoSubmit}`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  try {
    await page.goto('/'); // the victim holds Keel's cookies
    for (const kind of Object.keys(forms)) {
      const [answer] = await Promise.all([
        page.waitForResponse(
          (response) => response.url().startsWith(baseURL!) && response.request().method() === 'POST',
        ),
        page.goto(`${evilOrigin}/${kind}`),
      ]);
      expect(answer.status(), kind).toBe(403);
      expect((await answer.json()).error.code, kind).toBe('CSRF_TOKEN_INVALID');
    }
    expect(await queryDatabase('select 1 from contact_requests where email = $1', [email])).toEqual([]);
  } finally {
    evil.close();
  }
});
