import 'server-only';

/**
 * The auth feature's server API (the user SDK): what pages, route handlers,
 * actions and other features use on the server. See docs/auth/user-sdk.md.
 */
export {
  getSession,
  getSessionFromHeaders,
  getUser,
  hasPendingTwoFactor,
  notImpersonating,
  redirectIfSignedIn,
  requireUser,
  signedIn,
  signInPath,
  type CurrentSession,
  type SignedInUser,
} from './session';
export { readAvatar, removeAvatar, setAvatar, updateProfile } from './profile';
export { listSessions, revokeOtherSessions, revokeSession, type SessionSummary } from './sessions';
export {
  closeImpersonatedSession,
  IMPERSONATION_SECONDS,
  openImpersonatedSession,
  type CookieToSet,
} from './impersonated-sessions';
export { getMfaStatus, type MfaStatus } from './two-factor';
export { isBanInForce } from './bans';
export { hasPassword, listSignInMethods, type SignInMethod } from './sign-in-methods';
export { pendingEmailChange } from './email-change';
// getAuth: better-auth itself, for tests and scripts that create accounts; pages use the functions here.
export { getAuth, MAGIC_LINK_MINUTES, PROVIDER_NAMES } from './auth';
export { toClientUser, type ClientUser } from '../client-user';
export { RECENT_SIGN_IN_MINUTES } from './account-deletion';
export { deleteAccountOf, resetTwoFactorOf, sendConfirmationAgain } from './operator';
export { confirmIdentity } from './reauthentication';
export { normaliseEmail, withPasswordPolicy } from './policy';
export { signUpConfirmation, signUpConfirmationEmail } from './email-confirmation';
export {
  confirmInvitedAddress,
  createInvitedAccount,
  removeInvitedAccount,
  signInInvitedAccount,
} from './invited-account';
export { isPasswordResetTokenUsable, magicLinkEmail } from './link-tokens';
export { getAuthLinkHandler } from './link-handler';
export { accountEmailSubject, type AccountEmailKind } from '../emails/account-email-words';

// Server actions, for pages to pass to forms and for tests. Components in this feature import
// them from the action files directly; the settings pages' components are in components/settings/.
export { completeOnboarding, confirmEmail, resendVerificationEmail, signUp } from './sign-up-actions';
export { signIn, signOut, verifyRecoveryCode, verifyTwoFactorCode } from './sign-in-actions';
export { requestPasswordReset, resetPassword } from './password-reset-actions';
export { requestMagicLink, verifyMagicLink } from './magic-link-actions';
export { signInWithProvider } from './oauth-actions';
export { clearAvatar, saveProfile, updatePreferences, uploadAvatar } from './profile-actions';
export { requestEmailChange } from './email-change-actions';
export { changePassword, sendPasswordSetupLink } from './password-actions';
export {
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
} from './two-factor-actions';
export { signOutOtherSessions, signOutSession } from './session-actions';
export { deleteAccount } from './account-deletion-actions';
