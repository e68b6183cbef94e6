import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeMemberRoleAction,
  deleteOrganizationAction,
  inviteMembersAction,
  leaveOrganizationAction,
  removeMemberAction,
  transferOwnershipAction,
  updateOrganizationAction,
} from '@/features/organizations/server/actions';
import { hasPermission, listMembers, roleNames } from '@/features/organizations/server';
import { invitations, members } from '@/features/organizations/server/schema';
import { appConfig, ORGANIZATION_PERMISSIONS, type OrganizationPermission } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import {
  expectFieldRefusal,
  expectRefusal,
  insertUser,
  makeOrganization,
  organizationState,
  rolesIn,
  uniqueSlug,
  type TestOrganization,
} from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { uniqueEmail, type Outcome } from '../../support/visitor';

const ROLES = roleNames();
const LOWEST = ROLES[ROLES.length - 1]!;

/** One signed-in user per configured role; the member's browser is in Spanish. */
let actors: Record<string, TestUser>;
let owner: TestUser;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  const users = await Promise.all(
    ROLES.map((role) => createVerifiedUser({ name: `Actor ${role}`, locale: role === 'member' ? 'es' : 'en' })),
  );
  actors = Object.fromEntries(ROLES.map((role, index) => [role, users[index]!]));
  ({ owner, admin, member } = actors as Record<'owner' | 'admin' | 'member', TestUser>);
});

function localeOf(user: TestUser) {
  return user === member ? 'es' : 'en';
}

/** What each permission lets a member do, as the action a browser would post (on a member of the lowest role). */
const ATTEMPTS: Partial<
  Record<
    OrganizationPermission,
    (actor: TestUser, organization: TestOrganization, targetMemberId: string) => Promise<Outcome<unknown>>
  >
> = {
  'organization.update': (actor, organization) =>
    actor.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'Updated',
      slug: uniqueSlug('updated'),
    }),
  'members.invite': (actor, organization) =>
    actor.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: uniqueEmail('matrix'),
      role: LOWEST,
    }),
  'members.changeRole': (actor, organization, memberId) =>
    actor.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId,
      role: ROLES[ROLES.length - 2]!,
    }),
  'members.remove': (actor, organization, memberId) =>
    actor.visitor.run(removeMemberAction, { organizationId: organization.id, memberId }),
  'organization.delete': (actor, organization) =>
    actor.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: organization.name,
      password: actor.password,
    }),
  'organization.transferOwnership': (actor, organization, memberId) =>
    actor.visitor.run(transferOwnershipAction, { organizationId: organization.id, memberId, password: actor.password }),
};

describe('the permission matrix of appConfig.organizations', () => {
  it('has an action to try for every permission this feature enforces (billing.manage belongs to billing, tasks.delete to tasks, audit.read to audit)', () => {
    expect(Object.keys(ATTEMPTS).sort()).toEqual(
      ORGANIZATION_PERMISSIONS.filter(
        (permission) => permission !== 'billing.manage' && permission !== 'tasks.delete' && permission !== 'audit.read',
      ).sort(),
    );
    expect(appConfig.organizations.roles.map((role) => role.name)).toEqual(ROLES);
  });

  for (const role of ROLES) {
    for (const [permission, attempt] of Object.entries(ATTEMPTS)) {
      const allowed = hasPermission(role, permission as OrganizationPermission);
      it(`${allowed ? 'lets' : 'does not let'} ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} use ${permission}`, async () => {
        const actor = actors[role]!;
        const target = await insertUser({ name: 'Target Person' });
        const people: [{ id: string }, string][] = [
          [actor, role],
          [target, LOWEST],
        ];
        if (role !== 'owner') people.push([await insertUser({ name: 'Some Owner' }), 'owner']);
        const organization = await makeOrganization(people);
        const before = await organizationState(organization.id);

        const outcome = await attempt!(actor, organization, organization.memberIds[target.id]!);
        if (allowed) {
          expect(outcome).not.toMatchObject({ ok: false });
          expect(await organizationState(organization.id)).not.toEqual(before);
        } else {
          expectRefusal(outcome, 'FORBIDDEN', { key: 'organizations.forbidden', locale: localeOf(actor) });
          expect(await organizationState(organization.id)).toEqual(before);
        }
      });
    }
  }
});

