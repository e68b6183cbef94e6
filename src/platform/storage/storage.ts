import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';
import { S3Storage } from './s3-storage';

export type { FileStorage } from './file-storage';

let storage: FileStorage | undefined;

/**
 * The application's file storage, chosen by STORAGE_DRIVER: a folder on this
 * machine (STORAGE_DIR, the default) or an S3-compatible bucket (S3_*; see
 * docs/operations/file-storage.md). To keep files elsewhere, write a class
 * implementing FileStorage (put/get/delete by key) and return it here.
 */
export function getStorage(): FileStorage {
  if (storage) return storage;
  const config = getServerConfig().storage;
  storage = config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(config.dir);
  return storage;
}
