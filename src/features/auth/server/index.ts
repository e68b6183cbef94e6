import 'server-only';

/**
 * The auth feature's server API (the user SDK): what pages, route handlers,
 * actions and other features use on the server. See docs/auth/user-sdk.md.
 */
export {
  getSession,
  getSessionFromHeaders,
  getUser,
  requireUser,
  signedIn,
  signInPath,
  type CurrentSession,
  type SignedInUser,
} from './session';
export { readAvatar, removeAvatar, setAvatar, updateProfile } from './profile';
export { listSessions, revokeOtherSessions, revokeSession, type SessionSummary } from './sessions';
export { getMfaStatus, type MfaStatus } from './two-factor';
export { hasPassword, listSignInMethods, type SignInMethod } from './sign-in-methods';
export { pendingEmailChange } from './email-change';
export { PROVIDER_NAMES } from './auth';
export { toClientUser, type ClientUser } from '../client-user';
export { RECENT_SIGN_IN_MINUTES } from './account-deletion';
export { confirmIdentity } from './reauthentication';
export { limitsPerSession } from './rate-limits';
export { normaliseEmail } from './policy';

// The settings pages' components (server and client components, for pages to render).
export * from '../components/settings';