describe('changing roles and removing members', () => {
  async function team() {
    const secondAdmin = await insertUser({ name: 'Second Admin' });
    const plainMember = await insertUser({ name: 'Plain Member' });
    const organization = await makeOrganization([
      [owner, 'owner'],
      [admin, 'admin'],
      [member, 'member'],
      [secondAdmin, 'admin'],
      [plainMember, 'member'],
    ]);
    return { organization, secondAdmin, plainMember, id: (user: { id: string }) => organization.memberIds[user.id]! };
  }

  it('does not let members change roles or remove anyone, in their language', async () => {
    const { organization, plainMember, id } = await team();
    const before = await organizationState(organization.id);
    const promote = await member.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: id(plainMember),
      role: 'admin',
    });
    expectRefusal(promote, 'FORBIDDEN', { key: 'organizations.forbidden', locale: 'es' });
    expect(promote).toMatchObject({
      error: { status: 403, message: 'Tu rol en esta organización no permite hacer esto.' },
    });
    const remove = await member.visitor.run(removeMemberAction, {
      organizationId: organization.id,
      memberId: id(plainMember),
    });
    expectRefusal(remove, 'FORBIDDEN', { key: 'organizations.forbidden', locale: 'es' });
    const invite = await member.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: uniqueEmail(),
      role: 'member',
    });
    expectRefusal(invite, 'FORBIDDEN', { key: 'organizations.forbidden', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('withdraws the open invitations of a member who is removed, and those above their new role when demoted', async () => {
    const { organization, secondAdmin, id } = await team();
    const invitedBy = (inviterId: string, role: string) => ({
      organizationId: organization.id,
      email: uniqueEmail('pending'),
      role,
      inviterId,
      tokenHash: crypto.randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const [adminsAdminInvite, adminsMemberInvite, secondAdminsInvite] = await db
      .insert(invitations)
      .values([invitedBy(admin.id, 'admin'), invitedBy(admin.id, 'member'), invitedBy(secondAdmin.id, 'member')])
      .returning({ id: invitations.id });
    const statusOf = async (row: { id: string } | undefined) =>
      (await db.select({ status: invitations.status }).from(invitations).where(eq(invitations.id, row!.id)))[0]!.status;

    expect(
      await owner.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(admin),
        role: 'member',
      }),
    ).toMatchObject({ ok: true });
    expect([await statusOf(adminsAdminInvite), await statusOf(adminsMemberInvite)]).toEqual(['revoked', 'pending']);

    expect(
      await owner.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(secondAdmin) }),
    ).toMatchObject({ ok: true });
    expect(await statusOf(secondAdminsInvite)).toBe('revoked');
  });

  it('does not let an admin change or remove an owner', async () => {
    const { organization, id } = await team();
    const before = await organizationState(organization.id);
    for (const role of ['admin', 'member']) {
      const demote = await admin.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(owner),
        role,
      });
      expectRefusal(demote, 'FORBIDDEN', { key: 'organizations.outranked' });
    }
    const remove = await admin.visitor.run(removeMemberAction, {
      organizationId: organization.id,
      memberId: id(owner),
    });
    expectRefusal(remove, 'FORBIDDEN', { key: 'organizations.outranked' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('does not let an admin make anyone an owner, naming the role field (role change and invitation)', async () => {
    const { organization, plainMember, id } = await team();
    const before = await organizationState(organization.id);
    const promote = await admin.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: id(plainMember),
      role: 'owner',
    });
    expectRefusal(promote, 'FORBIDDEN', { key: 'organizations.grantHigherRole' });
    expectFieldRefusal(promote, 'FORBIDDEN', 'role', { key: 'organizations.grantHigherRole' });
    const invite = await admin.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: uniqueEmail(),
      role: 'owner',
    });
    expectFieldRefusal(invite, 'FORBIDDEN', 'role', { key: 'organizations.grantHigherRole' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('lets an admin promote and demote members and other admins, and remove them', async () => {
    const { organization, secondAdmin, plainMember, id } = await team();
    expect(
      await admin.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(plainMember),
        role: 'admin',
      }),
    ).toEqual({
      ok: true,
      data: { role: 'admin' },
    });
    expect(
      await admin.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(secondAdmin),
        role: 'member',
      }),
    ).toEqual({
      ok: true,
      data: { role: 'member' },
    });
    expect((await rolesIn(organization.id))[plainMember.id]).toBe('admin');
    expect((await rolesIn(organization.id))[secondAdmin.id]).toBe('member');

    expect(
      await admin.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(plainMember) }),
    ).toEqual({ ok: true });
    expect(
      await admin.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(secondAdmin) }),
    ).toEqual({ ok: true });
    expect(Object.keys(await rolesIn(organization.id)).sort()).toEqual([owner.id, admin.id, member.id].sort());
  });

  it('lets an owner make another member an owner, and demote another owner', async () => {
    const { organization, id } = await team();
    expect(
      await owner.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(admin),
        role: 'owner',
      }),
    ).toEqual({
      ok: true,
      data: { role: 'owner' },
    });
    expect(
      await owner.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(admin),
        role: 'member',
      }),
    ).toEqual({
      ok: true,
      data: { role: 'member' },
    });
    expect((await rolesIn(organization.id))[admin.id]).toBe('member');
  });

  it('lets nobody change their own role', async () => {
    const { organization, id } = await team();
    const before = await organizationState(organization.id);
    const ownerSelf = await owner.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: id(owner),
      role: 'admin',
    });
    expectRefusal(ownerSelf, 'FORBIDDEN', { key: 'organizations.ownRole' });
    const adminSelf = await admin.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: id(admin),
      role: 'member',
    });
    expectRefusal(adminSelf, 'FORBIDDEN', { key: 'organizations.ownRole' });
    const memberSelf = await member.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: id(member),
      role: 'owner',
    });
    expectRefusal(memberSelf, 'FORBIDDEN', { key: 'organizations.forbidden', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('keeps the last owner: they cannot leave, be removed or be demoted', async () => {
    const { organization, id } = await team();
    const before = await organizationState(organization.id);
    const leave = await owner.visitor.run(leaveOrganizationAction, { organizationId: organization.id });
    expectRefusal(leave, 'CONFLICT', { key: 'organizations.lastOwnerLeave' });
    expect(leave).toMatchObject({ error: { status: 409 } });
    expectRefusal(
      await owner.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(owner) }),
      'FORBIDDEN',
      {
        key: 'organizations.removeSelf',
      },
    );
    expectRefusal(
      await admin.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(owner) }),
      'FORBIDDEN',
      {
        key: 'organizations.outranked',
      },
    );
    expectRefusal(
      await owner.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: id(owner),
        role: 'admin',
      }),
      'FORBIDDEN',
      {
        key: 'organizations.ownRole',
      },
    );
    expect(await organizationState(organization.id)).toEqual(before);
    // Below the application, the database refuses it as well.
    await expect(
      db
        .update(members)
        .set({ role: 'admin' })
        .where(eq(members.id, id(owner))),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'organization_keeps_an_owner' }),
    });
    await expect(db.delete(members).where(eq(members.id, id(owner)))).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: 'organization_keeps_an_owner' }),
    });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('lets members, admins, and an owner who is not the last, leave', async () => {
    const coOwner = await createVerifiedUser({ name: 'Co Owner' });
    const organization = await makeOrganization([
      [owner, 'owner'],
      [coOwner, 'owner'],
      [admin, 'admin'],
      [member, 'member'],
    ]);
    for (const leaver of [member, admin, coOwner]) {
      expect(await leaver.visitor.run(leaveOrganizationAction, { organizationId: organization.id })).toEqual({
        redirect: '/dashboard?notice=organization-left',
      });
    }
    expect(await rolesIn(organization.id)).toEqual({ [owner.id]: 'owner' });
    // Having left, they are strangers: 404.
    expectRefusal(await member.visitor.run(leaveOrganizationAction, { organizationId: organization.id }), 'NOT_FOUND', {
      key: 'NOT_FOUND',
      locale: 'es',
    });
  });

  it('removes a member, who then has no access', async () => {
    const { organization, plainMember, id } = await team();
    expect(
      await owner.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(member) }),
    ).toEqual({ ok: true });
    expect(
      await owner.visitor.run(removeMemberAction, { organizationId: organization.id, memberId: id(plainMember) }),
    ).toEqual({ ok: true });
    const roles = await rolesIn(organization.id);
    expect(roles[member.id]).toBeUndefined();
    expect(roles[plainMember.id]).toBeUndefined();
    const after = await member.visitor.run(updateOrganizationAction, {
      organizationId: organization.id,
      name: 'x',
      slug: uniqueSlug(),
    });
    expectRefusal(after, 'NOT_FOUND', { key: 'NOT_FOUND', locale: 'es' });
  });

  it('cannot reach a member of another organization through its id (404, nothing changes there)', async () => {
    const { organization } = await team();
    const stranger = await insertUser();
    const other = await makeOrganization([
      [await insertUser(), 'owner'],
      [stranger, 'member'],
    ]);
    const before = await organizationState(other.id);
    const remove = await owner.visitor.run(removeMemberAction, {
      organizationId: organization.id,
      memberId: other.memberIds[stranger.id]!,
    });
    expectRefusal(remove, 'NOT_FOUND', { key: 'organizations.memberNotFound' });
    const promote = await owner.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: other.memberIds[stranger.id]!,
      role: 'owner',
    });
    expectRefusal(promote, 'NOT_FOUND', { key: 'organizations.memberNotFound' });
    expect(await organizationState(other.id)).toEqual(before);
  });

  it('refuses a role that does not exist, on the role field (role change and invitation)', async () => {
    const { organization, plainMember, id } = await team();
    const before = await organizationState(organization.id);
    const change = await owner.visitor.run(changeMemberRoleAction, {
      organizationId: organization.id,
      memberId: id(plainMember),
      role: 'superuser',
    });
    expectFieldRefusal(change, 'VALIDATION_FAILED', 'role', { key: 'validation.invalidOption' });
    const invite = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: uniqueEmail(),
      role: 'superuser',
    });
    expectFieldRefusal(invite, 'VALIDATION_FAILED', 'role', { key: 'validation.invalidOption' });
    expect(await organizationState(organization.id)).toEqual(before);
    expect(await db.select().from(invitations).where(eq(invitations.organizationId, organization.id))).toEqual([]);
  });
});

