import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getSession, signedIn, type CurrentSession } from '@/features/auth/server';
import { AppError } from '@/platform/http/errors';
import type { Guard } from '@/platform/http/guards';
import { twoFactorSetupPath } from '../paths';
import { isSuperAdmin } from './super-admins';

/** How recent a sign-in a destructive admin action needs (ban, sign out everywhere). */
export const ADMIN_RECENT_SIGN_IN_MINUTES = 30;

function signedInWithin(sessionCreatedAt: Date, minutes: number, now = new Date()) {
  return now.getTime() - sessionCreatedAt.getTime() <= minutes * 60 * 1000;
}

/**
 * The gate of every admin page and layout: anyone who is not a super admin — signed out included — gets the
 * site's 404, so the area's existence is not told to them. A super admin without two-factor authentication is
 * sent to turn it on. Each page calls it itself (a layout is not rendered again on every navigation).
 */
export async function requireSuperAdmin(): Promise<CurrentSession> {
  const current = await getSession();
  if (!current || !(await isSuperAdmin(current.user))) notFound();
  if (!current.user.twoFactorEnabled) redirect(twoFactorSetupPath);
  return current;
}

/**
 * Guard for admin actions and routes (after nothing else: it signs in itself): 401 signed out, 404 to anyone who
 * is not a super admin, 403 to a super admin without two-factor authentication.
 */
export const superAdmin: Guard<unknown, CurrentSession> = async (context) => {
  const current = await signedIn(context);
  if (!(await isSuperAdmin(current.user))) throw new AppError('NOT_FOUND');
  if (!current.user.twoFactorEnabled) throw new AppError('FORBIDDEN', { messageKey: 'admin.twoFactorRequired' });
  return current;
};

/** `superAdmin`, plus a sign-in within the last 30 minutes: for actions that destroy or lock out (ban…). */
export const superAdminSignedInRecently: Guard<unknown, CurrentSession> = async (context) => {
  const current = await superAdmin(context);
  if (!signedInWithin(current.session.createdAt, ADMIN_RECENT_SIGN_IN_MINUTES))
    throw new AppError('FORBIDDEN', { messageKey: 'admin.signInAgain' });
  return current;
};

/**
 * Guard for stopping an impersonation: the request comes in a session a super admin opened as the user. 401 signed
 * out, 404 in any other session — like the rest of the area, it tells nobody else it exists.
 */
export const impersonating: Guard<unknown, CurrentSession> = async (context) => {
  const current = await signedIn(context);
  if (!current.session.impersonatedBy) throw new AppError('NOT_FOUND');
  return current;
};
