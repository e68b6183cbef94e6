import { issueCsrfToken } from '@/platform/http/csrf-token';
import { defineRoute } from '@/platform/http/route';

/** A fresh CSRF token for this visitor; the client fetch helper calls it when its token has expired. */
export const GET = defineRoute({
  handler: async (_input, context) => issueCsrfToken(context.cookies),
});
