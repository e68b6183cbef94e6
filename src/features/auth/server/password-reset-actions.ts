'use server';

import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { emailOnlySchema, resetPasswordSchema } from '../schemas';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { requireEmailDelivery } from './emails';
import { UNIFORM_RESPONSE_MS, limitsByIpAndEmail, withMinimumDuration, withPasswordPolicy } from './policy';

/**
 * A forgotten password: asking for the emailed link (the same answer, in about
 * the same time, whether or not the address has an account), and choosing a
 * new password with it.
 */

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
