import { z } from 'zod';
import { defineRoute } from '@/platform/http/route';

const clientErrorSchema = z.object({
  message: z.string().max(1000),
  digest: z.string().max(100).optional(),
  stack: z.string().max(4000).optional(),
  url: z.string().max(2000),
});

/** Errors caught in the browser, recorded in the server log. */
export const POST = defineRoute({
  body: clientErrorSchema,
  maxBodyBytes: 16 * 1024,
  rateLimit: { name: 'client-errors', limit: 30, windowSeconds: 60 },
  handler: async ({ body }, context) => {
    context.logger.warn({ clientError: body }, 'error reported by a browser');
    return new Response(null, { status: 204 });
  },
});
