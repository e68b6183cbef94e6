import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test('no server secret reaches the files sent to browsers', async () => {
  const canary = process.env.E2E_SECRET_CANARY;
  expect(canary, 'scripts/e2e.ts builds with a canary APP_SECRET').toMatch(/^e2e-canary-|.{32,}/);
  const files = await filesUnder(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'static'));
  const clientCode = files.filter((file) => /\.(js|css|json|html|txt|map)$/.test(file));
  expect(clientCode.length).toBeGreaterThan(5);

  let sawClientCode = false;
  const leaks: string[] = [];
  for (const file of clientCode) {
    const text = await readFile(file, 'utf8');
    if (text.includes('x-csrf-token')) sawClientCode = true; // proves the scan reads real client bundles
    if (text.includes(canary!)) leaks.push(path.relative(process.cwd(), file));
  }
  expect(sawClientCode).toBe(true);
  expect(leaks).toEqual([]);
});

test('the configuration validator stays on the server (page weight)', async () => {
  const files = (await filesUnder(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'static'))).filter(
    (file) => file.endsWith('.js'),
  );
  const shipped = [];
  for (const file of files) {
    // A message only src/platform/config/env-schema.ts contains.
    if (
      (await readFile(file, 'utf8')).includes('must be \\"true\\" or \\"false\\"') ||
      (await readFile(file, 'utf8')).includes(`must be "true" or "false"`)
    )
      shipped.push(path.relative(process.cwd(), file));
  }
  expect(shipped).toEqual([]);
});
