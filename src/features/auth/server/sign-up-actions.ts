'use server';

import { and, eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { verifyPassword } from 'better-auth/crypto';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { AUTH_PAGES, authHref, landingPath, verifiedCallback, verifyEmailPath } from '../paths';
import { safeRedirectPath } from '../redirect';
import { confirmEmailSchema, emailOnlySchema, onboardingSchema, signUpSchema } from '../schemas';
import { getAuth } from './auth';
import { callAuth, errorsTranslator } from './auth-call';
import { signUpConfirmationEmail } from './email-confirmation';
import { requireEmailDelivery } from './emails';
import { removeUnconfirmedAccount } from './invited-account';
import { UNIFORM_RESPONSE_MS, limitsByIpAndEmail, withMinimumDuration, withPasswordPolicy } from './policy';
import { applyPreferenceCookies } from './preferences';
import { accounts, users } from './schema';
import { signedIn } from './session';

/**
 * Signing up: the account, the confirmation of its address (and sending that
 * link again), and onboarding. Public endpoints built with defineAction (CSRF,
 * validation, rate limits in PostgreSQL) calling better-auth on the server;
 * those that take an email answer the same way, in about the same time,
 * whether or not an account exists.
 */

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

async function userExists(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return Boolean(row);
}

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
