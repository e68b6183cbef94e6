import { readLogo } from '@/features/organizations/server';
import { defineImageRoute } from '@/platform/images/image-route';

/** Serves organization logos (content-addressed WebP files: see defineImageRoute). */
export const GET = defineImageRoute(readLogo);
