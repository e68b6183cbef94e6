import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from './support/app-process';
import { startTestDatabase, type TestDatabase } from './support/database';
import { HttpVisitor } from './support/http-visitor';
import { createMembers, signIn, type Member } from './support/world';

/**
 * Two instances of the app on one PostgreSQL, as a load balancer would run
 * them: nothing a request needs lives in one process's memory, so a visitor's
 * requests may land on either. Sessions, CSRF tokens (signed with the shared
 * APP_SECRET, bound to the visitor's cookie) and rate-limit counters
 * (PostgreSQL rows) must all hold across them.
 */
let database: TestDatabase;
let a: AppProcess;
let b: AppProcess;
let member: Member;

beforeAll(async () => {
  database = await startTestDatabase();
  [member] = (await createMembers(database, 1)) as [Member];
  // One after the other: both apply migrations at start (they queue on an advisory lock anyway).
  a = await startApp({ databaseUrl: database.url });
  b = await startApp({ databaseUrl: database.url });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.dispose();
});

describe('two instances on one database', () => {
  it('a session made on A is signed in on B, and signing out on B ends it on A', async () => {
    const visitor = new HttpVisitor(a.url);
    await signIn(visitor, member, a.url);

    const onB = await visitor.request(`/dashboard/${member.slug}`, { baseUrl: b.url });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(`Team ${member.slug.slice('team-'.length)}`);

    const signedOut = await visitor.action(
      '/dashboard',
      'src/features/auth/server/sign-in-actions.ts',
      'signOut',
      {},
      { baseUrl: b.url },
    );
    expect(signedOut.redirect).toBeTruthy();
    const onA = await visitor.request(`/dashboard/${member.slug}`, { baseUrl: a.url });
    expect(onA.status).toBe(307);
    expect(onA.headers.get('location')).toContain('/auth/sign-in');
  });

  it('a CSRF token minted by A is accepted by B, and a forged one is refused by both', async () => {
    const visitor = new HttpVisitor(a.url);
    const token = await visitor.csrfToken(a.url);
    const report = (baseUrl: string, csrf: string) =>
      visitor.request('/api/client-errors', {
        baseUrl,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ message: 'reported by the several-instances test', url: `${baseUrl}/` }),
      });
    expect((await report(b.url, token)).status).toBe(204);
    const forged = `${token.slice(0, -4)}AAAA`;
    for (const instance of [a, b]) {
      const refused = await report(instance.url, forged);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CSRF_TOKEN_INVALID');
    }
  });

  it('a rate limit is counted across instances: 30 a minute, 15 on each, the 31st refused on either', async () => {
    // The same client address on both instances; a fresh visitor (its own CSRF cookie) for each call
    // shows the count is per client, not per visitor.
    await database.query(`delete from rate_limit_buckets`);
    const report = async (instance: AppProcess) => {
      const visitor = new HttpVisitor(instance.url);
      return visitor.request('/api/client-errors', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': await visitor.csrfToken() },
        body: JSON.stringify({ message: 'counted across instances', url: `${instance.url}/` }),
      });
    };
    const statuses: number[] = [];
    for (let call = 0; call < 30; call += 1) statuses.push((await report(call % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual(Array(30).fill(204));
    for (const instance of [a, b]) {
      const refused = await report(instance);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    }
  });
});
