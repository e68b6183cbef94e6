import { readAvatar } from '@/features/auth/server';
import { defineImageRoute } from '@/platform/images/image-route';

/** Serves uploaded avatars (content-addressed WebP files: see defineImageRoute). */
export const GET = defineImageRoute(readAvatar);
