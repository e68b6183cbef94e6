'use server';

import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { changeEmailSchema } from '../schemas';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { recordPendingEmailChange } from './email-change';
import { revokeEmailChangeLinks } from './emailed-links';
import { emailLocale, requireEmailDelivery, sendAccountEmail } from './emails';
import { confirmIdentity, fieldError } from './reauthentication';
import { notImpersonating } from './session';

function siteLink(path: string) {
  return new URL(path, appConfig.site.url).toString();
}

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
  guards: [notImpersonating],
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
