'use server';

import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { SIGNED_IN_HINT_COOKIE, TWO_FACTOR_COOKIE, cookieName } from '../constants';
import { verifiedCallback, verifyEmailPath } from '../paths';
import { safeRedirectPath } from '../redirect';
import { recoveryCodeChallengeSchema, signInSchema, signOutSchema, twoFactorChallengeSchema } from '../schemas';
import { getAuth } from './auth';
import { authErrorCode, callAuth } from './auth-call';
import { applyPreferenceCookies } from './preferences';
import { fieldError } from './reauthentication';
import { throttlePasswordSignIn } from './sign-in-throttle';

/**
 * Signing in with a password, the second step for two-factor accounts (a code
 * or a recovery code), and signing out. Public endpoints (defineAction: CSRF,
 * validation, rate limits) calling better-auth on the server.
 */

export const signIn = defineAction({
  name: 'auth.signIn',
  input: signInSchema,
  // Per client address here; per address or per known device in throttlePasswordSignIn (no lockout by strangers).
  rateLimit: { name: 'sign-in-ip', limit: 30, windowSeconds: 15 * 60 },
  handler: async ({ email, password, next }, context) => {
    if (!appConfig.auth.password) throw new AppError('FORBIDDEN');
    await throttlePasswordSignIn(context, email);
    let result;
    try {
      // callbackURL is where the fresh confirmation link (sent when the address is not confirmed yet) lands.
      result = await callAuth(context, (headers) =>
        getAuth().api.signInEmail({
          body: { email, password, callbackURL: verifiedCallback(next) },
          headers,
          returnHeaders: true,
        }),
      );
    } catch (error) {
      // The password was right but the address is not confirmed yet: offer to resend.
      if (error instanceof AppError && error.messageKey === 'auth.emailNotVerified')
        redirect(verifyEmailPath(email, next));
      throw error;
    }
    if ('twoFactorRedirect' in result && result.twoFactorRedirect) {
      redirect(`/auth/two-factor?next=${encodeURIComponent(safeRedirectPath(next))}`);
    }
    if ('user' in result) await applyPreferenceCookies(context, result.user);
    redirect(safeRedirectPath(next));
  },
});

export const signOut = defineAction({
  name: 'auth.signOut',
  input: signOutSchema,
  handler: async ({ next }, context) => {
    // Signing out of a session that is already gone is not an error.
    await callAuth(context, (headers) => getAuth().api.signOut({ headers, returnHeaders: true })).catch(
      () => undefined,
    );
    // The public pages' header reads it in the browser; it lands on one of them.
    await context.responseCookies.set(SIGNED_IN_HINT_COOKIE, '', { path: '/', maxAge: 0 });
    redirect(safeRedirectPath(next, '/'));
  },
});

const twoFactorLimits = [
  { name: 'two-factor-ip', limit: 30, windowSeconds: 15 * 60 },
  // The pending sign-in (better-auth's two-factor cookie) is the account being attacked.
  {
    name: 'two-factor-challenge',
    limit: 10,
    windowSeconds: 15 * 60,
    by: (context: { cookies: { get(name: string): string | undefined } }) =>
      `challenge:${context.cookies.get(twoFactorCookieName()) ?? 'none'}`,
  },
];

function twoFactorCookieName() {
  return cookieName(TWO_FACTOR_COOKIE, getServerConfig().isProduction);
}

export const verifyTwoFactorCode = defineAction({
  name: 'auth.verifyTwoFactor',
  input: twoFactorChallengeSchema,
  rateLimit: twoFactorLimits,
  handler: async ({ code, trustDevice, next }, context) => {
    const result = await callAuth(context, (headers) =>
      getAuth().api.verifyTOTP({ body: { code, trustDevice: trustDevice === 'on' }, headers, returnHeaders: true }),
    );
    await applyPreferenceCookies(context, (result as { user?: unknown }).user);
    redirect(safeRedirectPath(next));
  },
});

export const verifyRecoveryCode = defineAction({
  name: 'auth.verifyRecoveryCode',
  input: recoveryCodeChallengeSchema,
  rateLimit: twoFactorLimits,
  handler: async ({ code, next }, context) => {
    const result = await callAuth(context, (headers) =>
      getAuth().api.verifyBackupCode({ body: { code }, headers, returnHeaders: true }),
    ).catch((error: unknown) => {
      // Sent twice at once, the code is used once: better-auth answers the other request CONFLICT.
      if (authErrorCode(error) === 'CONFLICT')
        throw fieldError(context, 'code', 'auth.invalidRecoveryCode', 'BAD_REQUEST');
      throw error;
    });
    await applyPreferenceCookies(context, (result as { user?: unknown }).user);
    redirect(safeRedirectPath(next));
  },
});
