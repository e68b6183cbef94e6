import { UPLOADABLE_IMAGE_TYPES, type SquareImageRules } from '@/platform/images/image-rules';

/**
 * What an organization logo upload may be and becomes. Shared by the form (to
 * refuse a file before sending it) and the server (which checks the bytes,
 * src/platform/images/square-image.ts). Logos are often wide wordmarks: the
 * whole picture is fitted into the square on a transparent background rather
 * than cropped.
 */
export const LOGO_IMAGE: SquareImageRules = {
  size: 256,
  maxBytes: 5 * 1024 * 1024,
  maxPixels: 25_000_000,
  fit: 'contain',
};
export const LOGO_ACCEPT = UPLOADABLE_IMAGE_TYPES;
