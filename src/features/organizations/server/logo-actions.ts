'use server';

import { limitsPerSession } from '@/platform/rate-limit/per-session';
import { defineAction } from '@/platform/http/action';
import { ImageRejected, imageRefusal } from '@/platform/images/square-image';
import { logoUploadSchema, organizationOnlySchema } from '../schemas';
import { organizationMember } from './access';
import { removeLogo, setLogo } from './logo';

/**
 * The organization logo's actions. The guard answers 401 signed out, 404 to
 * non-members and 403 without organization.update — before any image is
 * decoded; the service checks the permission again inside the tenant
 * transaction, where the change happens.
 */
const mayUpdate = organizationMember({ permission: 'organization.update' });

/** Takes the FormData of the logo form: `organizationId` and a field `logo` holding the image file. */
export const uploadOrganizationLogoAction = defineAction({
  name: 'organizations.uploadLogo',
  input: logoUploadSchema,
  guards: [mayUpdate],
  // Decoding images costs CPU: a modest limit.
  rateLimit: limitsPerSession('organizations-logo', { perIp: 90, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId, logo }, { user }) => {
    try {
      return await setLogo({ userId: user.id, organizationId }, Buffer.from(await logo.arrayBuffer()));
    } catch (error) {
      if (error instanceof ImageRejected) throw imageRefusal(error, 'logo');
      throw error;
    }
  },
});

export const removeOrganizationLogoAction = defineAction({
  name: 'organizations.removeLogo',
  input: organizationOnlySchema,
  guards: [mayUpdate],
  rateLimit: limitsPerSession('organizations-logo', { perIp: 90, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId }, { user }) => {
    await removeLogo({ userId: user.id, organizationId });
    return { logoUrl: null };
  },
});
