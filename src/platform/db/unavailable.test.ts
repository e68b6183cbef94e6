import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '@/platform/net/ports';
import { isDatabaseUnavailable } from './unavailable';

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
      const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${await findFreePort()}/keel` });
      await client.connect();
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
  });

  it('recognises a connection the server cut (a restart) and one that could not be made in time', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
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
