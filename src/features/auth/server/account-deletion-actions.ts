'use server';

import { redirect } from 'next/navigation';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { runBeforeAccountDeleted } from '@/platform/hooks/account-lifecycle';
import { AppError } from '@/platform/http/errors';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { deleteAccountSchema } from '../schemas';
import { assertCanDeleteAccount } from './account-deletion';
import { getAuth } from './auth';
import { callAuth } from './auth-call';
import { deleteAvatarFile } from './profile';
import { confirmIdentity, fieldError } from './reauthentication';
import { notImpersonating } from './session';
import { recordSecurityEvent } from './audit-events';
import { hasPassword } from './sign-in-methods';

/**
 * Deletes the account for good: the user row, and with it (foreign keys with
 * ON DELETE CASCADE) sessions, sign-in methods and two-factor secrets; then the
 * avatar file. Features owning rows that go with it act first (account-lifecycle hooks). Needs the email
 * typed out, and the password — or, for users without one, a sign-in within the last few minutes.
 */
export const deleteAccount = defineAction({
  name: 'settings.deleteAccount',
  input: deleteAccountSchema,
  guards: [notImpersonating],
  rateLimit: limitsPerSession('settings-delete-account', { perIp: 20, perSession: 10, windowSeconds: 15 * 60 }),
  handler: async ({ password, confirmation }, context) => {
    if (!appConfig.features.accountDeletion) throw new AppError('NOT_FOUND');
    const { user } = context;
    if (confirmation.toLowerCase() !== user.email.toLowerCase())
      throw fieldError(context, 'confirmation', 'auth.deleteConfirmation');
    const withPassword = await hasPassword(user.id);
    await confirmIdentity(context, { password });
    await assertCanDeleteAccount(user.id);
    // Organizations delete the user's solo organizations here, through their deletion hooks (billing
    // cancels their subscriptions); a refusal stops the account's deletion.
    await runBeforeAccountDeleted(user.id);

    await callAuth(context, (headers) =>
      getAuth().api.deleteUser({ body: withPassword ? { password } : {}, headers, returnHeaders: true }),
    );
    await recordSecurityEvent('auth.accountDeleted', user.id);
    await deleteAvatarFile(user.image);
    context.logger.info({ userId: user.id }, 'account deleted');
    redirect('/?notice=account-deleted');
  },
});
