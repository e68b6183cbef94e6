import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk-storage';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keel-storage-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe('local disk storage', () => {
  const storage = new LocalDiskStorage(root);

  it('stores, reads and deletes a file by key', async () => {
    await storage.put('avatars/abc.webp', Buffer.from('bytes'), { contentType: 'image/webp' });
    expect(await storage.get('avatars/abc.webp')).toEqual({ body: Buffer.from('bytes'), contentType: 'image/webp' });
    await storage.delete('avatars/abc.webp');
    expect(await storage.get('avatars/abc.webp')).toBeNull();
    await expect(storage.delete('avatars/abc.webp')).resolves.toBeUndefined();
    // No temporary files left behind.
    expect(await fs.readdir(path.join(root, 'avatars'))).toEqual([]);
  });

  it('refuses keys that could leave its folder or be read as something else', async () => {
    for (const key of [
      '../escape.webp',
      '/etc/passwd.webp',
      'a/../../b.webp',
      '.hidden.webp',
      'a//b.webp',
      'a\\b.webp',
      '',
    ]) {
      await expect(storage.put(key, Buffer.from('x'), { contentType: 'image/webp' })).rejects.toThrow(
        /Invalid storage key/,
      );
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
    }
  });

  it('refuses a content type that does not match the extension', async () => {
    await expect(storage.put('x/file.webp', Buffer.from('x'), { contentType: 'text/html' })).rejects.toThrow(
      /does not match/,
    );
    await expect(storage.put('x/file.html', Buffer.from('x'), { contentType: 'text/html' })).rejects.toThrow(
      /does not match/,
    );
  });
});
