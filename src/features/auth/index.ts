/**
 * The auth feature's client-safe public face: for pages and client
 * components. Server code (server components, actions, route handlers) uses
 * `@/features/auth/server`: getUser, requireUser, the signedIn guard…
 * See docs/auth/user-sdk.md.
 */
export { AccountDeletedNotice } from './components/account-deleted-notice';
export { UserProvider, useUser } from './components/user-context';
export { toClientUser, type ClientUser } from './client-user';
export { AUTH_PAGES, authHref, firstValue, landingPath } from './paths';
export { safeRedirectPath } from './redirect';
export { emailField } from './schemas';
export {
  SESSION_COOKIE,
  SIGNED_IN_AREAS,
  SIGNED_IN_HINT_COOKIE,
  cookieName,
  oauthAuthorizationOrigins,
} from './constants';
