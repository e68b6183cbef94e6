import { z } from 'zod';
import { readAvatar } from '@/features/auth/server';
import { AppError } from '@/platform/http/errors';
import { defineRoute } from '@/platform/http/route';

/**
 * Serves uploaded avatars. Names are content hashes, so a file never changes
 * under its URL: browsers and CDNs may keep it for a year. The bytes were
 * re-encoded as WebP on upload; nosniff and a sandboxing CSP make sure they
 * are only ever treated as an image.
 */
export const GET = defineRoute({
  // Any other name is simply not found (readAvatar checks the pattern).
  params: z.object({ file: z.string().max(100) }),
  handler: async ({ params }) => {
    const avatar = await readAvatar(params.file);
    if (!avatar) throw new AppError('NOT_FOUND');
    return new Response(new Uint8Array(avatar.body), {
      headers: {
        'content-type': 'image/webp',
        'content-length': String(avatar.body.length),
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cross-origin-resource-policy': 'same-site',
      },
    });
  },
});
