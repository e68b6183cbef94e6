import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, contentTypeOfKey, type FileStorage } from './file-storage';

/**
 * Files in a folder on this machine (STORAGE_DIR, `.data/uploads` by default).
 * Right for one server with a persistent disk; several instances need a shared
 * store instead (an S3-compatible adapter implementing the same interface).
 * The content type follows from the key's extension, so only known
 * extensions are accepted.
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string) {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Buffer, { contentType }: { contentType: string }) {
    const target = this.pathOf(key);
    if (contentTypeOfKey(key) !== contentType)
      throw new Error(`The key ${key} does not match the content type ${contentType}.`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written beside the target, then renamed: a reader never sees half a file.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temporary, body, { mode: 0o644 });
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string) {
    assertValidKey(key);
    const contentType = contentTypeOfKey(key);
    if (!contentType) return null;
    try {
      return { body: await fs.readFile(this.pathOf(key)), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string) {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
