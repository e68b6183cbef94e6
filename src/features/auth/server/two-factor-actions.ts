'use server';

import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import {
  confirmTwoFactorSchema,
  disableTwoFactorSchema,
  enableTwoFactorSchema,
  regenerateRecoveryCodesSchema,
} from '../schemas';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { recordSecurityEvent } from './audit-events';
import { endSessionsOpenedBefore } from './operator';
import { confirmAuthenticatorCode, confirmIdentity } from './reauthentication';
import { notImpersonating } from './session';
import { authenticatorSetup } from './two-factor';

/**
 * Two-factor settings of a signed-in user: setting an authenticator up, turning
 * it off, new recovery codes. Each asks who is there first (confirmIdentity):
 * an intruder holding a stolen session would want exactly these.
 */

function assertMultiFactorEnabled() {
  if (!appConfig.features.multiFactorAuth) throw new AppError('NOT_FOUND');
}

const twoFactorLimits = limitsPerSession('settings-two-factor', { perIp: 30, perSession: 10, windowSeconds: 15 * 60 });

/**
 * Step 1: creates a new authenticator secret (not yet in force) and returns
 * what the user scans or types. Users with a password confirm with it.
 */
export const startTwoFactorSetup = defineAction({
  name: 'settings.startTwoFactorSetup',
  input: enableTwoFactorSchema,
  guards: [notImpersonating],
  rateLimit: twoFactorLimits,
  handler: async ({ password }, context) => {
    assertMultiFactorEnabled();
    if (context.user.twoFactorEnabled) throw new AppError('CONFLICT', { messageKey: 'auth.twoFactorAlreadyEnabled' });
    await confirmIdentity(context, { password });
    const result = await callAuth(context, (headers) =>
      getAuth().api.enableTwoFactor({ body: password ? { password } : {}, headers, returnHeaders: true }),
    );
    if (result.method !== 'totp') throw new Error('better-auth returned no TOTP URI');
    return authenticatorSetup(result.totpURI);
  },
});

/**
 * Step 2: a code from the app proves it holds the secret; two-factor is then
 * on, and the recovery codes are returned — the only time they are shown.
 */
export const confirmTwoFactorSetup = defineAction({
  name: 'settings.confirmTwoFactorSetup',
  input: confirmTwoFactorSchema,
  guards: [notImpersonating],
  rateLimit: twoFactorLimits,
  handler: async ({ code }, context) => {
    assertMultiFactorEnabled();
    // Once on, a code must not be a way to read the recovery codes again.
    if (context.user.twoFactorEnabled) throw new AppError('CONFLICT', { messageKey: 'auth.twoFactorAlreadyEnabled' });
    // better-auth turns two-factor on and replaces this session with a new one (its cookie is passed on).
    const startedAt = new Date();
    await confirmAuthenticatorCode(context, code);
    // The sessions opened without the second factor end (other devices sign in again, with a code): from now on,
    // every session of this user has passed it — what the admin area's gate relies on.
    const signedOut = await endSessionsOpenedBefore(context.user.id, startedAt);
    await recordSecurityEvent('auth.twoFactorEnabled', context.user.id, { details: { signedOut } });
    const { backupCodes } = await getAuth().api.viewBackupCodes({ body: { userId: context.user.id } });
    return { recoveryCodes: backupCodes };
  },
});

/** Turns two-factor off: with the password, or (for users without one) a current code. */
export const disableTwoFactor = defineAction({
  name: 'settings.disableTwoFactor',
  input: disableTwoFactorSchema,
  guards: [notImpersonating],
  rateLimit: twoFactorLimits,
  handler: async ({ password, code }, context) => {
    assertMultiFactorEnabled();
    if (!context.user.twoFactorEnabled) throw new AppError('BAD_REQUEST', { messageKey: 'auth.twoFactorNotEnabled' });
    await confirmIdentity(context, { password, code });
    await callAuth(context, (headers) =>
      getAuth().api.disableTwoFactor({ body: password ? { password } : {}, headers, returnHeaders: true }),
    );
    await recordSecurityEvent('auth.twoFactorDisabled', context.user.id);
    return { enabled: false };
  },
});

/** New recovery codes replace the old ones (which stop working); same confirmation as turning off. */
export const regenerateRecoveryCodes = defineAction({
  name: 'settings.regenerateRecoveryCodes',
  input: regenerateRecoveryCodesSchema,
  guards: [notImpersonating],
  rateLimit: twoFactorLimits,
  handler: async ({ password, code }, context) => {
    assertMultiFactorEnabled();
    await confirmIdentity(context, { password, code });
    const { backupCodes } = await callAuth(context, (headers) =>
      getAuth().api.generateBackupCodes({ body: password ? { password } : {}, headers, returnHeaders: true }),
    );
    return { recoveryCodes: backupCodes };
  },
});
