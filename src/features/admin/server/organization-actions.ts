'use server';

import { defineAction } from '@/platform/http/action';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { deleteOrganizationSchema, grantPlanSchema, transferOrganizationSchema } from '../schemas';
import { superAdminSignedInRecently } from './access';
import { deleteOrganizationAsAdmin, grantPlanAsAdmin, transferOwnershipAsAdmin } from './organizations';

/**
 * The admin area's actions on an organization (docs/admin/organizations.md). Each is audited in its transaction;
 * each changes who owns, pays or exists, so each needs a sign-in within the last 30 minutes.
 */

const adminLimits = limitsPerSession('admin-organizations', { perIp: 120, perSession: 60, windowSeconds: 10 * 60 });

export const deleteOrganizationAction = defineAction({
  name: 'admin.deleteOrganization',
  input: deleteOrganizationSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async (input, { user, logger }) => {
    const deleted = await deleteOrganizationAsAdmin(user, input);
    logger.info({ adminId: user.id, organizationId: input.organizationId }, 'organization deleted by an admin');
    return deleted;
  },
});

export const transferOrganizationAction = defineAction({
  name: 'admin.transferOwnership',
  input: transferOrganizationSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async (input, { user, logger }) => {
    const transferred = await transferOwnershipAsAdmin(user, input);
    logger.info({ adminId: user.id, ...input }, 'ownership transferred by an admin');
    return transferred;
  },
});

export const grantPlanAction = defineAction({
  name: 'admin.grantPlan',
  input: grantPlanSchema,
  guards: [superAdminSignedInRecently],
  guardsFirst: true,
  rateLimit: adminLimits,
  handler: async (input, { user, logger }) => {
    const granted = await grantPlanAsAdmin(user, input);
    logger.info(
      { adminId: user.id, organizationId: input.organizationId, productId: input.productId },
      'plan granted by an admin',
    );
    return { grantId: granted.grantId };
  },
});
