import 'server-only';
import type { RateLimitOption } from '@/platform/http/pipeline';

/** Per client IP and per organization (rate limits run before the guards, so before the user is known). */
export function perOrganization(name: string, limit: number, windowSeconds: number): RateLimitOption<unknown>[] {
  return [
    { name: `${name}-ip`, limit: limit * 3, windowSeconds },
    {
      name: `${name}-organization`,
      limit,
      windowSeconds,
      by: (_context, input) => `organization:${(input as { organizationId?: string }).organizationId ?? 'none'}`,
    },
  ];
}
