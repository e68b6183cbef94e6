import 'server-only';
import { AppError, type ErrorCode } from '@/platform/http/errors';
import type { RequestContext } from '@/platform/http/request-context';
import { signedInRecently } from './account-deletion';
import { getAuth } from './auth';
import { callAuth, errorsTranslator } from './auth-call';
import type { SignedInUser } from './session';
import { hasPassword } from './sign-in-methods';

/** A refusal about one field, in the user's language. */
export function fieldError(context: RequestContext, field: string, key: string, code: ErrorCode = 'VALIDATION_FAILED') {
  return new AppError(code, {
    messageKey: code === 'VALIDATION_FAILED' ? code : key,
    fieldErrors: { [field]: [errorsTranslator(context)(key)] },
  });
}

async function confirmPassword(context: RequestContext, password: string | undefined) {
  if (!password) throw fieldError(context, 'password', 'auth.passwordRequired');
  await callAuth(context, (headers) =>
    getAuth().api.verifyPassword({ body: { password }, headers, returnHeaders: true }),
  );
}

/** Checks a current code from the user's authenticator app (two-factor must be on). */
export async function confirmAuthenticatorCode(context: RequestContext, code: string | undefined) {
  if (!code) throw fieldError(context, 'code', 'validation.totpCode');
  await callAuth(context, (headers) => getAuth().api.verifyTOTP({ body: { code }, headers, returnHeaders: true }));
}

/**
 * Asks who is there before a change an intruder with a stolen session would
 * want (email, two-factor, deletion): the password when the account has one;
 * otherwise a current authenticator code when two-factor is on, or a sign-in
 * within the last few minutes. One rule for every such action.
 */
export async function confirmIdentity(
  context: RequestContext & { user: SignedInUser; session: { createdAt: Date } },
  proof: { password?: string; code?: string },
) {
  if (await hasPassword(context.user.id)) return confirmPassword(context, proof.password);
  if (context.user.twoFactorEnabled && proof.code) return confirmAuthenticatorCode(context, proof.code);
  if (!signedInRecently(context.session.createdAt))
    throw new AppError('FORBIDDEN', { messageKey: 'auth.reauthenticate' });
}
