import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { logger } from '@/platform/logger';
import { toSquareWebp } from '@/platform/images/square-image';
import { getStorage } from '@/platform/storage/storage';
import { AVATAR_IMAGE } from '../avatar-rules';
import { users } from './schema';

/** Avatars are served by src/app/api/avatars/[file]/route.ts from this path. */
const AVATAR_URL_PREFIX = '/api/avatars/';
/** Content-hashed names: a new picture gets a new URL, so each URL can be cached forever. */
const AVATAR_FILE_PATTERN = /^[a-f0-9]{40}\.webp$/;

function avatarStorageKey(file: string) {
  return `avatars/${file}`;
}

/** The storage key of an avatar URL we issued, or null for anything else (an OAuth provider's picture…). */
function avatarKeyFromUrl(url: string | null | undefined): string | null {
  if (!url?.startsWith(AVATAR_URL_PREFIX)) return null;
  const file = url.slice(AVATAR_URL_PREFIX.length);
  return AVATAR_FILE_PATTERN.test(file) ? avatarStorageKey(file) : null;
}

/** Changes the user's display name. */
export async function updateProfile(userId: string, changes: { name: string }) {
  await db.update(users).set({ name: changes.name, updatedAt: new Date() }).where(eq(users.id, userId));
}

async function currentImage(userId: string) {
  const [row] = await db.select({ image: users.image }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.image ?? null;
}

/** Removes a stored avatar file; a failure is logged, not raised (the row no longer points at it). */
export async function deleteAvatarFile(url: string | null | undefined) {
  const key = avatarKeyFromUrl(url);
  if (!key) return;
  await getStorage()
    .delete(key)
    .catch((error: unknown) => logger.warn({ err: error, key }, 'old avatar file not deleted'));
}

/**
 * Makes an uploaded image the user's avatar: made a square WebP (see
 * toSquareWebp and AVATAR_IMAGE), stored under a name derived from the user
 * and the result, then set on the user. The previous file is removed
 * afterwards. Throws ImageRejected for a file that is not an acceptable image.
 */
export async function setAvatar(userId: string, upload: Buffer): Promise<string> {
  const avatar = await toSquareWebp(upload, AVATAR_IMAGE);
  const file = `${createHash('sha256').update(userId).update('\0').update(avatar).digest('hex').slice(0, 40)}.webp`;
  const key = avatarStorageKey(file);
  const url = `${AVATAR_URL_PREFIX}${file}`;
  const previous = await currentImage(userId);
  await getStorage().put(key, avatar, { contentType: 'image/webp' });
  try {
    await db.update(users).set({ image: url, updatedAt: new Date() }).where(eq(users.id, userId));
  } catch (error) {
    // The row still points at the previous picture: do not leave an orphan file.
    if (previous !== url)
      await getStorage()
        .delete(key)
        .catch(() => undefined);
    throw error;
  }
  if (previous && previous !== url) await deleteAvatarFile(previous);
  return url;
}

/** Back to initials: clears the picture and removes the stored file. */
export async function removeAvatar(userId: string) {
  const previous = await currentImage(userId);
  await db.update(users).set({ image: null, updatedAt: new Date() }).where(eq(users.id, userId));
  await deleteAvatarFile(previous);
}

/** A stored avatar by its file name (as in its URL), or null. */
export async function readAvatar(file: string) {
  if (!AVATAR_FILE_PATTERN.test(file)) return null;
  return getStorage().get(avatarStorageKey(file));
}
