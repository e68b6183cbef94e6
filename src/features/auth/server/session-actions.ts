'use server';

import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { noInputSchema, revokeSessionSchema } from '../schemas';
import { notImpersonating } from './session';
import { forgetTrustedDevices, revokeOtherSessions, revokeSession } from './sessions';

/** The devices a signed-in user is signed in on: signing one, or all the others, out. */

/** Signs out one of the user's other devices. This device signs out with the usual "Sign out". */
export const signOutSession = defineAction({
  name: 'settings.signOutSession',
  input: revokeSessionSchema,
  guards: [notImpersonating],
  rateLimit: limitsPerSession('settings-sessions', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ sessionId }, { user, session, ...context }) => {
    if (sessionId === session.id) throw new AppError('BAD_REQUEST', { messageKey: 'auth.currentSession' });
    if (!(await revokeSession(user.id, sessionId))) throw new AppError('NOT_FOUND');
    context.logger.info({ userId: user.id }, 'session revoked');
    return { sessionId };
  },
});

export const signOutOtherSessions = defineAction({
  name: 'settings.signOutOtherSessions',
  input: noInputSchema,
  guards: [notImpersonating],
  rateLimit: limitsPerSession('settings-sessions', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async (_input, { user, session }) => {
    const count = await revokeOtherSessions(user.id, session.id);
    // Also forgets the devices trusted to skip the authenticator code. It leaves the emailed links alone: this
    // needs only a session, so a stolen one could otherwise keep deleting the owner's reset link (decision 0024);
    // the password change that takes the account back ends them.
    await forgetTrustedDevices(user.id);
    return { count };
  },
});
