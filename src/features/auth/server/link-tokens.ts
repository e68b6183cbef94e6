import 'server-only';
import { createHash } from 'node:crypto';
import { getAuth } from './auth';

/**
 * Peeks at the single-use tokens of emailed links without using them, so the
 * page a link opens can say at once that it has expired (instead of after the
 * visitor has typed a new password), and whose account a magic link is for.
 * The records are better-auth's, read through its own adapter.
 */

async function findUnexpired(identifier: string) {
  const context = await getAuth().$context;
  const record = await context.internalAdapter.findVerificationValue(identifier);
  return record && record.expiresAt.getTime() > Date.now() ? record : null;
}

/** Whether a password reset link can still be used. */
export async function isPasswordResetTokenUsable(token: string): Promise<boolean> {
  if (!token || token.length > 500) return false;
  return Boolean(await findUnexpired(`reset-password:${token}`));
}

/**
 * The email address a magic link signs in, or null when the link has expired
 * or was used. Magic-link tokens are stored hashed (auth.ts sets storeToken:
 * 'hashed'): SHA-256, base64url without padding, as the plugin does.
 */
export async function magicLinkEmail(token: string): Promise<string | null> {
  if (!token || token.length > 500) return null;
  const hashed = createHash('sha256').update(token).digest('base64url');
  const record = await findUnexpired(`magic-link:${hashed}`);
  if (!record) return null;
  try {
    const value = JSON.parse(record.value) as { email?: unknown };
    return typeof value.email === 'string' ? value.email : null;
  } catch {
    return null;
  }
}
