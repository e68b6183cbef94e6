import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import type { TenantScope } from '@/platform/db/tenant';
import { toSquareWebp } from '@/platform/images/square-image';
import { logger } from '@/platform/logger';
import { getStorage } from '@/platform/storage/storage';
import { LOGO_IMAGE } from '../logo-rules';
import { setOrganizationLogo } from './organizations';
import { organizations } from './schema';

/**
 * Organization logos: stored as `organization-logos/<hash>.webp`, where the
 * hash covers the organization and the image — a new logo gets a new name, so
 * each URL (see logoUrl) can be cached forever, and two organizations with the
 * same picture never share (and delete) one file.
 */
const LOGO_FOLDER = 'organization-logos';
const LOGO_FILE_PATTERN = /^[a-f0-9]{40}\.webp$/;

function logoStorageKey(file: string) {
  return `${LOGO_FOLDER}/${file}`;
}

/**
 * Removes a logo file that no organization uses any more (after deletion or replacement); a failure is logged, not
 * raised.
 */
export async function deleteLogoFile(key: string | null): Promise<void> {
  if (!key) return;
  await getStorage()
    .delete(key)
    .catch((error: unknown) => logger.warn({ err: error, key }, 'old organization logo file not deleted'));
}

async function currentLogo(organizationId: string) {
  const [row] = await db
    .select({ logo: organizations.logo })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row?.logo ?? null;
}

/**
 * Makes an uploaded image the organization's logo: made a 256-pixel square
 * WebP (transparency kept, see LOGO_IMAGE), stored, then set on the
 * organization — which checks, inside the tenant transaction, that the user
 * may update it. The previous file is removed afterwards. Throws
 * ImageRejected for a file that is not an acceptable image.
 */
export async function setLogo(scope: TenantScope, upload: Buffer): Promise<{ logoUrl: string }> {
  const logo = await toSquareWebp(upload, LOGO_IMAGE);
  const file = `${createHash('sha256').update(scope.organizationId).update('\0').update(logo).digest('hex').slice(0, 40)}.webp`;
  const key = logoStorageKey(file);
  await getStorage().put(key, logo, { contentType: 'image/webp' });
  let changed: Awaited<ReturnType<typeof setOrganizationLogo>>;
  try {
    changed = await setOrganizationLogo(scope, key);
  } catch (error) {
    // Refused (no permission, no longer a member…): do not leave an orphan file — unless it is the logo already.
    if ((await currentLogo(scope.organizationId).catch(() => null)) !== key) await deleteLogoFile(key);
    throw error;
  }
  if (changed.previous !== key) await deleteLogoFile(changed.previous);
  return { logoUrl: changed.logoUrl! };
}

/** Back to the organization's initials: clears the logo and removes its file. */
export async function removeLogo(scope: TenantScope): Promise<void> {
  const { previous } = await setOrganizationLogo(scope, null);
  await deleteLogoFile(previous);
}

/** A stored logo by its file name (as in its URL), or null. */
export async function readLogo(file: string) {
  if (!LOGO_FILE_PATTERN.test(file)) return null;
  return getStorage().get(logoStorageKey(file));
}
