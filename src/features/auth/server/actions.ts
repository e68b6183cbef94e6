'use server';

import { and, eq, ne, notExists } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { verifyPassword } from 'better-auth/crypto';
import { db } from '@/platform/db/client';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { TWO_FACTOR_COOKIE, cookieName } from '../constants';
import { AUTH_PAGES, authHref, landingPath } from '../paths';
import { safeRedirectPath } from '../redirect';
import {
  confirmEmailSchema,
  emailOnlySchema,
  magicLinkVerifySchema,
  onboardingSchema,
  recoveryCodeChallengeSchema,
  resetPasswordSchema,
  signInSchema,
  signOutSchema,
  signUpSchema,
  twoFactorChallengeSchema,
} from '../schemas';
import { getAuth } from './auth';
import { authErrorCode, callAuth, errorsTranslator } from './auth-call';
import { signUpConfirmationEmail } from './email-confirmation';
import { revokeMagicLinks } from './emailed-links';
import { requireEmailDelivery } from './emails';
import { magicLinkEmail } from './link-tokens';
import { limitsByIpAndEmail, withMinimumDuration, withPasswordPolicy } from './policy';
import { applyPreferenceCookies } from './preferences';
import { fieldError } from './reauthentication';
import { accounts, users } from './schema';
import { signedIn } from './session';
import { throttlePasswordSignIn } from './sign-in-throttle';

/**
 * The sign-in side of accounts. Each is a public endpoint built with
 * defineAction (CSRF, validation, rate limits in PostgreSQL), calling
 * better-auth on the server. Endpoints that take an email answer the same
 * way, in about the same time, whether or not an account exists.
 */

/** Responses of the endpoints that could reveal whether an email has an account take at least this long. */
const UNIFORM_RESPONSE_MS = 600;

function verifyEmailPath(email: string, next?: string) {
  const params = new URLSearchParams({ email });
  const target = safeRedirectPath(next, '');
  if (target) params.set('next', target);
  return `/auth/verify-email?${params}`;
}

export const signUp = defineAction({
  name: 'auth.signUp',
  input: withPasswordPolicy(signUpSchema, ['password']),
  rateLimit: limitsByIpAndEmail('sign-up', { perIp: 10, perEmail: 5, windowSeconds: 60 * 60 }),
  handler: async ({ email, password, next }, context) => {
    if (!appConfig.auth.password) throw new AppError('FORBIDDEN');
    // An unconfirmed account proves nothing: nobody showed they own the address. A new
    // sign-up replaces it, so someone who registered the address first cannot keep a
    // password on the account its real owner will confirm.
    if (appConfig.features.emailVerificationRequired) await removeUnconfirmedAccount(email);
    const existedBefore = await userExists(email);
    const result = await withMinimumDuration(UNIFORM_RESPONSE_MS, async () => {
      try {
        // better-auth sends the confirmation (or existing-account) email in a helper that only logs a failure.
        return await requireEmailDelivery(() =>
          callAuth(context, (headers) =>
            getAuth().api.signUpEmail({
              body: { email, password, name: '', callbackURL: verifiedCallback(next) },
              headers,
              returnHeaders: true,
            }),
          ),
        );
      } catch (error) {
        // The confirmation email could not leave: undo the sign-up so that trying
        // again later starts afresh instead of meeting a half-made account.
        if (error instanceof AppError && error.code === 'EMAIL_NOT_SENT' && !existedBefore) {
          await db.delete(users).where(and(eq(users.email, email), eq(users.emailVerified, false)));
        }
        throw error;
      }
    });
    if (appConfig.features.emailVerificationRequired) redirect(verifyEmailPath(email, next));
    if (!result.token) redirect(verifyEmailPath(email, next));
    redirect(landingPath({ onboardedAt: null }, next));
  },
});

/** Where the email verification link lands: a confirmation page that continues to onboarding (or `next`). */
function verifiedCallback(next?: string) {
  return `/auth/verified?next=${encodeURIComponent(safeRedirectPath(next, '/onboarding'))}`;
}

