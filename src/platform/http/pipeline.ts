import 'server-only';
import { getServerConfig } from '@/platform/config/server-config';
import { isDatabaseUnavailable } from '@/platform/db/unavailable';
import { translatorFor } from '@/platform/i18n/translator';
import { consumeRateLimit, consumeRateLimitInMemory, type RateLimitRule } from '@/platform/rate-limit/rate-limit';
import { csrfCookieName, isSameOriginRequest } from './csrf';
import { verifyCsrfToken } from './csrf-signing';
import { AppError, CSRF_DOCS_PATH, ERROR_STATUS, type ErrorPayload } from './errors';
import { allowedOrigins, rateLimitAddress, type RequestContext } from './request-context';

/**
 * The steps that server actions (`defineAction`) and API routes
 * (`defineRoute`) share, so both enforce exactly the same rules.
 */

export function csrfCookie() {
  return csrfCookieName(getServerConfig().isProduction);
}

/** Refuses a request that comes from another site or lacks a valid token for this visitor. */
export function assertCsrf(context: RequestContext, token: string | null | undefined) {
  if (!isSameOriginRequest(context.headers, allowedOrigins(context.headers))) {
    context.logger.warn(
      { origin: context.headers.get('origin'), fetchSite: context.headers.get('sec-fetch-site') },
      'cross-site request refused',
    );
    throw new AppError('CSRF_TOKEN_INVALID');
  }
  const verdict = verifyCsrfToken(getServerConfig().appSecret, context.cookies.get(csrfCookie()), token);
  if (verdict !== 'valid') {
    context.logger.warn({ verdict }, 'CSRF token refused');
    throw new AppError('CSRF_TOKEN_INVALID');
  }
}

export type RateLimitOption<Input> = RateLimitRule & {
  /** What to count by; defaults to the client IP. */
  by?: (context: RequestContext, input: Input) => string;
};

export async function enforceRateLimits<Input>(
  options: RateLimitOption<Input> | RateLimitOption<Input>[],
  context: RequestContext,
  input: Input,
) {
  for (const option of Array.isArray(options) ? options : [options]) await enforceRateLimit(option, context, input);
}

async function enforceRateLimit<Input>(option: RateLimitOption<Input>, context: RequestContext, input: Input) {
  // An IPv6 client counts by its /64: whoever has one has 2^64 addresses.
  const subject = option.by ? option.by(context, input) : `ip:${context.ip ? rateLimitAddress(context.ip) : 'unknown'}`;
  const outcome =
    option.store === 'memory' ? consumeRateLimitInMemory(option, subject) : await consumeRateLimit(option, subject);
  if (!outcome.allowed) {
    const seconds = outcome.retryAfterSeconds;
    throw new AppError('RATE_LIMITED', {
      // "in 3,600 seconds" reads badly: long waits are said in minutes.
      ...(seconds > 90 ? { messageKey: 'RATE_LIMITED_MINUTES' } : {}),
      values: { seconds, minutes: Math.ceil(seconds / 60) },
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
}

/** How long a client is asked to wait when the database is unreachable: a restart usually takes seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns anything thrown into the error payload the client sees. Expected
 * refusals (AppError) are translated; an unreachable database is a 503;
 * anything else is logged in full with the request id and answered with a
 * calm, generic message carrying that id.
 */

export function toErrorPayload(error: unknown, context: RequestContext): ErrorPayload & { retryAfterSeconds?: number } {
  const t = translatorFor(context.locale, 'errors');
  if (error instanceof AppError) {
    const values = { requestId: context.requestId, ...error.values };
    const fieldErrors = {
      ...error.fieldErrors,
      ...Object.fromEntries(
        Object.entries(error.fieldErrorKeys ?? {}).map(([field, key]) => [field, [t(key as never, values as never)]]),
      ),
    };
    return {
      code: error.code,
      status: error.status,
      message: t.has(error.messageKey as never)
        ? t(error.messageKey as never, values as never)
        : t(error.code, values as never),
      requestId: context.requestId,
      ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      ...(error.code === 'CSRF_TOKEN_INVALID' ? { docs: CSRF_DOCS_PATH } : {}),
      ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    // A restart or failover — or every pooled connection busy for 3 s under overload (pg says the same then):
    // temporary either way, so 503 with a hint when to retry, which load balancers and clients understand.
    context.logger.error({ reason: (error as Error).message }, 'no database connection while handling a request');
    return {
      code: 'SERVICE_UNAVAILABLE',
      status: ERROR_STATUS.SERVICE_UNAVAILABLE,
      message: t('SERVICE_UNAVAILABLE'),
      requestId: context.requestId,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  context.logger.error({ err: error }, 'unexpected error while handling a request');
  return {
    code: 'INTERNAL_ERROR',
    status: ERROR_STATUS.INTERNAL_ERROR,
    message: t('INTERNAL_ERROR', { requestId: context.requestId }),
    requestId: context.requestId,
  };
}
