'use server';

import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { ImageRejected, imageRefusal } from '@/platform/images/square-image';
import type { RequestContext } from '@/platform/http/request-context';
import { isLocale } from '@/platform/i18n/locale';
import { logger } from '@/platform/logger';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import {
  avatarUploadSchema,
  changeEmailSchema,
  changePasswordSchema,
  confirmTwoFactorSchema,
  deleteAccountSchema,
  disableTwoFactorSchema,
  enableTwoFactorSchema,
  noInputSchema,
  preferencesSchema,
  profileSchema,
  regenerateRecoveryCodesSchema,
  revokeSessionSchema,
} from '../schemas';
import { assertCanDeleteAccount } from './account-deletion';
import { confirmAuthenticatorCode, confirmIdentity, fieldError } from './reauthentication';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { recordPendingEmailChange } from './email-change';
import { revokeAccountLinks, revokeEmailChangeLinks } from './emailed-links';
import { requireEmailDelivery, sendAccountEmail } from './emails';
import { withPasswordPolicy } from './policy';
import { applyPreferenceCookies, savePreferences } from './preferences';
import { deleteAvatarFile, removeAvatar, setAvatar, updateProfile } from './profile';
import { signedIn, type SignedInUser } from './session';
import { forgetTrustedDevices, revokeOtherSessions, revokeSession } from './sessions';
import { hasPassword } from './sign-in-methods';
import { authenticatorSetup } from './two-factor';

/**
 * The account settings pages' actions. Every one requires a signed-in user
 * (the `signedIn` guard answers 401 otherwise) and acts on that user only.
 * Changes that an intruder holding a stolen session would want — email,
 * password, two-factor, deletion — ask who is there first (confirmIdentity).
 */

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

function emailLocale(context: RequestContext, user: SignedInUser) {
  return isLocale(user.locale) ? user.locale : context.locale;
}

function siteLink(path: string) {
  return new URL(path, appConfig.site.url).toString();
}

function assertMultiFactorEnabled() {
  if (!appConfig.features.multiFactorAuth) throw new AppError('NOT_FOUND');
}

// ─── Profile ────────────────────────────────────────────────────────────────

export const saveProfile = defineAction({
  name: 'settings.saveProfile',
  input: profileSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-profile', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ name }, { user }) => {
    await updateProfile(user.id, { name });
    return { name };
  },
});

/** Takes the FormData of the avatar form: a field `avatar` holding the image file. */
export const uploadAvatar = defineAction({
  name: 'settings.uploadAvatar',
  input: avatarUploadSchema,
  guards: [signedIn],
  // Decoding images costs CPU: a modest limit.
  rateLimit: limitsPerSession('settings-avatar', { perIp: 30, perSession: 15, windowSeconds: 10 * 60 }),
  handler: async ({ avatar }, context) => {
    try {
      const image = await setAvatar(context.user.id, Buffer.from(await avatar.arrayBuffer()));
      return { image };
    } catch (error) {
      if (error instanceof ImageRejected) throw imageRefusal(error, 'avatar');
      throw error;
    }
  },
});

export const clearAvatar = defineAction({
  name: 'settings.clearAvatar',
  input: noInputSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-avatar', { perIp: 30, perSession: 15, windowSeconds: 10 * 60 }),
  handler: async (_input, { user }) => {
    await removeAvatar(user.id);
    return { image: null };
  },
});

// ─── Email ──────────────────────────────────────────────────────────────────

/**
 * Starts an email change. better-auth emails a confirmation link to the new
 * address (our sendVerificationEmail hook picks the "emailChangeNew" email);
 * the address changes only when that link is opened. The current address is
 * told first, so a change made by someone else never goes unnoticed. When the
 * new address already has an account nothing is sent to it, and the answer is
 * the same (no way to learn which addresses have accounts).
 */
export const requestEmailChange = defineAction({
  name: 'settings.requestEmailChange',
  input: changeEmailSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-email-change', { perIp: 20, perSession: 5, windowSeconds: 60 * 60 }),
  handler: async ({ email, password }, context) => {
    const { user } = context;
    if (email === user.email.toLowerCase()) throw fieldError(context, 'email', 'auth.emailUnchanged');
    await confirmIdentity(context, { password });

    await sendAccountEmail('emailChangeOld', user.email, emailLocale(context, user), {
      newEmail: email,
      url: siteLink('/settings/security'),
    });
    // Only the latest change asked for can be confirmed.
    await revokeEmailChangeLinks(user.id);
    // better-auth sends the confirmation in a helper that only logs a failure: count it here.
    await requireEmailDelivery(() =>
      callAuth(context, (headers) =>
        getAuth().api.changeEmail({
          body: { newEmail: email, callbackURL: '/settings/account?email=confirmed' },
          headers,
          returnHeaders: true,
        }),
      ),
    );
    await recordPendingEmailChange(user.id, email);
    return { email };
  },
});

// ─── Password ───────────────────────────────────────────────────────────────

