import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getServerConfig } from '@/platform/config/server-config';
import { WebhookRejectedError } from '../gateway';

/**
 * The local gateway signs its webhooks the way Stripe does (decision 0034):
 * `Keel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 */
export const LOCAL_SIGNATURE_HEADER = 'keel-signature';

/** Older signatures are refused, so a captured delivery cannot be replayed later. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Derived from APP_SECRET: nothing to configure, and different for every deployment. */
function localWebhookSecret(): string {
  return createHmac('sha256', getServerConfig().appSecret).update('keel.billing.local-gateway.webhook').digest('hex');
}

function hmac(secret: string, timestamp: number, body: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
}

export function signLocalPayload(body: string, options: { secret?: string; at?: Date } = {}): string {
  const timestamp = Math.floor((options.at ?? new Date()).getTime() / 1000);
  return `t=${timestamp},v1=${hmac(options.secret ?? localWebhookSecret(), timestamp, body).toString('hex')}`;
}

/** Throws WebhookRejectedError unless one v1 signature matches and its time is within the tolerance. */
export function verifyLocalSignature(
  body: string,
  header: string | null,
  options: { secret?: string; now?: Date } = {},
): void {
  if (!header) throw new WebhookRejectedError('missing-signature');
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value!);
  if (!Number.isInteger(timestamp) || signatures.length === 0) throw new WebhookRejectedError('bad-signature');
  const expected = hmac(options.secret ?? localWebhookSecret(), timestamp, body);
  // Lengths first: timingSafeEqual throws on unequal lengths, which must be a 400, not a 500.
  const matches = signatures.some((signature) => {
    const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookRejectedError('bad-signature');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS) throw new WebhookRejectedError('stale-timestamp');
}
