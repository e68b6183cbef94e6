'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signInPath, type CookieToSet } from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import type { CookieWriter } from '@/platform/http/request-context';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { adminUserPath } from '../paths';
import { userIdSchema } from '../schemas';
import { impersonating, superAdminSignedInRecently } from './access';
import { startImpersonating, stopImpersonating } from './impersonation';

/** Starting and stopping an impersonation (docs/admin/impersonation.md). Each is audited in its transaction. */

const limits = limitsPerSession('admin-impersonation', { perIp: 60, perSession: 30, windowSeconds: 10 * 60 });

async function setAll(writer: CookieWriter, cookies: CookieToSet[]) {
  for (const cookie of cookies) await writer.set(cookie.name, cookie.value, cookie.options);
}

/** From a user's admin page: the browser is signed in as the user for an hour, and lands on their dashboard. */
export const startImpersonationAction = defineAction({
  name: 'admin.startImpersonation',
  input: userIdSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: limits,
  handler: async ({ userId }, context) => {
    const { cookies } = await startImpersonating(context, userId, {
      ip: context.ip,
      userAgent: context.headers.get('user-agent'),
    });
    await setAll(context.responseCookies, cookies);
    context.logger.info({ adminId: context.user.id, userId }, 'impersonation started');
    redirect(appConfig.paths.dashboard);
  },
});

/**
 * From the banner on every page of an impersonated session: ends it, gives the admin their own session back and
 * returns to the user's admin page (to sign in first, if the admin's own session ended meanwhile).
 */
export const stopImpersonationAction = defineAction({
  name: 'admin.stopImpersonation',
  input: z.object({}),
  guards: [impersonating],
  guardsFirst: true,
  rateLimit: limits,
  handler: async (_input, context) => {
    const { userId, restored, cookies } = await stopImpersonating(context, context.cookies);
    await setAll(context.responseCookies, cookies);
    context.logger.info({ adminId: context.session.impersonatedBy, userId, restored }, 'impersonation stopped');
    redirect(restored ? adminUserPath(userId) : signInPath(adminUserPath(userId)));
  },
});