/** Changes the password and signs out every other session (this one continues with a fresh session). */
export const changePassword = defineAction({
  name: 'settings.changePassword',
  input: withPasswordPolicy(changePasswordSchema, ['newPassword']),
  guards: [signedIn],
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
  guards: [signedIn],
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

// ─── Two-factor authentication ──────────────────────────────────────────────

const twoFactorLimits = limitsPerSession('settings-two-factor', { perIp: 30, perSession: 10, windowSeconds: 15 * 60 });

/**
 * Step 1: creates a new authenticator secret (not yet in force) and returns
 * what the user scans or types. Users with a password confirm with it.
 */
export const startTwoFactorSetup = defineAction({
  name: 'settings.startTwoFactorSetup',
  input: enableTwoFactorSchema,
  guards: [signedIn],
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
  guards: [signedIn],
  rateLimit: twoFactorLimits,
  handler: async ({ code }, context) => {
    assertMultiFactorEnabled();
    // Once on, a code must not be a way to read the recovery codes again.
    if (context.user.twoFactorEnabled) throw new AppError('CONFLICT', { messageKey: 'auth.twoFactorAlreadyEnabled' });
    // better-auth turns two-factor on and replaces this session with a new one (its cookie is passed on).
    await confirmAuthenticatorCode(context, code);
    const { backupCodes } = await getAuth().api.viewBackupCodes({ body: { userId: context.user.id } });
    return { recoveryCodes: backupCodes };
  },
});

/** Turns two-factor off: with the password, or (for users without one) a current code. */
export const disableTwoFactor = defineAction({
  name: 'settings.disableTwoFactor',
  input: disableTwoFactorSchema,
  guards: [signedIn],
  rateLimit: twoFactorLimits,
  handler: async ({ password, code }, context) => {
    assertMultiFactorEnabled();
    if (!context.user.twoFactorEnabled) throw new AppError('BAD_REQUEST', { messageKey: 'auth.twoFactorNotEnabled' });
    await confirmIdentity(context, { password, code });
    await callAuth(context, (headers) =>
      getAuth().api.disableTwoFactor({ body: password ? { password } : {}, headers, returnHeaders: true }),
    );
    return { enabled: false };
  },
});

/** New recovery codes replace the old ones (which stop working); same confirmation as turning off. */
export const regenerateRecoveryCodes = defineAction({
  name: 'settings.regenerateRecoveryCodes',
  input: regenerateRecoveryCodesSchema,
  guards: [signedIn],
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

// ─── Sessions ───────────────────────────────────────────────────────────────

/** Signs out one of the user's other devices. This device signs out with the usual "Sign out". */
export const signOutSession = defineAction({
  name: 'settings.signOutSession',
  input: revokeSessionSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-sessions', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ sessionId }, { user, session, ...context }) => {
    if (sessionId === session.id) throw new AppError('BAD_REQUEST', { messageKey: 'auth.currentSession' });
    if (!(await revokeSession(user.id, sessionId))) throw new AppError('NOT_FOUND');
    context.logger.info({ userId: user.id }, 'session revoked');
    return { sessionId };
  },
});

export const signOutOtherSessions = defineAction({
  name: 'settings.signOutOtherSessions',
  input: noInputSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-sessions', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async (_input, { user, session }) => {
    const count = await revokeOtherSessions(user.id, session.id);
    // Also forgets the devices trusted to skip the authenticator code. It leaves the emailed links alone: this
    // needs only a session, so a stolen one could otherwise keep deleting the owner's reset link (decision 0024);
    // the password change that takes the account back ends them.
    await forgetTrustedDevices(user.id);
    return { count };
  },
});

// ─── Preferences ────────────────────────────────────────────────────────────

/** Saves language and theme on the user and applies them to this browser's cookies. */
export const updatePreferences = defineAction({
  name: 'settings.updatePreferences',
  input: preferencesSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-preferences', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async (preferences, context) => {
    await savePreferences(context.user.id, preferences);
    await applyPreferenceCookies(context, preferences);
    return preferences;
  },
});

// ─── Deletion ───────────────────────────────────────────────────────────────

/**
 * Deletes the account for good: the user row, and with it (foreign keys with
 * ON DELETE CASCADE) sessions, sign-in methods and two-factor secrets; then the
 * avatar file. Needs the email typed out, and the password — or, for users
 * without one, a sign-in within the last few minutes.
 */
export const deleteAccount = defineAction({
  name: 'settings.deleteAccount',
  input: deleteAccountSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('settings-delete-account', { perIp: 20, perSession: 10, windowSeconds: 15 * 60 }),
  handler: async ({ password, confirmation }, context) => {
    if (!appConfig.features.accountDeletion) throw new AppError('NOT_FOUND');
    const { user } = context;
    if (confirmation.toLowerCase() !== user.email.toLowerCase())
      throw fieldError(context, 'confirmation', 'auth.deleteConfirmation');
    const withPassword = await hasPassword(user.id);
    await confirmIdentity(context, { password });
    await assertCanDeleteAccount(user.id);

    await callAuth(context, (headers) =>
      getAuth().api.deleteUser({ body: withPassword ? { password } : {}, headers, returnHeaders: true }),
    );
    await deleteAvatarFile(user.image);
    context.logger.info({ userId: user.id }, 'account deleted');
    redirect('/?notice=account-deleted');
  },
});
