import { createHmac } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/platform/net/ports';

/**
 * The app's pool points at a port where, at first, a server accepts
 * connections and never answers — a database that hangs, the worst case for a
 * health check. Then a relay to the real test database appears on that
 * port, as when the database comes back, and health must recover by itself.
 */
const realUrl = new URL(process.env.DATABASE_URL!);
let relay: net.Server | null = null;
let routes: {
  health: typeof import('@/app/api/health/route');
  tasks: typeof import('@/app/api/organizations/[organization]/tasks/route');
};
let port = 0;

beforeAll(async () => {
  port = await findFreePort();
  const downUrl = new URL(realUrl);
  downUrl.port = String(port);
  process.env.DATABASE_URL = downUrl.toString();
  // Imported here, after DATABASE_URL is set, and outside the test's time limit (the tasks route brings a lot).
  routes = {
    health: await import('@/app/api/health/route'),
    tasks: await import('@/app/api/organizations/[organization]/tasks/route'),
  };
});

afterAll(async () => {
  const { closeDatabase } = await import('@/platform/db/client');
  await closeDatabase();
  await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(null)));
});

function startRelay() {
  relay = net.createServer((client) => {
    const upstream = net.connect(Number(realUrl.port), realUrl.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise<void>((resolve) => relay!.listen(port, '127.0.0.1', () => resolve()));
}

describe('GET /api/health', () => {
  it('answers 503 within 5 seconds while the database is down, as do routes that need it, then 200 once it is back, without a restart', async () => {
    const call = () =>
      routes.health.GET(new Request('http://localhost:3000/api/health'), { params: Promise.resolve({}) });
    // A session cookie signed as better-auth signs it (HMAC-SHA256, base64), so the route must ask the
    // database whose session it is: an unsigned one would be refused before any query.
    const token = 'a-session-token-the-database-would-know';
    const signature = createHmac('sha256', process.env.APP_SECRET!).update(token).digest('base64');
    const callTasks = () =>
      routes.tasks.GET(
        new Request('http://localhost:3000/api/organizations/acme/tasks', {
          headers: { cookie: `keel.session_token=${encodeURIComponent(`${token}.${signature}`)}` },
        }),
        {
          params: Promise.resolve({ organization: 'acme' }),
        },
      );

    const held: net.Socket[] = [];
    const blackHole = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(port, '127.0.0.1', () => resolve()));
    const began = Date.now();
    const down = await call();
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'degraded', database: { status: 'unreachable' } });

    // Meanwhile a route that needs the database (here to read the session) answers too: a 503 with the
    // error envelope and when to retry, not a hang and not a 500
    // (docs/operations/health-and-logging.md#when-the-database-restarts).
    const tasksBegan = Date.now();
    const tasks = await callTasks();
    held.forEach((socket) => socket.destroy());
    await new Promise((resolve) => blackHole.close(resolve));
    expect(Date.now() - tasksBegan).toBeLessThan(5_000);
    expect(tasks.status).toBe(503);
    expect(tasks.headers.get('retry-after')).toBe('5');
    expect(await tasks.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) } });

    await startRelay();
    const up = await call();
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } });
    expect(up.headers.get('cache-control')).toBe('private, no-store');
    // The route's pool made new connections by itself: without a session it now answers as usual.
    expect((await callTasks()).status).toBe(401);
  });

  it('answers 503 "draining" once the server is shutting down, so load balancers send new requests elsewhere', async () => {
    const { GET } = await import('@/app/api/health/route');
    const { startDraining } = await import('@/platform/server/lifecycle');
    startDraining();
    const answer = await GET(new Request('http://localhost:3000/api/health'), { params: Promise.resolve({}) });
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ status: 'draining' });
  });
});
