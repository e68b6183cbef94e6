import { z } from 'zod';
import { readLogo } from '@/features/organizations/server';
import { AppError } from '@/platform/http/errors';
import { defineRoute } from '@/platform/http/route';

/**
 * Serves organization logos. Names are content hashes, so a file never
 * changes under its URL: browsers and CDNs may keep it for a year. The bytes
 * were re-encoded as WebP on upload; nosniff and a sandboxing CSP make sure
 * they are only ever treated as an image. Public, like a logo on a page.
 */
export const GET = defineRoute({
  // Any other name is simply not found (readLogo checks the pattern).
  params: z.object({ file: z.string().max(100) }),
  handler: async ({ params }) => {
    const logo = await readLogo(params.file);
    if (!logo) throw new AppError('NOT_FOUND');
    return new Response(new Uint8Array(logo.body), {
      headers: {
        'content-type': 'image/webp',
        'content-length': String(logo.body.length),
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cross-origin-resource-policy': 'same-site',
      },
    });
  },
});
