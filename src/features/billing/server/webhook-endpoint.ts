import 'server-only';
import { BILLING_PROVIDERS, type BillingProvider } from '@/platform/config/constants';
import { AppError } from '@/platform/http/errors';
import type { Logger } from '@/platform/logger';
import { WebhookRejectedError } from './gateway';
import { applyBillingEvent, gatewayFor } from './webhooks';

/** Larger bodies are not a provider's events. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

async function readRawBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) return null;
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > MAX_WEBHOOK_BYTES ? null : new TextDecoder().decode(bytes);
}

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
  const rawBody = await readRawBody(request);
  if (rawBody === null) throw new AppError('PAYLOAD_TOO_LARGE', { values: { limit: '256 KB' } });
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
