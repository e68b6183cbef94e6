import 'server-only';
import { verifyJWT } from 'better-auth/crypto';
import { getServerConfig } from '@/platform/config/server-config';

interface ConfirmationClaims {
  email?: unknown;
  updateTo?: unknown;
  requestType?: unknown;
}

/**
 * The address a sign-up confirmation token is for, or null when the token is
 * forged, expired, or belongs to an email change. (better-auth signs these
 * tokens as JWTs with APP_SECRET; reading one changes nothing.)
 */
export async function signUpConfirmationEmail(token: string): Promise<string | null> {
  const claims = (await verifyJWT(token, getServerConfig().appSecret)) as ConfirmationClaims | null;
  if (!claims || claims.updateTo || claims.requestType || typeof claims.email !== 'string') return null;
  return claims.email;
}

/** True when the token is an email-change confirmation (the only kind /api/auth/verify-email still accepts). */
export async function isEmailChangeToken(token: string): Promise<boolean> {
  const claims = (await verifyJWT(token, getServerConfig().appSecret)) as ConfirmationClaims | null;
  return Boolean(claims && (claims.updateTo || typeof claims.requestType === 'string'));
}
