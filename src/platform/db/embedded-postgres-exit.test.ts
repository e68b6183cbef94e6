import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const launcher = path.resolve(import.meta.dirname, 'embedded-postgres.ts');

it('keeps a failing exit code: importing the launcher must not turn a failed run into a success', () => {
  // What `vitest run` does after a failed test: set process.exitCode and let the event loop drain.
  const script = `await import(${JSON.stringify(launcher)}); process.exitCode = 3;`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(3);
});
