import { z } from 'zod';
import { LOCALES, OAUTH_PROVIDERS, THEMES } from '@/platform/config/constants';
import { singleLineText } from '@/platform/http/text-fields';

/**
 * What the account forms send. Shared by the server actions and the forms, so
 * the browser shows the same field errors the server would. The check against
 * common passwords runs on the server only (the list stays out of bundles).
 */

export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 128;

export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** A new password: length only, no composition rules (NIST SP 800-63B). */
const newPasswordField = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
/** An existing password: anything non-empty (old accounts may predate today's rules). */
const currentPasswordField = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const nameField = singleLineText().min(1).max(100);
/** Where to go after signing in; sanitised again on the server (see safeRedirectPath). */
/**
 * Where to go afterwards. Not refused for odd characters: a crafted link must not stop a
 * sign-in. safeRedirectPath() drops anything that is not a path on this site.
 */
const nextField = z.string().max(2000).optional();

export const signUpSchema = z.object({ email: emailField, password: newPasswordField, next: nextField });
/** Signing up from an emailed invitation: the address is the invitation's, so only a name and a password. */
export const invitedSignUpSchema = z.object({
  token: z.string().min(20).max(200),
  name: nameField,
  password: newPasswordField,
});
export const signInSchema = z.object({ email: emailField, password: currentPasswordField, next: nextField });
export const emailOnlySchema = z.object({ email: emailField, next: nextField });
export const resetPasswordSchema = z.object({ token: z.string().min(1).max(500), password: newPasswordField });
export const confirmEmailSchema = z.object({
  token: z.string().min(1).max(2000),
  password: currentPasswordField,
  next: nextField,
});
export const magicLinkVerifySchema = z.object({ token: z.string().min(1).max(500), next: nextField });
const totpCodeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'validation.totpCode');
export const twoFactorChallengeSchema = z.object({
  code: totpCodeField,
  trustDevice: z.enum(['on']).optional(),
  next: nextField,
});
export const recoveryCodeChallengeSchema = z.object({ code: singleLineText().min(6).max(40), next: nextField });

export const signInWithProviderSchema = z.object({ provider: z.enum(OAUTH_PROVIDERS), next: nextField });

export const onboardingSchema = z.object({ name: nameField, next: nextField });
/** Signing out may come back to a page (the invitation page, to sign in as the invited address). */
export const signOutSchema = z.object({ next: nextField });

// Settings (the profile, email-change, password, two-factor, session and account-deletion actions).
export const profileSchema = z.object({ name: nameField });
/** An uploaded file (checked by shape: FormData parsers differ in which File class they use). */
const uploadedFile = z.custom<Blob>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).arrayBuffer === 'function' &&
    typeof (value as Blob).size === 'number',
  'validation.required',
);
/** The picture itself is checked on the server, by its bytes (see src/platform/images/square-image.ts). */
export const avatarUploadSchema = z.object({
  avatar: uploadedFile.refine((file) => file.size > 0, 'validation.required'),
});
/** `password` is required on the server when the user has one. */
export const changeEmailSchema = z.object({ email: emailField, password: currentPasswordField.optional() });
export const changePasswordSchema = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField });
export const enableTwoFactorSchema = z.object({ password: currentPasswordField.optional() });
export const confirmTwoFactorSchema = z.object({ code: totpCodeField });
/** Users with a password confirm with it; users without one, with a current code from their app. */
export const disableTwoFactorSchema = z.object({
  password: currentPasswordField.optional(),
  code: totpCodeField.optional(),
});
/** @alias The same confirmation as turning it off. */
export const regenerateRecoveryCodesSchema = disableTwoFactorSchema;
export const revokeSessionSchema = z.object({ sessionId: singleLineText().min(1).max(200) });
export const preferencesSchema = z.object({ locale: z.enum(LOCALES), theme: z.enum(THEMES) });
export const deleteAccountSchema = z.object({
  password: currentPasswordField.optional(),
  confirmation: singleLineText().min(1).max(254),
});
/** For actions that take nothing but the CSRF token. */
export const noInputSchema = z.object({});
