import 'server-only';
import { verifyJWT } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { users } from './schema';

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

/**
 * What the confirm-email page shows for a token: the address and whether it is
 * already confirmed, or null when the token is not a sign-up confirmation or
 * its account is gone.
 */
export async function signUpConfirmation(token: string): Promise<{ email: string; verified: boolean } | null> {
  const email = await signUpConfirmationEmail(token);
  if (!email) return null;
  const [user] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.email, email)).limit(1);
  return user ? { email, verified: user.verified } : null;
}

/** True when the token is an email-change confirmation (the only kind /api/auth/verify-email still accepts). */
export async function isEmailChangeToken(token: string): Promise<boolean> {
  const claims = (await verifyJWT(token, getServerConfig().appSecret)) as ConfirmationClaims | null;
  return Boolean(claims && (claims.updateTo || typeof claims.requestType === 'string'));
}
