'use server';

import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { logger } from '@/platform/logger';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { changePasswordSchema, noInputSchema } from '../schemas';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { recordSecurityEvent } from './audit-events';
import { revokeAccountLinks } from './emailed-links';
import { emailLocale, requireEmailDelivery, sendAccountEmail } from './emails';
import { withPasswordPolicy } from './policy';
import { notImpersonating } from './session';
import { forgetTrustedDevices } from './sessions';

// The password settings of a signed-in user: changing it, or (without one) having a link to choose one.

/** better-auth names the password field "password"; some of our forms call it something else. */
function renameFieldError(error: unknown, from: string, to: string): never {
  if (error instanceof AppError && error.fieldErrors?.[from]) {
    throw new AppError(error.code, {
      messageKey: error.messageKey,
      values: error.values,
      fieldErrors: { [to]: error.fieldErrors[from]! },
    });
  }
  throw error;
}

/** Changes the password and signs out every other session (this one continues with a fresh session). */
export const changePassword = defineAction({
  name: 'settings.changePassword',
  input: withPasswordPolicy(changePasswordSchema, ['newPassword']),
  guards: [notImpersonating],
  rateLimit: limitsPerSession('settings-password', { perIp: 20, perSession: 10, windowSeconds: 15 * 60 }),
  handler: async ({ currentPassword, newPassword }, context) => {
    const { user } = context;
    await callAuth(context, (headers) =>
      getAuth().api.changePassword({
        body: { currentPassword, newPassword, revokeOtherSessions: true },
        headers,
        returnHeaders: true,
      }),
    ).catch((error: unknown) => renameFieldError(error, 'password', 'currentPassword'));
    await recordSecurityEvent('auth.passwordChanged', user.id);
    // No link sent before the change keeps working (a reset link, a magic link, an email change), and no device skips
    // the code.
    await revokeAccountLinks(user.id);
    await forgetTrustedDevices(user.id);
    // The change is made; a notice that cannot leave right now is logged, not shown as a failure.
    await sendAccountEmail('passwordChanged', user.email, emailLocale(context, user), {
      url: appConfig.site.url,
    }).catch((error: unknown) => logger.warn({ err: error, userId: user.id }, 'password change notice not sent'));
    return { changed: true };
  },
});

/**
 * For users who sign in by magic link or OAuth: emails them a link to choose
 * a password (the password-reset flow, which adds the password to the account).
 */
export const sendPasswordSetupLink = defineAction({
  name: 'settings.sendPasswordSetupLink',
  input: noInputSchema,
  guards: [notImpersonating],
  rateLimit: limitsPerSession('settings-password-setup', { perIp: 10, perSession: 3, windowSeconds: 60 * 60 }),
  handler: async (_input, context) => {
    if (!appConfig.auth.password) throw new AppError('NOT_FOUND');
    await requireEmailDelivery(() =>
      callAuth(context, (headers) =>
        getAuth().api.requestPasswordReset({
          body: { email: context.user.email, redirectTo: '/auth/reset-password' },
          headers,
          returnHeaders: true,
        }),
      ),
    );
    return { email: context.user.email };
  },
});
