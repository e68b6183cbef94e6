import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { AppError } from '@/platform/http/errors';
import type { Guard } from '@/platform/http/guards';
import { PATH_HEADER, clientIp } from '@/platform/http/request-context';
import { noteImpersonator } from '@/platform/http/request-scope';
import { TWO_FACTOR_COOKIE, cookieName } from '../constants';
import { landingPath } from '../paths';
import { safeRedirectPath } from '../redirect';
import { getAuth } from './auth';
import { authHeaders } from './auth-headers';
import { isBanInForce } from './bans';

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  twoFactorEnabled: boolean;
  locale: string | null;
  /** Saved theme preference ("light" | "dark" | "system"), or null. */
  theme: string | null;
  onboardedAt: Date | null;
  createdAt: Date;
}

export interface CurrentSession {
  user: SignedInUser;
  session: {
    id: string;
    expiresAt: Date;
    createdAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
    /** The super admin who opened this session as the user (impersonation, docs/admin/impersonation.md), or null. */
    impersonatedBy: string | null;
  };
}

type RawSession = Awaited<ReturnType<ReturnType<typeof getAuth>['api']['getSession']>>;

function toCurrentSession(raw: RawSession): CurrentSession | null {
  if (!raw) return null;
  const { user, session } = raw;
  // A ban signs its sessions out when set; one left over (a ban set by hand in SQL) is not honoured either.
  if (isBanInForce(user.bannedAt as Date | null | undefined, user.banExpiresAt as Date | null | undefined)) return null;
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      image: user.image ?? null,
      twoFactorEnabled: Boolean(user.twoFactorEnabled),
      locale: (user.locale as string | null | undefined) ?? null,
      theme: (user.theme as string | null | undefined) ?? null,
      onboardedAt: (user.onboardedAt as Date | null | undefined) ?? null,
      createdAt: user.createdAt,
    },
    session: {
      id: session.id,
      expiresAt: session.expiresAt,
      createdAt: session.createdAt,
      ipAddress: session.ipAddress ?? null,
      userAgent: session.userAgent ?? null,
      impersonatedBy: (session.impersonatedBy as string | null | undefined) ?? null,
    },
  };
}

/** The session of a request given by its headers (route handlers, actions, tests). Null when signed out or revoked. */
export async function getSessionFromHeaders(requestHeaders: Headers): Promise<CurrentSession | null> {
  const raw = await getAuth().api.getSession({
    headers: authHeaders({ headers: requestHeaders, ip: clientIp(requestHeaders, getServerConfig().trustedProxies) }),
  });
  const current = toCurrentSession(raw);
  // Every audit event of a request made in an impersonated session names the super admin behind it.
  if (current?.session.impersonatedBy) noteImpersonator(current.session.impersonatedBy);
  return current;
}

/**
 * The signed-in session of the current request, read once per request.
 * Cookies come from cookies(), not the Cookie header: when a server action
 * replaces the session (password change, two-factor on or off), the page
 * Next.js renders in the same response must see the new session cookie.
 */
export const getSession = cache(async (): Promise<CurrentSession | null> => {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  const requestHeaders = new Headers(headerList);
  requestHeaders.set('cookie', cookieStore.toString());
  return getSessionFromHeaders(requestHeaders);
});

/** The signed-in user, or null. For server components, actions and route handlers. */
export async function getUser(): Promise<SignedInUser | null> {
  return (await getSession())?.user ?? null;
}

/** The sign-in page, set to come back to `next` afterwards. */
export function signInPath(next?: string | null) {
  const target = safeRedirectPath(next, '');
  return target ? `${appConfig.paths.signIn}?next=${encodeURIComponent(target)}` : appConfig.paths.signIn;
}

/**
 * The signed-in user, for pages: a visitor who is not signed in is sent to
 * sign in (and brought back here afterwards); a user who has not finished
 * onboarding is sent there first, unless `allowOnboarding` is set.
 */
export async function requireUser(options: { allowOnboarding?: boolean } = {}): Promise<SignedInUser> {
  const user = await getUser();
  if (!user) redirect(signInPath((await headers()).get(PATH_HEADER)));
  if (!user.onboardedAt && !options.allowOnboarding) redirect('/onboarding');
  return user;
}

/**
 * For the pages of signed-out visitors (sign in, sign up): a user who is
 * already signed in is sent on — to onboarding if unfinished, else to `next`.
 */
export async function redirectIfSignedIn(next?: string | null): Promise<void> {
  const user = await getUser();
  if (user) redirect(landingPath(user, next, appConfig.paths.dashboard));
}

/** Whether this browser is between the password and the second factor (better-auth's two-factor cookie is set). */
export async function hasPendingTwoFactor(): Promise<boolean> {
  return (await cookies()).has(cookieName(TWO_FACTOR_COOKIE, getServerConfig().isProduction));
}

/**
 * Guard for defineAction / defineRoute: refuses with 401 unless signed in, and
 * adds `user` and `session` to the handler's context.
 *
 * export const rename = defineAction({ name: 'x.rename', input, guards: [signedIn], handler: (input, { user }) => … });
 */
export const signedIn: Guard<unknown, CurrentSession> = async (context) => {
  const current = await getSessionFromHeaders(context.headers);
  if (!current) throw new AppError('UNAUTHENTICATED');
  return current;
};

/**
 * Guard for what a super admin impersonating the user must not do (docs/admin/impersonation.md): password, email,
 * two-factor, sessions, deletions and billing. Signs in like `signedIn` (401 signed out), then refuses a session a
 * super admin opened as the user with 403 and says why. List it first, in place of `signedIn` or before the
 * organization guard:
 *
 *   guards: [notImpersonating],                // instead of [signedIn]
 *   guards: [notImpersonating, manager],       // before organizationMember(…)
 */
export const notImpersonating: Guard<unknown, CurrentSession> = async (context) => {
  const current = await signedIn(context);
  if (current.session.impersonatedBy)
    throw new AppError('FORBIDDEN', { messageKey: 'admin.impersonation.notWhileImpersonating' });
  return current;
};
