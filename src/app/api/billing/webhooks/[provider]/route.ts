import { z } from 'zod';
import { receiveBillingWebhook } from '@/features/billing/server';
import { defineRoute } from '@/platform/http/route';

/**
 * A payment provider's webhooks (docs/billing/webhooks.md). Called by the provider's servers, not a
 * browser: no CSRF token — the signature over the raw body, checked before anything is written,
 * takes its place. No body schema either, so the route helper leaves the raw body unread for it.
 */
export const POST = defineRoute({
  params: z.object({ provider: z.string().max(40) }),
  csrf: { disabledBecause: 'webhook-signature-verified' },
  // Generous: a provider retrying a backlog sends bursts; this only stops a flood of unsigned bodies.
  rateLimit: { name: 'billing-webhook-ip', limit: 600, windowSeconds: 60 },
  handler: async ({ params }, { request, logger }) => receiveBillingWebhook(params.provider, request, logger),
});
