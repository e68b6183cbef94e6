import 'server-only';
import sharp from 'sharp';
import { AVATAR_MAX_BYTES } from '../avatar-rules';

/** Stored avatars are this many pixels square. */
export const AVATAR_SIZE = 256;
/**
 * The largest image (in pixels) we decode: a 24-megapixel camera photo fits;
 * a "decompression bomb" — a small file declaring enormous dimensions — does
 * not. Decoding costs about 5 bytes of memory and some CPU per pixel, so the
 * cap also bounds what one upload can cost.
 */
export const AVATAR_MAX_PIXELS = 25_000_000;

/** Decodes run one at a time per server process: many uploads at once queue instead of exhausting memory. */
let decoding: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = decoding.then(work, work);
  decoding = run.catch(() => undefined);
  return run;
}

export type AvatarProblem = 'type' | 'tooLarge' | 'dimensions' | 'unreadable';

/** Why an upload was refused; the action turns it into a field error. */
export class AvatarRejected extends Error {
  constructor(readonly problem: AvatarProblem) {
    super(`avatar rejected: ${problem}`);
    this.name = 'AvatarRejected';
  }
}

type ImageType = 'png' | 'jpeg' | 'webp' | 'gif';

/**
 * The image type from the file's first bytes (its "magic number"). The name
 * and the type the browser declared are chosen by the sender, so they are
 * never trusted.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/**
 * Turns an uploaded image into the stored avatar: decoded and re-encoded (so
 * nothing but pixels survives — no metadata, no location, no trailing
 * payload), turned upright, centre-cropped to a square, 256×256 WebP.
 * Animated images keep their first frame.
 */
export async function processAvatar(bytes: Buffer): Promise<Buffer> {
  if (bytes.length > AVATAR_MAX_BYTES) throw new AvatarRejected('tooLarge');
  const type = detectImageType(bytes);
  if (!type) throw new AvatarRejected('type');
  try {
    const image = sharp(bytes, { limitInputPixels: AVATAR_MAX_PIXELS, failOn: 'error', animated: false });
    // The header alone tells the dimensions: refuse a bomb before decoding anything.
    const { format, width = 0, height = 0 } = await image.metadata();
    if (format !== type) throw new AvatarRejected('type');
    if (width * height > AVATAR_MAX_PIXELS) throw new AvatarRejected('dimensions');
    return await oneAtATime(() =>
      image.autoOrient().resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'centre' }).webp({ quality: 85 }).toBuffer(),
    );
  } catch (error) {
    if (error instanceof AvatarRejected) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new AvatarRejected('dimensions');
    throw new AvatarRejected('unreadable');
  }
}
