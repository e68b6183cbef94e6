import 'server-only';
import { isAPIError } from 'better-auth/api';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { AppError, type ErrorCode } from '@/platform/http/errors';
import type { CookieOptions, RequestContext } from '@/platform/http/request-context';
import { translatorFor } from '@/platform/i18n/translator';
import { authHeaders } from './auth-headers';
import { inRequestLanguage } from './emails';
import { USER_BANNED } from './bans';
import { CODE_ALREADY_USED } from './single-use-codes';

/**
 * better-auth's refusals, as Keel errors: a stable code, an HTTP status and a
 * translated message from `errors.auth.*`. Anything not listed is unexpected
 * and surfaces as a calm 500 with the request id. The codes are better-auth's
 * own (exported so tests/integration/auth/better-auth-contract.test.ts can hold
 * an upgrade to them).
 */
export const AUTH_REFUSALS: Record<string, { code: ErrorCode; key: string; field?: string }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'UNAUTHENTICATED', key: 'auth.invalidCredentials' },
  EMAIL_NOT_VERIFIED: { code: 'FORBIDDEN', key: 'auth.emailNotVerified' },
  USER_NOT_FOUND: { code: 'NOT_FOUND', key: 'NOT_FOUND' },
  EMAIL_ALREADY_VERIFIED: { code: 'BAD_REQUEST', key: 'auth.alreadyVerified' },
  INVALID_PASSWORD: { code: 'FORBIDDEN', key: 'auth.wrongPassword', field: 'password' },
  CREDENTIAL_ACCOUNT_NOT_FOUND: { code: 'BAD_REQUEST', key: 'auth.noPassword' },
  INVALID_TOKEN: { code: 'BAD_REQUEST', key: 'auth.invalidLink' },
  TOKEN_EXPIRED: { code: 'BAD_REQUEST', key: 'auth.invalidLink' },
  INVALID_CODE: { code: 'BAD_REQUEST', key: 'auth.invalidCode', field: 'code' },
  INVALID_BACKUP_CODE: { code: 'BAD_REQUEST', key: 'auth.invalidRecoveryCode', field: 'code' },
  [CODE_ALREADY_USED]: { code: 'BAD_REQUEST', key: 'auth.codeAlreadyUsed', field: 'code' },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { code: 'RATE_LIMITED', key: 'auth.tooManyCodes' },
  ACCOUNT_TEMPORARILY_LOCKED: { code: 'RATE_LIMITED', key: 'auth.tooManyCodes' },
  INVALID_TWO_FACTOR_COOKIE: { code: 'UNAUTHENTICATED', key: 'auth.twoFactorExpired' },
  TWO_FACTOR_NOT_ENABLED: { code: 'BAD_REQUEST', key: 'auth.twoFactorNotEnabled' },
  SESSION_NOT_FRESH: { code: 'FORBIDDEN', key: 'auth.reauthenticate' },
  SESSION_EXPIRED: { code: 'FORBIDDEN', key: 'auth.reauthenticate' },
  USER_ALREADY_HAS_PASSWORD: { code: 'BAD_REQUEST', key: 'auth.passwordRequired', field: 'password' },
  USER_ALREADY_EXISTS: { code: 'CONFLICT', key: 'auth.emailTaken', field: 'email' },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { code: 'CONFLICT', key: 'auth.emailTaken', field: 'email' },
  EMAIL_CAN_NOT_BE_UPDATED: { code: 'BAD_REQUEST', key: 'auth.emailUnchanged', field: 'email' },
  FAILED_TO_UNLINK_LAST_ACCOUNT: { code: 'BAD_REQUEST', key: 'auth.lastSignInMethod' },
  UNAUTHORIZED: { code: 'UNAUTHENTICATED', key: 'UNAUTHENTICATED' },
  EMAIL_MISMATCH: { code: 'BAD_REQUEST', key: 'auth.invalidLink' },
  TOTP_NOT_ENABLED: { code: 'BAD_REQUEST', key: 'auth.twoFactorNotEnabled' },
  TOTP_ALREADY_ENABLED: { code: 'CONFLICT', key: 'auth.twoFactorAlreadyEnabled' },
  // Ours: the session hook of auth.ts refuses a banned user (bans.ts).
  [USER_BANNED]: { code: 'FORBIDDEN', key: 'auth.banned' },
};

/**
 * The better-auth error code of an APIError ("INVALID_TOKEN"…), or null. Link
 * endpoints (magic link…) refuse with a redirect carrying `?error=CODE`, also
 * when called from the server: that code counts.
 */
export function authErrorCode(error: unknown): string | null {
  if (!isAPIError(error)) return null;
  const body = error.body as { code?: string } | undefined;
  if (body?.code) return body.code;
  const location = error.headers ? new Headers(error.headers).get('location') : null;
  const redirected = location ? new URL(location, 'http://keel.invalid').searchParams.get('error') : null;
  return redirected ?? (typeof error.status === 'string' ? error.status : null);
}

/** Turns a better-auth APIError into an AppError; rethrows anything else unchanged. */
function toAppError(error: unknown, translate: (key: string) => string): never {
  if (error instanceof AppError) throw error;
  const code = authErrorCode(error);
  const known = code ? AUTH_REFUSALS[code] : undefined;
  if (!known) throw error;
  throw new AppError(known.code, {
    messageKey: known.key,
    ...(known.field ? { fieldErrors: { [known.field]: [translate(known.key)] } } : {}),
  });
}

/**
 * Runs a better-auth server call for a request: gives it the request's headers
 * (with the client address Keel computed) and language (for the emails it
 * sends), passes the cookies it sets (a new session, a cleared one…) to the
 * response, and maps its refusals to AppErrors.
 *
 * const user = await callAuth(context, (headers) => getAuth().api.updateUser({ body, headers, returnHeaders: true }));
 */
export async function callAuth<T>(
  context: RequestContext,
  call: (headers: Headers) => Promise<{ headers: Headers | null; response: T }>,
): Promise<T> {
  try {
    // Emails better-auth sends during the call speak the request's language.
    const { headers, response } = await inRequestLanguage(context.locale, () => call(authHeaders(context)));
    await applySetCookies(headers, context);
    return response;
  } catch (error) {
    toAppError(error, errorsTranslator(context));
  }
}

async function applySetCookies(headers: Headers | null, context: RequestContext) {
  const setCookie = headers?.get('set-cookie');
  if (!setCookie) return;
  for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
    if (name) await context.responseCookies.set(name, attributes.value, toCookieOptions(attributes) as CookieOptions);
  }
}

/** A translator for the `errors` namespace of the request's language. */
export function errorsTranslator(context: Pick<RequestContext, 'locale'>) {
  const t = translatorFor(context.locale, 'errors');
  return (key: string) => t(key as never);
}
