'use server';

import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { landingPath } from '../paths';
import { safeRedirectPath } from '../redirect';
import { emailOnlySchema, magicLinkVerifySchema } from '../schemas';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { revokeMagicLinks } from './emailed-links';
import { magicLinkEmail } from './link-tokens';
import { UNIFORM_RESPONSE_MS, limitsByIpAndEmail, withMinimumDuration } from './policy';
import { applyPreferenceCookies } from './preferences';

/** Signing in by emailed link: asking for one, and using it (which may create the account). */

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