/** Deletes the account of `email` if its address was never confirmed and it has no other way in than a password. */
async function removeUnconfirmedAccount(email: string) {
  await db.delete(users).where(
    and(
      eq(users.email, email),
      eq(users.emailVerified, false),
      notExists(
        db
          .select()
          .from(accounts)
          .where(and(eq(accounts.userId, users.id), ne(accounts.providerId, 'credential'))),
      ),
    ),
  );
}

async function userExists(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return Boolean(row);
}

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
    redirect(safeRedirectPath(next, '/'));
  },
});

export const requestPasswordReset = defineAction({
  name: 'auth.requestPasswordReset',
  input: emailOnlySchema,
  rateLimit: limitsByIpAndEmail('password-reset', { perIp: 10, perEmail: 3, windowSeconds: 60 * 60 }),
  handler: async ({ email }, context) => {
    // An address without an account gets no email, so only a real send can fail here.
    await withMinimumDuration(UNIFORM_RESPONSE_MS, () =>
      requireEmailDelivery(() =>
        callAuth(context, (headers) =>
          getAuth().api.requestPasswordReset({
            body: { email, redirectTo: '/auth/reset-password' },
            headers,
            returnHeaders: true,
          }),
        ),
      ),
    );
    return { email };
  },
});

export const resetPassword = defineAction({
  name: 'auth.resetPassword',
  input: withPasswordPolicy(resetPasswordSchema, ['password']),
  rateLimit: { name: 'password-reset-submit', limit: 20, windowSeconds: 15 * 60 },
  handler: async ({ token, password }, context) => {
    await callAuth(context, (headers) =>
      getAuth().api.resetPassword({ body: { token, newPassword: password }, headers, returnHeaders: true }),
    );
    redirect(`${appConfig.paths.signIn}?reset=1`);
  },
});

export const requestMagicLink = defineAction({
  name: 'auth.requestMagicLink',
  input: emailOnlySchema,
  rateLimit: limitsByIpAndEmail('magic-link', { perIp: 10, perEmail: 3, windowSeconds: 15 * 60 }),
  handler: async ({ email, next }, context) => {
    if (!appConfig.auth.magicLink) throw new AppError('FORBIDDEN');
    await withMinimumDuration(UNIFORM_RESPONSE_MS, () =>
      callAuth(context, (headers) =>
        getAuth().api.signInMagicLink({
          body: { email, callbackURL: safeRedirectPath(next) },
          headers,
          returnHeaders: true,
        }),
      ),
    );
    return { email };
  },
});

/**
 * Confirms the address of a new account: the emailed link's token together
 * with the account's password, then signs in. Neither alone is enough: the
 * link proves the mailbox, the password proves who chose it. So a link opened
 * by a mail scanner signs nobody in, and if someone else registered the address
 * with a password of their own, its owner cannot be led into that account.
 */
export const confirmEmail = defineAction({
  name: 'auth.confirmEmail',
  input: confirmEmailSchema,
  rateLimit: { name: 'confirm-email', limit: 20, windowSeconds: 15 * 60 },
  handler: async ({ token, password, next }, context) => {
    const email = await signUpConfirmationEmail(token);
    if (!email) throw new AppError('BAD_REQUEST', { messageKey: 'auth.invalidLink' });
    const [credential] = await db
      .select({ hash: accounts.password, verified: users.emailVerified })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(and(eq(users.email, email), eq(accounts.providerId, 'credential')))
      .limit(1);
    if (!credential?.hash) throw new AppError('BAD_REQUEST', { messageKey: 'auth.invalidLink' });
    // Used already: the link is spent (it is no second way to sign in); the page says so and offers sign-in.
    if (credential.verified) redirect(authHref(AUTH_PAGES.verified, { next }));
    if (!(await verifyPassword({ hash: credential.hash, password }))) {
      throw new AppError('FORBIDDEN', {
        messageKey: 'auth.confirmPasswordWrong',
        fieldErrors: { password: [errorsTranslator(context)('auth.confirmPasswordWrong')] },
      });
    }
    // Expired or forged: better-auth refuses with INVALID_TOKEN / TOKEN_EXPIRED (an "ask for a new link" message).
    await callAuth(context, (headers) => getAuth().api.verifyEmail({ query: { token }, headers, returnHeaders: true }));
    const result = await callAuth(context, (headers) =>
      getAuth().api.signInEmail({ body: { email, password }, headers, returnHeaders: true }),
    );
    if ('twoFactorRedirect' in result && result.twoFactorRedirect)
      redirect(`/auth/two-factor?next=${encodeURIComponent(safeRedirectPath(next))}`);
    const user = 'user' in result ? (result.user as { onboardedAt?: Date | null }) : undefined;
    if (user) await applyPreferenceCookies(context, user);
    redirect(landingPath({ onboardedAt: user?.onboardedAt ?? null }, next));
  },
});

