import 'server-only';
import { z } from 'zod';
import { AppError } from '@/platform/http/errors';
import { defineRoute } from '@/platform/http/route';

/**
 * The GET handler that serves stored pictures (avatars, logos) by file name.
 * Names are content hashes, so a file never changes under its URL: browsers and
 * CDNs may keep it for a year. The bytes were re-encoded as WebP on upload;
 * nosniff and a sandboxing CSP make sure they are only ever treated as an
 * image. Public, like a picture on a page. `read` checks the name's pattern
 * and answers null for any other name (404).
 */
export function defineImageRoute(read: (file: string) => Promise<{ body: Buffer } | null>) {
  return defineRoute({
    params: z.object({ file: z.string().max(100) }),
    handler: async ({ params }) => {
      const image = await read(params.file);
      if (!image) throw new AppError('NOT_FOUND');
      return new Response(new Uint8Array(image.body), {
        headers: {
          'content-type': 'image/webp',
          'content-length': String(image.body.length),
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'cross-origin-resource-policy': 'same-site',
        },
      });
    },
  });
}
