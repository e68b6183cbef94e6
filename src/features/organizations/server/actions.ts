'use server';

import { redirect } from 'next/navigation';
import { invitedSignUpSchema } from '@/features/auth';
import {
  confirmIdentity,
  confirmInvitedAddress,
  createInvitedAccount,
  notImpersonating,
  removeInvitedAccount,
  signedIn,
  signInInvitedAccount,
  withPasswordPolicy,
} from '@/features/auth/server';
import { appConfig } from '@/platform/config/app-config';
import { defineAction } from '@/platform/http/action';
import { AppError } from '@/platform/http/errors';
import { limitsPerSession } from '@/platform/rate-limit/per-session';
import {
  acceptInvitationByIdSchema,
  acceptInvitationSchema,
  changeRoleSchema,
  createOrganizationSchema,
  deleteOrganizationSchema,
  invitationActionSchema,
  inviteMembersSchema,
  memberActionSchema,
  organizationOnlySchema,
  transferOwnershipSchema,
  updateOrganizationSchema,
} from '../schemas';
import { organizationMember } from './access';
import {
  acceptInvitation,
  createInvitationLink,
  invitationTokenWasEmailed,
  previewInvitation,
  inviteMembers,
  resendInvitation,
  revokeInvitation,
} from './invitations';
import { deleteLogoFile } from './logo';
import { changeMemberRole, leaveOrganization, removeMember, transferOwnership } from './members';
import { createOrganization, deleteOrganization, updateOrganization } from './organizations';
import { withNotice } from '../notices';
import { dashboardPath } from '../paths';

/**
 * The organization actions. Each is a public endpoint: CSRF, validation and
 * rate limits run first (defineAction); `organizationMember()` answers 401 to
 * the signed-out and 404 to non-members; the service then checks the role
 * again inside the tenant transaction, where the change happens.
 */

const member = organizationMember();

/** Invitations carry the inviter's name to other people's inboxes: only from a confirmed address. */
function assertMayInvite(user: { emailVerified: boolean }) {
  if (!user.emailVerified) throw new AppError('FORBIDDEN', { messageKey: 'organizations.verifyEmailToInvite' });
}

export const createOrganizationAction = defineAction({
  name: 'organizations.create',
  input: createOrganizationSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('organizations-create', { perIp: 60, perSession: 10, windowSeconds: 60 * 60 }),
  handler: async ({ name, slug, next }, { user }) => {
    const organization = await createOrganization(user.id, { name, slug });
    redirect(
      next === 'invite'
        ? `/onboarding/invite?organization=${encodeURIComponent(organization.slug)}`
        : dashboardPath(organization.slug),
    );
  },
});

export const updateOrganizationAction = defineAction({
  name: 'organizations.update',
  input: updateOrganizationSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-update', { perIp: 90, perSession: 30, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId, name, slug }, { user }) =>
    updateOrganization({ userId: user.id, organizationId }, { name, slug }),
});

export const deleteOrganizationAction = defineAction({
  name: 'organizations.delete',
  input: deleteOrganizationSchema,
  // Not while a super admin impersonates the user (docs/admin/impersonation.md).
  guards: [notImpersonating, member],
  rateLimit: limitsPerSession('organizations-delete', { perIp: 30, perSession: 10, windowSeconds: 15 * 60 }),
  handler: async ({ organizationId, confirmation, password, code }, context) => {
    const { user, logger } = context;
    // Irreversible and it takes everyone's data: ask who is there, as for deleting an account.
    await confirmIdentity(context, { password, code });
    const { logo } = await deleteOrganization({ userId: user.id, organizationId }, confirmation);
    await deleteLogoFile(logo);
    logger.info({ organizationId, userId: user.id }, 'organization deleted');
    redirect('/dashboard?notice=organization-deleted');
  },
});

export const inviteMembersAction = defineAction({
  name: 'organizations.invite',
  input: inviteMembersSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-invite', { perIp: 90, perSession: 30, windowSeconds: 60 * 60 }),
  handler: async ({ organizationId, emails, role }, { user, locale }) => {
    assertMayInvite(user);
    return inviteMembers({ userId: user.id, organizationId }, { emails, role }, locale);
  },
});

export const resendInvitationAction = defineAction({
  name: 'organizations.resendInvitation',
  input: invitationActionSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-invite', { perIp: 90, perSession: 30, windowSeconds: 60 * 60 }),
  handler: async ({ organizationId, invitationId }, { user, locale }) => {
    assertMayInvite(user);
    return resendInvitation({ userId: user.id, organizationId }, invitationId, locale);
  },
});