describe('the member list', () => {
  let organization: TestOrganization;
  let listed: Record<string, { id: string; email: string }>;

  beforeAll(async () => {
    const names = [
      'Zoe Second Owner',
      'alice admin',
      'Bob 50% Off',
      'Bob 500 Off',
      'Carol_Under',
      'CarolXUnder',
      'dave member',
    ];
    const roles = ['owner', 'admin', 'member', 'member', 'member', 'member', 'member'];
    const inserted = await Promise.all(names.map((name) => insertUser({ name })));
    listed = Object.fromEntries(names.map((name, index) => [name, inserted[index]!]));
    organization = await makeOrganization([
      [owner, 'owner'],
      ...inserted.map((user, index): [{ id: string }, string] => [user, roles[index]!]),
    ]);
  });

  const scope = () => ({ userId: owner.id, organizationId: organization.id });

  it('lists owners first, then admins, then members, each by name whatever the case', async () => {
    const page = await listMembers(scope());
    expect(page.members.map((row) => [row.role, row.name])).toEqual([
      ['owner', 'Actor owner'],
      ['owner', 'Zoe Second Owner'],
      ['admin', 'alice admin'],
      ['member', 'Bob 50% Off'],
      ['member', 'Bob 500 Off'],
      ['member', 'Carol_Under'],
      ['member', 'CarolXUnder'],
      ['member', 'dave member'],
    ]);
    expect(page).toMatchObject({ total: 8, page: 1, pageCount: 1 });
  });

  it('searches names and emails, without case', async () => {
    expect((await listMembers(scope(), { search: 'ALICE' })).members.map((row) => row.name)).toEqual(['alice admin']);
    const byEmail = await listMembers(scope(), { search: listed['dave member']!.email.slice(0, 15).toUpperCase() });
    expect(byEmail.members.map((row) => row.name)).toEqual(['dave member']);
    expect(byEmail.total).toBe(1);
  });

  it('reads % and _ in a search as the characters themselves', async () => {
    expect((await listMembers(scope(), { search: '50%' })).members.map((row) => row.name)).toEqual(['Bob 50% Off']);
    expect((await listMembers(scope(), { search: 'Carol_' })).members.map((row) => row.name)).toEqual(['Carol_Under']);
    expect((await listMembers(scope(), { search: '%' })).members.map((row) => row.name)).toEqual(['Bob 50% Off']);
    expect((await listMembers(scope(), { search: '_' })).total).toBe(1);
  });

  it('pages, and keeps the page within bounds', async () => {
    const first = await listMembers(scope(), { pageSize: 3 });
    expect(first).toMatchObject({ total: 8, page: 1, pageSize: 3, pageCount: 3 });
    expect(first.members).toHaveLength(3);
    const beyond = await listMembers(scope(), { pageSize: 3, page: 99 });
    expect(beyond).toMatchObject({ page: 3, pageCount: 3 });
    expect(beyond.members.map((row) => row.name)).toEqual(['CarolXUnder', 'dave member']);
    expect((await listMembers(scope(), { pageSize: 3, page: -4 })).page).toBe(1);
    expect((await listMembers(scope(), { pageSize: 0 })).pageSize).toBe(1);
    expect((await listMembers(scope(), { pageSize: 10_000 })).pageSize).toBe(100);
    const none = await listMembers(scope(), { search: 'nobody-by-this-name', page: 5 });
    expect(none).toMatchObject({ members: [], total: 0, page: 1, pageCount: 1 });
  });

  it('lists only this organization’s members, and only for its members', async () => {
    const other = await makeOrganization([
      [admin, 'owner'],
      [await insertUser({ name: 'Elsewhere' }), 'member'],
    ]);
    expect((await listMembers(scope())).members.map((row) => row.name)).not.toContain('Elsewhere');
    await expect(listMembers({ userId: owner.id, organizationId: other.id })).rejects.toBeInstanceOf(AppError);
    await expect(listMembers({ userId: owner.id, organizationId: other.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
