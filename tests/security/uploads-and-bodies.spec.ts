import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { queryDatabase, waitForHydration } from '../e2e/support';
import { createOrganization, createPerson, sessionCookie } from '../e2e/fixtures';
import { Client, actionId } from './attacker';

/**
 * Hostile files through the real upload forms (Chromium, setInputFiles, each
 * claiming to be a PNG so the page's own checks let it through), then
 * oversized and malformed bodies sent straight to actions and routes.
 */

/** A PNG header claiming 50,000 × 50,000 pixels (2.5 gigapixels) in a few bytes. */
function pixelBomb() {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HOSTILE_FILES: { name: string; buffer: Buffer }[] = [
  {
    name: 'svg-with-script.png',
    buffer: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>',
    ),
  },
  {
    name: 'gif-javascript-polyglot.png',
    buffer: Buffer.from('GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=1;window.__xss=1;//'),
  },
  { name: 'html.png', buffer: Buffer.from('<!doctype html><script>window.__xss=1</script>') },
  { name: 'pixel-bomb.png', buffer: pixelBomb() },
  { name: 'truncated.png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]) },
];

async function uploadEach(page: Page, input: string) {
  await page.addInitScript(() => {
    window.addEventListener('DOMContentLoaded', () => ((window as unknown as { __xss?: number }).__xss = undefined));
  });
  for (const file of HOSTILE_FILES) {
    await waitForHydration(page, `input[name="${input}"]`);
    await page
      .locator(`input[name="${input}"]`)
      .setInputFiles({ name: file.name, mimeType: 'image/png', buffer: file.buffer });
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /image|PNG|read|pixels/i })
        .first(),
      file.name,
      // The server reads each file before refusing it (sharp, maybe on a busy runner): the refusal is the point.
    ).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), file.name).toBeUndefined();
    await page.reload();
  }
}

test('uploads: SVG with script, GIF/JS polyglot, HTML, a pixel bomb and a truncated image are refused by the avatar form', async ({
  context,
  page,
}) => {
  const person = await createPerson();
  await context.addCookies([await sessionCookie(person)]);
  await page.goto('/settings/profile');
  await uploadEach(page, 'avatar');
  expect(await queryDatabase('select image from users where id = $1', [person.id])).toEqual([{ image: null }]);
});

test('uploads: the same files are refused by the organization logo form', async ({ context, page }) => {
  const person = await createPerson();
  const organization = await createOrganization([[person, 'owner']]);
  await context.addCookies([await sessionCookie(person)]);
  await page.goto(`/dashboard/${organization.slug}/settings`);
  await uploadEach(page, 'logo');
  expect(await queryDatabase('select logo from organizations where id = $1', [organization.id])).toEqual([
    { logo: null },
  ]);
});

// Issue 12, item 9, fixed on another branch: an action body over Next's limit answers a bare 500 until merged.
test('bodies: a body over the server-action limit (7 MB) is refused with 413 and the error envelope', async () => {
  const client = await Client.signedInAs(await createPerson());
  const response = await client.fetch('/', {
    method: 'POST',
    headers: {
      'next-action': actionId('src/features/auth/server/profile-actions.ts#saveProfile'),
      'content-type': 'text/plain;charset=UTF-8',
    },
    body: JSON.stringify([{ name: 'x'.repeat(7 * 1024 * 1024) }]),
  });
  expect(response.status).toBe(413);
  expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
});

test('bodies: routes answer an oversized body 413, malformed JSON 400 and a wrong content type 415, each with the error envelope', async () => {
  const client = new Client();
  const token = await client.csrfToken();
  const post = (body: string, type: string) =>
    client.fetch('/api/client-errors', {
      method: 'POST',
      headers: { 'content-type': type, 'x-csrf-token': token },
      body,
    });
  for (const [body, type, status, code] of [
    [JSON.stringify({ message: 'x'.repeat(64 * 1024), url: 'x' }), 'application/json', 413, 'PAYLOAD_TOO_LARGE'],
    ['{"message": "x", "url": ', 'application/json', 400, 'BAD_REQUEST'],
    ['<xml/>', 'application/xml', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['["not", "an", "object"]', 'application/json', 400, 'VALIDATION_FAILED'],
  ] as const) {
    const response = await post(body, type);
    expect(response.status, `${type} ${body.slice(0, 20)}`).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  }
});

test('bodies: malformed action bodies (not JSON, wrong shape, a non-object) are refused without a server error', async () => {
  const client = await Client.signedInAs(await createPerson());
  const id = actionId('src/features/auth/server/profile-actions.ts#saveProfile');
  for (const body of ['{not json', '"a string"', '[null]', '[[1,2,3]]', '[{"name":{"$ne":1}}]']) {
    const response = await client.fetch('/', {
      method: 'POST',
      headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8' },
      body,
    });
    expect(response.status, body).toBeLessThan(500);
  }
});
