/**
 * What an uploaded picture (an avatar, a logo…) may be. Client-safe: the
 * forms use the same numbers to refuse a file before sending it, while the
 * server checks the bytes themselves (square-image.ts).
 */
export interface SquareImageRules {
  /** The stored image is this many pixels square. */
  size: number;
  /** The largest upload accepted, in bytes. */
  maxBytes: number;
  /**
   * The largest image (in pixels) decoded. Decoding costs about 5 bytes of
   * memory and some CPU per pixel, so this bounds what one upload can cost and
   * refuses a "decompression bomb" (a small file declaring enormous dimensions).
   */
  maxPixels: number;
  /**
   * How a picture that is not square becomes one: `cover` crops the centre
   * (a face), `contain` fits the whole picture on a transparent background (a
   * wide logo keeps its wordmark).
   */
  fit: 'cover' | 'contain';
}

/** The types accepted, for the file chooser; the server trusts only the bytes. */
export const UPLOADABLE_IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

/** The values of the `errors.image.*` messages for these rules. */
export function imageRuleValues(rules: SquareImageRules) {
  return {
    megabytes: Math.round((rules.maxBytes / (1024 * 1024)) * 10) / 10,
    megapixels: Math.round(rules.maxPixels / 1_000_000),
  };
}
