import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Local file storage of the test file's own (STORAGE_DIR, read when storage is
 * first used), removed after the file: call at the top of the file, before any
 * upload. Returns the folder, to look at what was stored.
 */
export async function setUpTemporaryStorage() {
  const storageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keel-storage-'));
  process.env.STORAGE_DIR = storageDir;
  afterAll(() => fs.rm(storageDir, { recursive: true, force: true }));
  return storageDir;
}