/**
 * The magic link opens a page with a button; the button consumes the token.
 * (Link scanners in mail systems open links, but do not press buttons.)
 */
export const verifyMagicLink = defineAction({
  name: 'auth.verifyMagicLink',
  input: magicLinkVerifySchema,
  rateLimit: { name: 'magic-link-verify', limit: 20, windowSeconds: 15 * 60 },
  handler: async ({ token, next }, context) => {
    // Turned off: no link signs in, whatever sent it (the token stays unspent).
    if (!appConfig.auth.magicLink) throw new AppError('BAD_REQUEST', { messageKey: 'auth.invalidLink' });
    const email = await magicLinkEmail(token);
    // Without a callbackURL better-auth answers JSON; an invalid, used or expired token is a redirect carrying
    // ?error=INVALID_TOKEN, which callAuth turns into auth.invalidLink.
    const result = await callAuth(context, (headers) =>
      getAuth().api.magicLinkVerify({ query: { token }, headers, returnHeaders: true }),
    );
    // Used: the other links sent to this address end (better-auth used up this one).
    if (email) await revokeMagicLinks(email);
    // Two-factor users still owe their code (see second-factor-gate.ts).
    if ((result as { twoFactorRedirect?: boolean } | undefined)?.twoFactorRedirect) {
      redirect(`/auth/two-factor?next=${encodeURIComponent(safeRedirectPath(next))}`);
    }
    const user = (result as { user?: { onboardedAt?: unknown } } | undefined)?.user;
    if (!user) throw new AppError('BAD_REQUEST', { messageKey: 'auth.invalidLink' });
    await applyPreferenceCookies(context, user);
    // A new account (the link created it) goes through onboarding first, keeping `next` (an invitation, say).
    redirect(landingPath({ onboardedAt: user.onboardedAt ? new Date() : null }, next));
  },
});

export const resendVerificationEmail = defineAction({
  name: 'auth.resendVerification',
  input: emailOnlySchema,
  rateLimit: limitsByIpAndEmail('verification-resend', { perIp: 10, perEmail: 3, windowSeconds: 60 * 60 }),
  handler: async ({ email, next }, context) => {
    await withMinimumDuration(UNIFORM_RESPONSE_MS, async () => {
      try {
        await callAuth(context, (headers) =>
          getAuth().api.sendVerificationEmail({
            body: { email, callbackURL: verifiedCallback(next) },
            headers,
            returnHeaders: true,
          }),
        );
      } catch (error) {
        // Already verified, or no such account: the same answer as a sent email.
        if (error instanceof AppError && error.code === 'EMAIL_NOT_SENT') throw error;
        if (error instanceof AppError) return;
        throw error;
      }
    });
    return { email };
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

/** The first step after signing up: a name (the avatar can be added in settings). */
export const completeOnboarding = defineAction({
  name: 'auth.completeOnboarding',
  input: onboardingSchema,
  guards: [signedIn],
  handler: async ({ name, next }, { user }) => {
    await db.update(users).set({ name, onboardedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
    // `next` first (an invitation link the user signed up from: /join?token=…). Otherwise /dashboard,
    // which sends a user without an organization on to /onboarding/organization (create one, or
    // accept an invitation to their address), then to inviting teammates.
    redirect(landingPath({ onboardedAt: new Date() }, next, appConfig.paths.dashboard));
  },
});
