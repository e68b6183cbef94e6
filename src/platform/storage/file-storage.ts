/**
 * Where uploaded files live. Code stores and reads files through this
 * interface only, by key ("avatars/3f9c….webp"), so the place can change —
 * local disk today, an S3-compatible bucket later — without touching callers.
 */
export interface StoredFile {
  body: Buffer;
  contentType: string;
}

export interface FileStorage {
  /** Writes the file, replacing any file with the same key. */
  put(key: string, body: Buffer, options: { contentType: string }): Promise<void>;
  /** The file, or null when there is none with this key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are slash-separated segments of letters, digits, dots, dashes and
 * underscores, none starting with a dot: no "..", no absolute paths, nothing a
 * disk or a bucket could read as something else.
 */
const KEY_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function assertValidKey(key: string) {
  if (key.length > 256 || !KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** The content types Keel stores, by file extension (the local disk keeps no metadata beside the bytes). */
const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
};

export function contentTypeOfKey(key: string): string | null {
  const extension = key.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? null;
}
