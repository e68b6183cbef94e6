import 'server-only';
import { getStorage } from '@/platform/storage/storage';

/** Removes a logo file that no organization uses any more (after deletion or replacement). */
export async function deleteLogoFile(key: string | null): Promise<void> {
  if (key) await getStorage().delete(key);
}
