import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { invitationRoles, mayManageInvitation, memberControls } from '@/features/organizations/member-controls';
import { changeMemberRole, inviteMembers, removeMember, revokeInvitation } from '@/features/organizations/server';
import { invitations, members, organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';

/**
 * The members page offers a control exactly when the server would accept it:
 * every viewer role against every target role (and themselves), every role
 * to give, removal, invitations. A control the server refuses, or a right the
 * page hides, fails here.
 */

const ROLES = ['owner', 'admin', 'member'];

async function user(name: string) {
  const id = randomUUID();
  await db.insert(users).values({ id, name, email: `${name}-${id}@example.com`, emailVerified: true });
  return id;
}

/** An organization with the viewer, the target and a spare owner (so "the last owner" never decides). */
async function organizationWith(viewerRole: string, targetRole: string | 'self') {
  const [viewer, target, spare] = [await user('viewer'), await user('target'), await user('spare')];
  const [organization] = await db
    .insert(organizations)
    .values({ name: 'Org', slug: `org-${randomUUID().slice(0, 8)}` })
    .returning();
  const rows = await db
    .insert(members)
    .values([
      { organizationId: organization!.id, userId: spare, role: 'owner' },
      { organizationId: organization!.id, userId: viewer, role: viewerRole },
      ...(targetRole === 'self' ? [] : [{ organizationId: organization!.id, userId: target, role: targetRole }]),
    ])
    .returning();
  const targetRow =
    targetRole === 'self' ? rows.find((row) => row.userId === viewer)! : rows.find((row) => row.userId === target)!;
  return {
    scope: { userId: viewer, organizationId: organization!.id },
    viewer: { userId: viewer, role: viewerRole },
    target: targetRow,
  };
}

/** Whether the service did the work (true) or refused it (false); any other failure fails the test. */
async function accepted(work: Promise<unknown>) {
  try {
    await work;
    return true;
  } catch (error) {
    if (error instanceof AppError && ['FORBIDDEN', 'CONFLICT', 'NOT_FOUND', 'VALIDATION_FAILED'].includes(error.code))
      return false;
    throw error;
  }
}

describe('member controls agree with the server', () => {
  for (const viewerRole of ROLES) {
    for (const targetRole of [...ROLES, 'self'] as const) {
      it(`${viewerRole} acting on ${targetRole === 'self' ? 'themselves' : `a member with the ${targetRole} role`}`, async () => {
        const offered = memberControls(
          { userId: 'viewer', role: viewerRole },
          {
            userId: targetRole === 'self' ? 'viewer' : 'target',
            role: targetRole === 'self' ? viewerRole : targetRole,
          },
        );
        for (const role of ROLES) {
          const { scope, target } = await organizationWith(viewerRole, targetRole);
          const server = await accepted(changeMemberRole(scope, target.id, role));
          expect({ role, offered: offered.roles?.includes(role) ?? false }).toEqual({ role, offered: server });
        }
        const { scope, target } = await organizationWith(viewerRole, targetRole);
        expect(offered.remove).toBe(await accepted(removeMember(scope, target.id)));
      });
    }
  }
});

describe('invitation controls agree with the server', () => {
  for (const viewerRole of ROLES) {
    it(`${viewerRole}: the roles offered for inviting, and which invitations they may revoke`, async () => {
      const offered = invitationRoles(viewerRole)?.roles ?? [];
      for (const role of ROLES) {
        const { scope } = await organizationWith(viewerRole, 'self');
        const server = await accepted(
          inviteMembers(scope, { emails: [`invitee-${randomUUID()}@example.com`], role }, 'en'),
        );
        expect({ role, offered: offered.includes(role) }).toEqual({ role, offered: server });

        const [invitation] = await db
          .insert(invitations)
          .values({
            organizationId: scope.organizationId,
            email: `other-${randomUUID()}@example.com`,
            role,
            tokenHash: randomUUID(),
            expiresAt: new Date(Date.now() + 86_400_000),
          })
          .returning();
        expect({ role, manage: mayManageInvitation(viewerRole, role) }).toEqual({
          role,
          manage: await accepted(revokeInvitation(scope, invitation!.id)),
        });
      }
    });
  }
});
