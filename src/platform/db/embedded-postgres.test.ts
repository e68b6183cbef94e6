import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/platform/net/ports';
import { startEmbeddedPostgres } from './embedded-postgres';

/** A real second server, in a temporary directory, to prove the start/stop rules. */
const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keel-embedded-'));
await fs.chmod(root, 0o755);
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('says what to do when its port is taken by another program', async () => {
    const port = await findFreePort();
    const squatter = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      await expect(
        startEmbeddedPostgres({ dir: path.join(root, 'busy'), port, database: 'keel', log: () => undefined }),
      ).rejects.toThrow(
        new RegExp(
          `Port ${port} is already in use[\\s\\S]*EMBEDDED_POSTGRES_PORT=${port + 1} npm run dev[\\s\\S]*DATABASE_URL=`,
        ),
      );
    } finally {
      squatter.close();
    }
  });

  it('starts, keeps data across restarts, lets a second command share it, and replaces a server left behind', async () => {
    const dir = path.join(root, 'data');
    const port = await findFreePort();
    const options = { dir, port, database: 'keel', log: () => undefined };

    const first = await startEmbeddedPostgres(options);
    expect(first.owner).toBe(true);
    await query(first.url, 'create table kept (value text); insert into kept values ($$still here$$)');

    // While the owner runs, another command (db:seed during dev) shares the server.
    const second = await startEmbeddedPostgres(options);
    expect(second.owner).toBe(false);
    await second.stop();
    // A command that asks for another port is told so; it must not stop the running server.
    await expect(startEmbeddedPostgres({ ...options, port: port + 1 })).rejects.toThrow(
      `already running on port ${port}`,
    );
    expect(await query(first.url, 'select value from kept')).toEqual([{ value: 'still here' }]);

    // The owner "dies" without stopping PostgreSQL (kill -9): the server keeps running, orphaned.
    const postmasterPid = Number((await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    await fs.writeFile(`${dir}.owner`, '999999');
    const logs: string[] = [];
    const third = await startEmbeddedPostgres({ ...options, log: (message) => logs.push(message) });
    expect(third.owner).toBe(true);
    expect(logs.join('\n')).toContain(`left running from an earlier run (pid ${postmasterPid})`);
    expect(() => process.kill(postmasterPid, 0)).toThrow();
    expect(await query(third.url, 'select value from kept')).toEqual([{ value: 'still here' }]);

    await third.stop();
    await expect(fs.access(path.join(dir, 'postmaster.pid'))).rejects.toThrow();
  }, 60_000);
});
