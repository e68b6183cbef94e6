import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deleteOrganizationAction,
  inviteMembersAction,
  transferOwnershipAction,
} from '@/features/organizations/server/actions';
import { rememberOrganization } from '@/features/organizations/server';
import { invitations, members, organizationSelections, organizations } from '@/features/organizations/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { getStorage } from '@/platform/storage/storage';
import {
  expectFieldRefusal,
  expectRefusal,
  insertUser,
  makeOrganization,
  organizationState,
  rolesIn,
} from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { uniqueEmail } from '../../support/visitor';
import { setUpTemporaryStorage } from '../../support/storage';

await setUpTemporaryStorage();

let owner: TestUser;
/** An owner whose browser is in Spanish. */
let spanishOwner: TestUser;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  [owner, spanishOwner, admin, member] = await Promise.all([
    createVerifiedUser({ name: 'Olivia Owner' }),
    createVerifiedUser({ name: 'Sofía Dueña', locale: 'es' }),
    createVerifiedUser({ name: 'Adam Admin' }),
    createVerifiedUser({ name: 'Mia Member' }),
  ]);
});

async function team(by: TestUser = owner) {
  const bystander = await insertUser({ name: 'Bystander' });
  const organization = await makeOrganization([
    [by, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
    [bystander, 'member'],
  ]);
  return {
    ...organization,
    bystander,
    id: organization.id,
    memberId: (user: { id: string }) => organization.memberIds[user.id]!,
  };
}

describe('transferring ownership', () => {
  it('makes the chosen member the owner and the former owner an admin, in one step, after the password', async () => {
    const organization = await team();
    const outcome = await owner.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: organization.memberId(member),
      password: owner.password,
    });
    expect(outcome).toEqual({ ok: true });
    expect(await rolesIn(organization.id)).toEqual({
      [owner.id]: 'admin',
      [member.id]: 'owner',
      [admin.id]: 'admin',
      [organization.bystander.id]: 'member',
    });
  });

  it('refuses a wrong password on the password field and changes nothing (in the owner’s language)', async () => {
    const organization = await team(spanishOwner);
    const before = await organizationState(organization.id);
    const outcome = await spanishOwner.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: organization.memberId(admin),
      password: 'not the password at all',
    });
    expectRefusal(outcome, 'FORBIDDEN', { key: 'auth.wrongPassword', locale: 'es' });
    expectFieldRefusal(outcome, 'FORBIDDEN', 'password', { key: 'auth.wrongPassword', locale: 'es' });
    const missing = await spanishOwner.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: organization.memberId(admin),
    });
    expectFieldRefusal(missing, 'VALIDATION_FAILED', 'password', { key: 'auth.passwordRequired', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('is for the owner only: an admin with their own right password is refused, a stranger gets 404', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    const byAdmin = await admin.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: organization.memberId(admin),
      password: admin.password,
    });
    expectRefusal(byAdmin, 'FORBIDDEN', { key: 'organizations.forbidden' });
    const byStranger = await spanishOwner.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: organization.memberId(member),
      password: spanishOwner.password,
    });
    expectRefusal(byStranger, 'NOT_FOUND', { key: 'NOT_FOUND', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses a transfer to oneself, or to someone of another organization, and changes nothing', async () => {
    const organization = await team();
    const other = await makeOrganization([[await insertUser(), 'owner']]);
    const stranger = Object.values(other.memberIds)[0]!;
    const before = await organizationState(organization.id);
    const otherBefore = await organizationState(other.id);
    const toSelf = await owner.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: organization.memberId(owner),
      password: owner.password,
    });
    expectRefusal(toSelf, 'FORBIDDEN', { key: 'organizations.transferSelf' });
    const elsewhere = await owner.visitor.run(transferOwnershipAction, {
      organizationId: organization.id,
      memberId: stranger,
      password: owner.password,
    });
    expectRefusal(elsewhere, 'NOT_FOUND', { key: 'organizations.memberNotFound' });
    expect(await organizationState(organization.id)).toEqual(before);
    expect(await organizationState(other.id)).toEqual(otherBefore);
  });
});

describe('deleting an organization', () => {
  it('needs the owner to type its name; then removes it with its members, invitations and selections, and its logo file', async () => {
    const organization = await team();
    await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: `${uniqueEmail()} ${uniqueEmail()}`,
      role: 'member',
    });
    await rememberOrganization(member.id, organization.id);
    const logo = `organization-logos/${crypto.randomUUID()}.webp`;
    await getStorage().put(logo, Buffer.from('logo'), { contentType: 'image/webp' });
    await db.update(organizations).set({ logo }).where(eq(organizations.id, organization.id));
    expect((await organizationState(organization.id)).invitations).toHaveLength(2);

    const outcome = await owner.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: `  ${organization.name} `,
      password: owner.password,
    });
    expect(outcome).toEqual({ redirect: '/dashboard?notice=organization-deleted' });
    expect(await organizationState(organization.id)).toEqual({ organization: null, members: [], invitations: [] });
    expect(await db.select().from(members).where(eq(members.organizationId, organization.id))).toEqual([]);
    expect(await db.select().from(invitations).where(eq(invitations.organizationId, organization.id))).toEqual([]);
    expect(
      await db.select().from(organizationSelections).where(eq(organizationSelections.organizationId, organization.id)),
    ).toEqual([]);
    expect(await getStorage().get(logo)).toBeNull();
  });

  it('asks who is there: without the password, or with a wrong one, nothing is deleted', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    const missing = await owner.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: organization.name,
    });
    expectFieldRefusal(missing, 'VALIDATION_FAILED', 'password', { key: 'auth.passwordRequired' });
    const wrong = await owner.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: organization.name,
      password: 'not the password at all',
    });
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { password: [expect.any(String)] } } });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses a confirmation that is not the exact name, on the confirmation field, and deletes nothing', async () => {
    const organization = await team(spanishOwner);
    await spanishOwner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: uniqueEmail(),
      role: 'member',
    });
    const before = await organizationState(organization.id);
    for (const confirmation of [organization.name.toUpperCase(), `${organization.name}x`, 'delete']) {
      const outcome = await spanishOwner.visitor.run(deleteOrganizationAction, {
        organizationId: organization.id,
        confirmation,
        password: spanishOwner.password,
      });
      expectRefusal(outcome, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED', locale: 'es' });
      expectFieldRefusal(outcome, 'VALIDATION_FAILED', 'confirmation', {
        key: 'organizations.deleteConfirmation',
        locale: 'es',
      });
    }
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('is for the owner only: admins and members are refused, strangers get 404', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    for (const someone of [admin, member]) {
      const outcome = await someone.visitor.run(deleteOrganizationAction, {
        organizationId: organization.id,
        confirmation: organization.name,
        password: someone.password,
      });
      expectRefusal(outcome, 'FORBIDDEN', { key: 'organizations.forbidden' });
    }
    const stranger = await spanishOwner.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: organization.name,
      password: spanishOwner.password,
    });
    expectRefusal(stranger, 'NOT_FOUND', { key: 'NOT_FOUND', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('does not exist when the feature is turned off (404), and deletes nothing', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    const features = appConfig.features as { organizationDeletion: boolean };
    const setting = features.organizationDeletion;
    features.organizationDeletion = false;
    try {
      const outcome = await owner.visitor.run(deleteOrganizationAction, {
        organizationId: organization.id,
        confirmation: organization.name,
        password: owner.password,
      });
      expectRefusal(outcome, 'NOT_FOUND', { key: 'NOT_FOUND' });
    } finally {
      features.organizationDeletion = setting;
    }
    expect(await organizationState(organization.id)).toEqual(before);
  });
});
