import { DrizzleQueryError } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '@/platform/net/ports';
import { isDatabaseUnavailable, markFromDatabase } from './unavailable';

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('isDatabaseUnavailable', () => {
  it('recognises a database that refuses connections, also when wrapped (as Drizzle wraps driver errors)', async () => {
    const refused = await errorOf(async () => {
      const client = new pg.Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${await findFreePort()}/keel`,
      });
      await client.connect();
    });
    // Raised by our pool's connect (marked there) or inside a Drizzle query error.
    expect(isDatabaseUnavailable(markFromDatabase(refused))).toBe(true);
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], refused as Error))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('Failed transaction', { cause: new DrizzleQueryError('select 1', [], refused as Error) }),
      ),
    ).toBe(true);
  });

  it('recognises them raised by another bundled copy of Drizzle, wrapped by better-auth', async () => {
    const refused = await errorOf(async () => {
      const client = new pg.Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${await findFreePort()}/keel`,
      });
      await client.connect();
    });
    // Another copy's DrizzleQueryError: the same shape, another class (what a session read raised in a route).
    const otherCopy = Object.assign(new Error('Failed query: select 1\nparams: ', { cause: refused }), {
      query: 'select 1',
      params: [],
    });
    expect(isDatabaseUnavailable(new Error('Failed to get session', { cause: otherCopy }))).toBe(true);
  });

  it('recognises a connection the server cut (a restart) and one that could not be made in time', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('recognises a refused connection from the app pool, also in a transaction (which Drizzle does not wrap)', async () => {
    const realUrl = process.env.DATABASE_URL!;
    const downUrl = new URL(realUrl);
    downUrl.port = String(await findFreePort());
    process.env.DATABASE_URL = downUrl.toString();
    const { closeDatabase, db, getPool } = await import('./client');
    try {
      expect(isDatabaseUnavailable(await errorOf(() => getPool().connect()))).toBe(true);
      expect(isDatabaseUnavailable(await errorOf(() => db.transaction(async () => undefined)))).toBe(true);
      expect(isDatabaseUnavailable(await errorOf(() => getPool().query('select 1')))).toBe(true);
    } finally {
      await closeDatabase();
      process.env.DATABASE_URL = realUrl;
    }
  });

  it('does not take a network error from another dependency (S3, OAuth, fetch) for the database', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(isDatabaseUnavailable(reset)).toBe(false);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('S3 upload failed', { cause: reset }), { name: 'S3ServiceException' }),
      ),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('getaddrinfo EAI_AGAIN oauth.example'), { code: 'EAI_AGAIN' })),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(
        new TypeError('fetch failed', { cause: Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }) }),
      ),
    ).toBe(false);
  });

  it('leaves other failures alone: they are bugs or refusals, not an outage', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    try {
      const syntax = await errorOf(() => pool.query('selec 1'));
      expect(isDatabaseUnavailable(syntax)).toBe(false);
      const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
      expect(isDatabaseUnavailable(new Error('Failed query', { cause: unique }))).toBe(false);
      expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
      expect(isDatabaseUnavailable('a string')).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
