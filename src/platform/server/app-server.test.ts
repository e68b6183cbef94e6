import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isPrivateAddress } from './forwarding';
import { isDraining } from './lifecycle';
import { createAppServer, type AppServer, type AppServerOptions } from './app-server';

/**
 * Our HTTP server with a stand-in for Next.js that echoes what reached it
 * (headers, body size) or holds the request for a while.
 */
const LIMIT = 64 * 1024;
const servers: AppServer[] = [];

afterEach(async () => {
  for (const { server } of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(overrides: Partial<AppServerOptions> = {}) {
  const echo = async (request: IncomingMessage, response: ServerResponse) => {
    let size = 0;
    for await (const chunk of request) size += (chunk as Buffer).byteLength;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        forwardedFor: request.headers['x-forwarded-for'] ?? null,
        realIp: request.headers['x-real-ip'] ?? null,
        host: request.headers['x-forwarded-host'] ?? null,
        size,
      }),
    );
  };
  const app = createAppServer({
    handle: echo,
    trustedProxies: 0,
    pageBodyLimitBytes: LIMIT,
    shutdownGraceMs: 5_000,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...overrides,
  });
  servers.push(app);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  return { ...app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** A raw request, so the body can be chunked (no Content-Length) and sent slowly. */
function post(url: string, path: string, chunks: Buffer[], headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      { method: 'POST', headers: { 'transfer-encoding': 'chunked', ...headers } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

/**
 * A request written straight to a socket, so that it can say exactly what the
 * client chooses: a raw path (dot segments kept) or a body in many tiny chunks.
 */
function raw(url: string, head: string, body: string | Buffer = '') {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => (text += data));
    socket.on('end', () => resolve({ status: Number(text.split(' ')[1]), text }));
    socket.on('error', reject);
    socket.write(`${head}\r\nhost: localhost\r\nconnection: close\r\n\r\n`);
    socket.end(body);
  });
}

/** A chunked body of `count` one-byte chunks. */
function tinyChunks(count: number) {
  return Buffer.from('1\r\nx\r\n'.repeat(count) + '0\r\n\r\n');
}

describe('the client address', () => {
  it('comes from the socket when no proxy is trusted, whatever forwarding headers the client sends', async () => {
    const { url } = await start();
    const seen = await (
      await fetch(`${url}/`, {
        headers: {
          'x-forwarded-for': '203.0.113.9, 198.51.100.4',
          'x-real-ip': '203.0.113.9',
          'x-forwarded-host': 'evil.example',
        },
      })
    ).json();
    expect(seen).toMatchObject({ forwardedFor: '127.0.0.1', realIp: '127.0.0.1', host: null });
  });

  it('with TRUST_PROXY unset, warns once when a private address forwards X-Forwarded-For (a proxy nobody declared)', async () => {
    const warnings: unknown[] = [];
    const { url } = await start({
      log: { info: () => undefined, error: () => undefined, warn: (message: unknown) => warnings.push(message) },
    });
    await fetch(`${url}/`);
    expect(warnings).toEqual([]);
    for (let i = 0; i < 3; i += 1) await fetch(`${url}/`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0])).toContain('TRUST_PROXY');
    expect(String(warnings[0])).toContain('docs/security/rate-limits-and-proxies.md');
  });

  it('counts loopback and private ranges as private, public addresses not', () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '::1',
      '::ffff:10.0.0.1',
      'fd12:3456::1',
      'fc00::1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['172.32.0.1', '203.0.113.9', '::ffff:8.8.8.8', '2001:db8::1', 'fe80::1'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('with TRUST_PROXY=1 keeps exactly the hop the proxy appended', async () => {
    const { url } = await start({ trustedProxies: 1 });
    const seen = await (await fetch(`${url}/`, { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' } })).json();
    expect(seen.forwardedFor).toBe('198.51.100.4');
    // Reached without the proxy (no header at all): the socket.
    expect((await (await fetch(`${url}/`)).json()).forwardedFor).toBe('127.0.0.1');
  });
});

describe('bodies over the page limit', () => {
  const tooLarge = [Buffer.alloc(LIMIT / 2), Buffer.alloc(LIMIT / 2), Buffer.alloc(1024)];

  it('answer 413 with the error envelope, with a Content-Length or chunked', async () => {
    const { url } = await start();
    const declared = await post(url, '/settings/profile', [Buffer.concat(tooLarge)], {
      'transfer-encoding': '',
      'content-length': String(LIMIT + 1024),
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(declared.status).toBe(413);
    expect(declared.headers['content-type']).toContain('application/json');
    expect(JSON.parse(declared.body).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      message: 'What you sent is too large (the limit is 64 KB).',
    });

    const chunked = await post(url, '/settings/profile', tooLarge, {
      'next-action': 'abc123',
      'accept-language': 'es',
    });
    expect(chunked.status).toBe(413);
    // A server action's client passes a text/plain body on to the caller (useAction reads the envelope from it).
    expect(chunked.headers['content-type']).toBe('text/plain');
    expect(JSON.parse(chunked.body).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Lo que enviaste es demasiado grande (el límite es 64 KB).',
    });
    expect(chunked.headers['x-request-id']).toBe(JSON.parse(chunked.body).error.requestId);
  });

  it('reach the app whole when they fit, chunked or not; API routes keep their own limits', async () => {
    const { url } = await start();
    const fits = [Buffer.alloc(LIMIT / 2), Buffer.alloc(LIMIT / 2)];
    expect(JSON.parse((await post(url, '/settings/profile', fits)).body).size).toBe(LIMIT);
    expect(JSON.parse((await post(url, '/api/client-errors', tooLarge)).body).size).toBe(LIMIT + 1024);
  });

  it('on a page reached through dot segments (/api/../dashboard) answer 413, not bare to Next.js', async () => {
    const { url } = await start();
    for (const path of ['/api/../dashboard', '/api/%2e%2e/dashboard', '/api/%2E./dashboard']) {
      const answer = await raw(
        url,
        `POST ${path} HTTP/1.1\r\nnext-action: abc123\r\ncontent-length: ${LIMIT + 1}`,
        Buffer.alloc(LIMIT + 1),
      );
      expect(answer.status, path).toBe(413);
      expect(answer.text).toContain('"code":"PAYLOAD_TOO_LARGE"');
    }
  });

  it('declared with "Expect: 100-continue" get 413 at once, before the client sends a byte; those that fit are let in', async () => {
    const { url } = await start();
    const refused = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (data: string) => (text += data));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      // Never sends the gigabyte: it waits for "100 Continue", as curl does.
      socket.write(
        `POST /settings/profile HTTP/1.1\r\nhost: localhost\r\nexpect: 100-continue\r\ncontent-length: ${1024 ** 3}\r\n\r\n`,
      );
    });
    expect(refused).toMatch(/^HTTP\/1\.1 413 /);
    expect(refused).not.toContain('100 Continue');
    expect(refused.toLowerCase()).toContain('connection: close');
    expect(refused).toContain('"code":"PAYLOAD_TOO_LARGE"');

    const accepted = await new Promise<string>((resolve, reject) => {
      const request = http.request(
        `${url}/settings/profile`,
        { method: 'POST', headers: { expect: '100-continue', 'content-length': '5' } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve(body));
        },
      );
      request.on('continue', () => request.end('hello'));
      request.on('error', reject);
    });
    expect(JSON.parse(accepted).size).toBe(5);
  });

  it('sent in many tiny chunks, are held as one buffer and replayed as one chunk; over the limit, 413', async () => {
    const chunksSeen: number[] = [];
    const { url } = await start({
      handle: (request, response) => {
        let chunks = 0;
        let size = 0;
        request.on('data', (chunk: Buffer) => ((chunks += 1), (size += chunk.byteLength)));
        request.on('end', () => {
          chunksSeen.push(chunks);
          response.end(String(size));
        });
      },
    });
    const head = 'POST /settings/profile HTTP/1.1\r\ntransfer-encoding: chunked';
    const fits = await raw(url, head, tinyChunks(5_000));
    expect(fits.status).toBe(200);
    expect(fits.text.endsWith('\r\n\r\n5000')).toBe(true);
    // One object for the whole body, whatever number of chunks it came in.
    expect(chunksSeen).toEqual([1]);

    const over = await raw(url, head, tinyChunks(LIMIT + 1));
    expect(over.status).toBe(413);
    expect(over.text).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(chunksSeen).toEqual([1]);
  });

  it('must arrive within a minute (a body trickled in cannot hold the server for long)', async () => {
    const { server } = await start();
    expect(server.requestTimeout).toBe(60_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(60_000);
  });
});

