import { describe, expect, it } from 'vitest';
import {
  acceptInvitationAction,
  changeMemberRoleAction,
  createOrganizationAction,
  inviteMembersAction,
} from '@/features/organizations/server/actions';
import { findAccess, listMembers } from '@/features/organizations/server';
import { createVerifiedUser } from '../../support/users';
import { lastEmailTo, uniqueEmail } from '../../support/visitor';

describe('organizations smoke', () => {
  it('creates, invites, accepts, promotes', async () => {
    const owner = await createVerifiedUser();
    const created = await owner.visitor.run(createOrganizationAction, { name: 'Acme', slug: 'acme-smoke' });
    expect(created).toEqual({ redirect: '/dashboard/acme-smoke' });
    const access = await findAccess(owner.id, { slug: 'ACME-smoke' });
    expect(access?.membership.role).toBe('owner');
    const organizationId = access!.organization.id;

    const inviteeEmail = uniqueEmail('invitee');
    const invited = await owner.visitor.run(inviteMembersAction, { organizationId, emails: `${inviteeEmail}, `, role: 'member' });
    expect(invited).toMatchObject({ ok: true });
    const link = (await lastEmailTo(inviteeEmail))!.link!;
    const token = new URL(link).searchParams.get('token')!;

    const invitee = await createVerifiedUser({ email: inviteeEmail });
    const [first, second] = await Promise.all([
      invitee.visitor.run(acceptInvitationAction, { token }),
      invitee.visitor.run(acceptInvitationAction, { token }),
    ]);
    expect(first).toEqual({ redirect: '/dashboard/acme-smoke' });
    expect(second).toEqual({ redirect: '/dashboard/acme-smoke' });
    const page = await listMembers({ userId: owner.id, organizationId });
    expect(page.members.map((m) => m.role)).toEqual(['owner', 'member']);

    const again = await owner.visitor.run(inviteMembersAction, { organizationId, emails: inviteeEmail, role: 'member' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fieldErrors: { emails: [expect.stringContaining(inviteeEmail)] } } });

    const memberId = page.members[1]!.id;
    const refused = await invitee.visitor.run(changeMemberRoleAction, { organizationId, memberId: page.members[0]!.id, role: 'member' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const promoted = await owner.visitor.run(changeMemberRoleAction, { organizationId, memberId, role: 'admin' });
    expect(promoted).toEqual({ ok: true, data: { role: 'admin' } });
  });
});
