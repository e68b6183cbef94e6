import 'server-only';
import { BILLING_PROVIDERS, type BillingProvider } from '@/platform/config/constants';
import { AppError } from '@/platform/http/errors';
import { readBodyBytes } from '@/platform/http/route';
import type { Logger } from '@/platform/logger';
import { WebhookRejectedError } from './gateway';
import { gatewayFor } from './providers';
import { applyBillingEvent } from './webhooks';

/** Larger bodies are not a provider's events. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

/**
 * Handles POST /api/billing/webhooks/<provider>: the raw body, read once and never re-serialised,
 * is verified by the provider's gateway; a rejected one is a 400 with nothing written; each event is
 * then applied once (webhooks.ts). A database failure propagates: the route answers 5xx and the
 * provider delivers again.
 */
export async function receiveBillingWebhook(providerName: string, request: Request, logger: Logger): Promise<Response> {
  const provider = (BILLING_PROVIDERS as readonly string[]).includes(providerName)
    ? (providerName as BillingProvider)
    : null;
  const gateway = provider ? gatewayFor(provider) : null;
  if (!provider || !gateway) throw new AppError('NOT_FOUND');
  // Counted as it arrives (a chunked body has no Content-Length): reading stops at the cap, with a 413.
  const rawBody = (await readBodyBytes(request, MAX_WEBHOOK_BYTES)).toString('utf8');
  let events;
  try {
    events = await gateway.verifyWebhook(rawBody, request.headers);
  } catch (error) {
    if (!(error instanceof WebhookRejectedError)) throw error;
    logger.warn({ provider, reason: error.reason }, 'billing webhook rejected');
    throw new AppError('BAD_REQUEST');
  }
  const outcomes = [];
  for (const event of events) outcomes.push(await applyBillingEvent(provider, event));
  return Response.json({ received: true, outcomes });
}