describe('shutting down', () => {
  it('lets 20 requests in flight finish, refuses new connections, and reports health as draining', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived = 0;
    const { url, shutdown } = await start({
      handle: async (_request, response) => {
        arrived += 1;
        await released;
        response.end('done');
      },
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const requests = Array.from(
      { length: 20 },
      () =>
        new Promise<{ status: number; connection: string | undefined }>((resolve, reject) =>
          http
            .get(`${url}/dashboard`, { agent }, (response) => {
              response.resume();
              response.on('end', () =>
                resolve({ status: response.statusCode!, connection: response.headers.connection }),
              );
            })
            .on('error', reject),
        ),
    );
    await expect.poll(() => arrived).toBe(20);

    const stopped = shutdown();
    expect(isDraining()).toBe(true);
    await expect(fetch(`${url}/`)).rejects.toThrow();
    release();

    const answers = await Promise.all(requests);
    expect(answers.every((answer) => answer.status === 200 && answer.connection === 'close')).toBe(true);
    await expect(stopped).resolves.toEqual({ cut: 0 });
    agent.destroy();
  });

  it('closes a kept-alive connection whose answer began before the drain, so no request follows the pool closing', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { url, shutdown } = await start({
      handle: async (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('started');
        await released;
        response.end();
      },
    });
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    const headersArrived = new Promise<void>((resolve) =>
      socket.on('data', (data: string) => ((text += data), text.includes('started') && resolve())),
    );
    socket.write('GET /stream HTTP/1.1\r\nhost: localhost\r\n\r\n');
    await headersArrived;
    expect(text.toLowerCase()).toContain('connection: keep-alive');

    const stopped = shutdown();
    release();
    await expect(stopped).resolves.toEqual({ cut: 0 });
    // A second request on the same connection is not served: the connection is closed.
    socket.write('GET /again HTTP/1.1\r\nhost: localhost\r\n\r\n');
    await closed;
    expect(text.match(/HTTP\/1\.1 200/g)).toHaveLength(1);
  });

  it('closes what is still running when the grace period ends', async () => {
    const { url, shutdown } = await start({ shutdownGraceMs: 200, handle: () => new Promise(() => undefined) });
    const hanging = fetch(`${url}/slow`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(shutdown()).resolves.toEqual({ cut: 1 });
    expect(await hanging).toBeInstanceOf(Error);
  });
});
