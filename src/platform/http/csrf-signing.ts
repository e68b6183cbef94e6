import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_TOKEN_TTL_SECONDS } from './csrf';

/** Creating and verifying CSRF tokens (server side only: it needs APP_SECRET). */

export function newCsrfSessionId() {
  return randomBytes(24).toString('base64url');
}

function sign(secret: string, sessionId: string, issuedAt: number, nonce: string) {
  return createHmac('sha256', secret).update(`csrf|v1|${sessionId}|${issuedAt}|${nonce}`).digest('base64url');
}

export function createCsrfToken(secret: string, sessionId: string, now = Date.now()) {
  const issuedAt = Math.floor(now / 1000);
  const nonce = randomBytes(12).toString('base64url');
  return `v1.${issuedAt}.${nonce}.${sign(secret, sessionId, issuedAt, nonce)}`;
}

export type CsrfVerdict = 'valid' | 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'no-session';

export function verifyCsrfToken(
  secret: string,
  sessionId: string | undefined,
  token: string | null | undefined,
  now = Date.now(),
  ttlSeconds = CSRF_TOKEN_TTL_SECONDS,
): CsrfVerdict {
  if (!token) return 'missing';
  if (!sessionId) return 'no-session';
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return 'malformed';
  const [, issuedAtText, nonce, signature] = parts as [string, string, string, string];
  const issuedAt = Number(issuedAtText);
  if (!Number.isInteger(issuedAt) || !nonce || !signature) return 'malformed';
  const expected = Buffer.from(sign(secret, sessionId, issuedAt, nonce));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  const age = Math.floor(now / 1000) - issuedAt;
  // A token "from the future" beyond clock skew is as suspicious as an old one.
  if (age > ttlSeconds || age < -300) return 'expired';
  return 'valid';
}
