'use server';

import { defineAction } from '@/platform/http/action';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { banUserSchema, deleteUserSchema, userIdSchema } from '../schemas';
import { superAdmin, superAdminSignedInRecently } from './access';
import {
  banUser,
  deleteUser,
  resendUserConfirmation,
  resetUserTwoFactor,
  signOutUserEverywhere,
  unbanUser,
} from './users';

/** The admin area's actions on a user (docs/admin/super-admin.md#users). Each is audited in its transaction. */

const adminLimits = limitsPerSession('admin-users', { perIp: 120, perSession: 60, windowSeconds: 10 * 60 });

export const banUserAction = defineAction({
  name: 'admin.banUser',
  input: banUserSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async ({ userId, reason, until }, { user, logger }) => {
    const { sessions } = await banUser(user, { userId, reason, until: until || undefined });
    logger.info({ adminId: user.id, userId, sessions }, 'user banned');
    return { userId, sessions };
  },
});

/** Not destructive (it gives access back): a super admin's session is enough. */
export const unbanUserAction = defineAction({
  name: 'admin.unbanUser',
  input: userIdSchema,
  guards: [superAdmin],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async ({ userId }, { user, logger }) => {
    await unbanUser(user, userId);
    logger.info({ adminId: user.id, userId }, 'user unbanned');
    return { userId };
  },
});

export const signOutUserEverywhereAction = defineAction({
  name: 'admin.signOutUserEverywhere',
  input: userIdSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async ({ userId }, { user, logger }) => {
    const { sessions } = await signOutUserEverywhere(user, userId);
    logger.info({ adminId: user.id, userId, sessions }, 'user signed out everywhere');
    return { userId, sessions };
  },
});

/** Not destructive: it sends the user their own confirmation link. */
export const resendUserConfirmationAction = defineAction({
  name: 'admin.resendUserConfirmation',
  input: userIdSchema,
  guards: [superAdmin],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async ({ userId }, { user, logger }) => {
    await resendUserConfirmation(user, userId);
    logger.info({ adminId: user.id, userId }, 'confirmation link sent again');
    return { userId };
  },
});

export const resetUserTwoFactorAction = defineAction({
  name: 'admin.resetUserTwoFactor',
  input: userIdSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async ({ userId }, { user, logger }) => {
    await resetUserTwoFactor(user, userId);
    logger.info({ adminId: user.id, userId }, 'two-factor authentication reset');
    return { userId };
  },
});

export const deleteUserAction = defineAction({
  name: 'admin.deleteUser',
  input: deleteUserSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async ({ userId, confirmation }, { user, logger }) => {
    await deleteUser(user, userId, confirmation);
    logger.info({ adminId: user.id, userId }, 'user deleted');
    return { userId };
  },
});
