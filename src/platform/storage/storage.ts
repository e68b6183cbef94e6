import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

export type { FileStorage, StoredFile } from './file-storage';

let storage: FileStorage | undefined;

/**
 * The application's file storage. To keep files elsewhere, write a class
 * implementing FileStorage (put/get/delete by key) and return it here.
 */
export function getStorage(): FileStorage {
  return (storage ??= new LocalDiskStorage(getServerConfig().storage.dir));
}
