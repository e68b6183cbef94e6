import 'server-only';
import sharp from 'sharp';
import { fieldRefusal, type AppError, type ErrorCode } from '@/platform/http/errors';
import { imageRuleValues, type SquareImageRules } from './image-rules';

export type { SquareImageRules } from './image-rules';

export type ImageProblem = 'type' | 'tooLarge' | 'dimensions' | 'unreadable';

/** Why an upload was refused; `imageRefusal` turns it into a field error. */
export class ImageRejected extends Error {
  constructor(
    readonly problem: ImageProblem,
    readonly rules: SquareImageRules,
  ) {
    super(`image rejected: ${problem}`);
    this.name = 'ImageRejected';
  }
}

const REFUSALS: Record<ImageProblem, { code: ErrorCode; key: string }> = {
  type: { code: 'UNSUPPORTED_MEDIA_TYPE', key: 'image.type' },
  tooLarge: { code: 'PAYLOAD_TOO_LARGE', key: 'image.tooLarge' },
  dimensions: { code: 'PAYLOAD_TOO_LARGE', key: 'image.dimensions' },
  unreadable: { code: 'BAD_REQUEST', key: 'image.unreadable' },
};

/**
 * The answer to a refused upload: the status of the problem, and its message (in the user's language) under `field`.
 */
export function imageRefusal(rejected: ImageRejected, field: string): AppError {
  const { code, key } = REFUSALS[rejected.problem];
  return fieldRefusal(code, field, key, imageRuleValues(rejected.rules));
}

type ImageType = 'png' | 'jpeg' | 'webp' | 'gif';

/**
 * The image type from the file's first bytes (its "magic number"). The name
 * and the type the browser declared are chosen by the sender, so they are
 * never trusted.
 */
function detectImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/** Decodes run one at a time per server process: many uploads at once queue instead of exhausting memory. */
let decoding: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = decoding.then(work, work);
  decoding = run.catch(() => undefined);
  return run;
}

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/**
 * Turns an uploaded image into a stored square picture: decoded and
 * re-encoded (so nothing but pixels survives — no metadata, no location, no
 * trailing payload), turned upright, made square (see `rules.fit`), WebP.
 * Transparency is kept. Animated images keep their first frame. Throws
 * ImageRejected for a file that is not an acceptable image.
 */
export async function toSquareWebp(bytes: Buffer, rules: SquareImageRules): Promise<Buffer> {
  if (bytes.length > rules.maxBytes) throw new ImageRejected('tooLarge', rules);
  const type = detectImageType(bytes);
  if (!type) throw new ImageRejected('type', rules);
  try {
    const image = sharp(bytes, { limitInputPixels: rules.maxPixels, failOn: 'error', animated: false });
    // The header alone tells the dimensions: refuse a bomb before decoding anything.
    const { format, width = 0, height = 0 } = await image.metadata();
    if (format !== type) throw new ImageRejected('type', rules);
    if (width * height > rules.maxPixels) throw new ImageRejected('dimensions', rules);
    return await oneAtATime(() =>
      image
        .autoOrient()
        .resize(rules.size, rules.size, { fit: rules.fit, position: 'centre', background: TRANSPARENT })
        .webp({ quality: 85 })
        .toBuffer(),
    );
  } catch (error) {
    if (error instanceof ImageRejected) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new ImageRejected('dimensions', rules);
    throw new ImageRejected('unreadable', rules);
  }
}
