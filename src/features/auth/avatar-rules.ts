import { UPLOADABLE_IMAGE_TYPES, type SquareImageRules } from '@/platform/images/image-rules';

/**
 * What an avatar upload may be and becomes. Shared by the form (to refuse a
 * file before sending it) and the server (which checks the bytes themselves,
 * src/platform/images/square-image.ts): a 24-megapixel camera photo fits,
 * centre-cropped to a 256-pixel square.
 */
export const AVATAR_IMAGE: SquareImageRules = {
  size: 256,
  maxBytes: 5 * 1024 * 1024,
  maxPixels: 25_000_000,
  fit: 'cover',
};
export const AVATAR_ACCEPT = UPLOADABLE_IMAGE_TYPES;
