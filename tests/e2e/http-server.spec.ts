import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { e2eDatabaseUrl, e2eUploadsDir } from '../../playwright.config';
import { findFreePort } from '../../src/platform/net/ports';
import { SESSION_COOKIE, createAccount, expect, sessionCookieValue, test } from './fixtures';

/**
 * What our HTTP server (scripts/serve.ts) adds in front of Next.js, proven on
 * the production build. Forged forwarding headers and shutdown are tried on a
 * server of this file's own, started as a container would start it, with the
 * default configuration (no proxy trusted) on the suite's database.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request from a loopback address of our choosing (127.0.0.N): per-address
 * limits then count these requests apart from the rest of the suite's.
 */
function send(
  port: number,
  {
    path: target,
    method = 'GET',
    headers = {},
    body,
    localAddress,
  }: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer[] | (() => AsyncIterable<Buffer>);
    localAddress?: string;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: target, method, headers, localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    void (async () => {
      for await (const chunk of typeof body === 'function' ? body() : (body ?? [])) request.write(chunk);
      request.end();
    })().catch(reject);
  });
}

/** A visitor's CSRF cookie and token, as a page would hold them. */
async function csrfFor(port: number, localAddress: string) {
  const answer = await send(port, { path: '/api/csrf', localAddress });
  const cookie = (answer.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  return { cookie, token: (JSON.parse(answer.body) as { token: string }).token };
}

function postClientError(
  port: number,
  localAddress: string,
  csrf: { cookie: string; token: string },
  extra: { headers?: Record<string, string>; body?: () => AsyncIterable<Buffer> } = {},
) {
  return send(port, {
    path: '/api/client-errors',
    method: 'POST',
    localAddress,
    headers: {
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${port}`,
      cookie: csrf.cookie,
      'x-csrf-token': csrf.token,
      ...extra.headers,
    },
    body:
      extra.body ??
      async function* () {
        yield Buffer.from(JSON.stringify({ message: 'from the http-server spec', url: '/' }));
      },
  });
}

/** A loopback address nobody else in this run uses. */
let addressesSoFar = 2 + Math.floor(Math.random() * 200);
const freshAddress = () => `127.0.0.${addressesSoFar++}`;

test.describe.serial('our HTTP server, on its own instance', () => {
  let server: ChildProcess;
  let port = 0;
  let exit: Promise<number | null>;

  test.beforeAll(async () => {
    // A second production server starting on a busy machine (CI) can take a while.
    test.setTimeout(120_000);
    port = await findFreePort();
    server = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'serve.ts')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: e2eDatabaseUrl,
        STORAGE_DIR: e2eUploadsDir,
        EMAIL_TRANSPORT: 'mailbox',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: '',
        SHUTDOWN_GRACE_SECONDS: '10',
      },
    });
    exit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    await expect(async () => expect((await send(port, { path: '/api/health' })).status).toBe(200)).toPass({
      timeout: 110_000,
    });
  });

  test.afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  test('a forged X-Forwarded-For does not change the rate-limit key: the 31st to 35th calls get 429', async () => {
    const address = freshAddress();
    const csrf = await csrfFor(port, address);
    const statuses: number[] = [];
    for (let call = 1; call <= 35; call++) {
      const answer = await postClientError(port, address, csrf, {
        headers: { 'x-forwarded-for': `198.51.100.${call}`, 'x-real-ip': `198.51.100.${call}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(204));
    expect(statuses.slice(30)).toEqual(Array(5).fill(429));
  });

  test('a body over the server-action limit gets 413 and the error envelope, with a Content-Length or chunked; a small one an uncacheable answer', async () => {
    // The contact form's action, as its page names it for posting before JavaScript runs.
    const contactPage = (await send(port, { path: '/contact' })).body;
    const actionId = /name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(contactPage)?.[1];
    expect(actionId).toBeTruthy();
    const sevenMegabytes = Buffer.alloc(7 * 1024 * 1024, 'a');
    const multipart = { 'content-type': 'multipart/form-data; boundary=keel', origin: `http://127.0.0.1:${port}` };
    const fetched = { ...multipart, 'next-action': actionId!, accept: 'text/x-component' };
    const declared = await send(port, {
      path: '/contact',
      method: 'POST',
      headers: { ...fetched, 'content-length': String(sevenMegabytes.length) },
      body: [sevenMegabytes],
    });
    const chunked = await send(port, { path: '/contact', method: 'POST', headers: fetched, body: [sevenMegabytes] });
    // A form posted before JavaScript runs has no Next-Action header.
    const plain = await send(port, {
      path: '/contact',
      method: 'POST',
      headers: { ...multipart, 'accept-language': 'es' },
      body: [sevenMegabytes],
    });
    for (const answer of [declared, chunked, plain]) {
      expect(answer.status).toBe(413);
      expect(answer.headers['cache-control']).toBe('private, no-store');
      expect(JSON.parse(answer.body).error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        status: 413,
        requestId: answer.headers['x-request-id'],
      });
    }
    expect(JSON.parse(declared.body).error.message).toBe('What you sent is too large (the limit is 6 MB).');
    expect(JSON.parse(plain.body).error.message).toBe('Lo que enviaste es demasiado grande (el límite es 6 MB).');

    // A small call reaches the action (which refuses it: no CSRF token). Next.js gives an action's
    // Flight answer a Cache-Control of its own, over proxy.ts's: no-store too, so no cache keeps it.
    const small = await send(port, {
      path: '/contact',
      method: 'POST',
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        origin: `http://127.0.0.1:${port}`,
        'next-action': actionId!,
        accept: 'text/x-component',
      },
      body: [Buffer.from('[]')],
    });
    expect(small.status).toBe(200);
    expect(small.headers['content-type']).toContain('text/x-component');
    expect(small.headers['cache-control']).toContain('no-store');
  });

  test('SIGTERM with 20 requests in flight: all finish with 200, new connections are refused, the process exits 0', async () => {
    const address = freshAddress();
    const csrf = await csrfFor(port, address);
    // Each body arrives in two halves, the second only after the signal: the requests are mid-way when it comes.
    let releaseSecondHalves: () => void = () => undefined;
    const secondHalves = new Promise<void>((resolve) => (releaseSecondHalves = resolve));
    const json = JSON.stringify({ message: 'in flight during a shutdown', url: '/' });
    const inFlight = Array.from({ length: 20 }, () =>
      postClientError(port, address, csrf, {
        headers: { 'content-length': String(json.length) },
        body: async function* () {
          yield Buffer.from(json.slice(0, 10));
          await secondHalves;
          yield Buffer.from(json.slice(10));
        },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const signalled = Date.now();
    server.kill('SIGTERM');
    await expect(async () => {
      await expect(send(port, { path: '/api/health' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }).toPass({ timeout: 5_000 });
    releaseSecondHalves();

    const answers = await Promise.all(inFlight);
    // The route answers 204 No Content: a success, like 200.
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(204));
    expect(await exit).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
  });
});

test('personal pages are private and uncacheable in every representation: HTML, Flight, prefetches, redirects, API', async ({
  request,
}) => {
  const owner = await createAccount();
  const cookie = `${SESSION_COOKIE}=${await sessionCookieValue(owner)}`;
  const dashboard = `/dashboard/${owner.organization.slug}`;
  const variants: Record<string, Record<string, string>> = {
    html: {},
    flight: { rsc: '1' },
    prefetch: { rsc: '1', 'next-router-prefetch': '1' },
    'segment prefetch': { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' },
  };
  for (const [name, headers] of Object.entries(variants)) {
    // Next.js may first redirect an RSC request to its own cache-busting `_rsc` value: followed.
    const answer = await request.get(`${dashboard}${headers.rsc ? '?_rsc=abc12' : ''}`, {
      headers: { ...headers, cookie },
    });
    expect(answer.status(), name).toBe(200);
    if (headers.rsc) expect(answer.headers()['content-type'], name).toContain('text/x-component');
    expect(answer.headers()['cache-control'], name).toBe('private, no-store');
  }
  const signedOut = await request.get(`${dashboard}?_rsc=abc12`, { headers: { rsc: '1' }, maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()['cache-control']).toBe('private, no-store');
  expect((await request.get('/api/csrf')).headers()['cache-control']).toBe('private, no-store');
});