export const createInvitationLinkAction = defineAction({
  name: 'organizations.createInvitationLink',
  input: invitationActionSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-invitation-link', { perIp: 180, perSession: 60, windowSeconds: 60 * 60 }),
  handler: async ({ organizationId, invitationId }, { user }) => {
    assertMayInvite(user);
    return createInvitationLink({ userId: user.id, organizationId }, invitationId);
  },
});

export const revokeInvitationAction = defineAction({
  name: 'organizations.revokeInvitation',
  input: invitationActionSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-members', { perIp: 360, perSession: 120, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId, invitationId }, { user }) =>
    revokeInvitation({ userId: user.id, organizationId }, invitationId),
});

export const changeMemberRoleAction = defineAction({
  name: 'organizations.changeRole',
  input: changeRoleSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-members', { perIp: 360, perSession: 120, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId, memberId, role }, { user }) => {
    const updated = await changeMemberRole({ userId: user.id, organizationId }, memberId, role);
    return { role: updated.role };
  },
});

export const removeMemberAction = defineAction({
  name: 'organizations.removeMember',
  input: memberActionSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-members', { perIp: 360, perSession: 120, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId, memberId }, { user }) =>
    removeMember({ userId: user.id, organizationId }, memberId),
});

export const leaveOrganizationAction = defineAction({
  name: 'organizations.leave',
  input: organizationOnlySchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-members', { perIp: 360, perSession: 120, windowSeconds: 10 * 60 }),
  handler: async ({ organizationId }, { user }) => {
    await leaveOrganization({ userId: user.id, organizationId });
    redirect('/dashboard?notice=organization-left');
  },
});

export const transferOwnershipAction = defineAction({
  name: 'organizations.transferOwnership',
  input: transferOwnershipSchema,
  guards: [member],
  rateLimit: limitsPerSession('organizations-transfer', { perIp: 30, perSession: 10, windowSeconds: 15 * 60 }),
  handler: async ({ organizationId, memberId, password, code }, context) => {
    await confirmIdentity(context, { password, code });
    await transferOwnership({ userId: context.user.id, organizationId }, memberId);
  },
});

export const acceptInvitationAction = defineAction({
  name: 'organizations.acceptInvitation',
  input: acceptInvitationSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('organizations-accept', { perIp: 60, perSession: 20, windowSeconds: 15 * 60 }),
  handler: async ({ token }, { user }) => {
    const { slug } = await acceptInvitation(user, { token });
    redirect(dashboardPath(slug));
  },
});

const CLOSED_INVITATION = {
  expired: 'organizations.invitationExpired',
  accepted: 'organizations.invitationUsed',
  revoked: 'organizations.invitationRevoked',
} as const;

/**
 * Signing up from an emailed invitation, in one step (decision 0051): a name and
 * a password make an account for the invited address, whose confirmation is
 * the invitation's own link; the invitation is accepted, the user signed in and
 * welcomed in the organization. No confirmation email. A link made with "copy
 * link", or an invitation that is not open, confirms nothing: those go through
 * the ordinary sign-up.
 */
export const joinWithNewAccountAction = defineAction({
  name: 'organizations.joinWithNewAccount',
  input: withPasswordPolicy(invitedSignUpSchema, ['password']),
  rateLimit: { name: 'invited-sign-up', limit: 10, windowSeconds: 15 * 60 },
  handler: async ({ token, name, password }, context) => {
    if (!appConfig.auth.password) throw new AppError('FORBIDDEN');
    const invitation = invitationTokenWasEmailed(token) ? await previewInvitation(token) : null;
    if (!invitation) throw new AppError('NOT_FOUND', { messageKey: 'organizations.invitationInvalid' });
    if (invitation.state !== 'pending')
      throw new AppError('CONFLICT', { messageKey: CLOSED_INVITATION[invitation.state] });
    const user = await createInvitedAccount({ email: invitation.email, name, password });
    let joined: Awaited<ReturnType<typeof acceptInvitation>>;
    try {
      joined = await acceptInvitation(user, { token }, { confirmAddress: (tx) => confirmInvitedAddress(tx, user) });
    } catch (error) {
      // Used, withdrawn or full meanwhile: no account is left behind, nothing was confirmed.
      await removeInvitedAccount(user.id);
      throw error;
    }
    await signInInvitedAccount(context, { email: user.email, password });
    redirect(withNotice(dashboardPath(joined.slug), 'joined'));
  },
});

export const acceptInvitationByIdAction = defineAction({
  name: 'organizations.acceptInvitationById',
  input: acceptInvitationByIdSchema,
  guards: [signedIn],
  rateLimit: limitsPerSession('organizations-accept', { perIp: 60, perSession: 20, windowSeconds: 15 * 60 }),
  handler: async ({ invitationId }, { user }) => {
    const { slug } = await acceptInvitation(user, { invitationId });
    redirect(dashboardPath(slug));
  },
});
