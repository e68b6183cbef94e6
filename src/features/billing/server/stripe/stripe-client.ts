import 'server-only';
import Stripe from 'stripe';
import { AppError } from '@/platform/http/errors';
import { logger } from '@/platform/logger';

/**
 * The Stripe API version Keel speaks (decision 0045): the one stripe@23.2.0 is typed for. Pinned here, not
 * left to the account's default, so a Dashboard upgrade never changes the shapes this adapter reads. The
 * SDK's type only accepts its own version: upgrading the package without revisiting this line fails the
 * typecheck (docs/billing/stripe.md, "Upgrading the API version").
 */
export const STRIPE_API_VERSION = '2026-11-18.endive' satisfies Stripe.LatestApiVersion;

/** The SDK pointed at Stripe, or at the host, port and protocol of `apiUrl` (a local mock in tests). */
export function createStripeClient(secretKey: string, apiUrl: string | null): Stripe {
  const url = apiUrl ? new URL(apiUrl) : null;
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    // Network errors, 409s and 5xx are retried with the same idempotency key; refusals (4xx) are not.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'Keel' },
    ...(url && {
      host: url.hostname,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      protocol: url.protocol === 'http:' ? ('http' as const) : ('https' as const),
    }),
  });
}

const isStripeError = (error: unknown): error is Stripe.errors.StripeError =>
  error instanceof Stripe.errors.StripeError;

/** Stripe does not know the object (an id from another account or mode, or deleted). */
export const isMissing = (error: unknown) =>
  isStripeError(error) && (error.statusCode === 404 || error.code === 'resource_missing');

/** Stripe refused the request as it stands (e.g. expiring a checkout that is no longer open). */
export const isInvalidRequest = (error: unknown) => error instanceof Stripe.errors.StripeInvalidRequestError;

/**
 * Runs one call to Stripe. A refusal or an outage becomes BILLING_PROVIDER_FAILED, the error the billing
 * actions and hooks already answer calmly ("nothing was changed"); the log says which call and Stripe's
 * request id, never the key.
 */
export async function callStripe<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isStripeError(error)) throw error;
    logger.error(
      {
        provider: 'stripe',
        operation,
        type: error.type,
        code: error.code,
        statusCode: error.statusCode,
        requestId: error.requestId,
      },
      'a Stripe API call failed',
    );
    throw new AppError('BILLING_PROVIDER_FAILED');
  }
}
