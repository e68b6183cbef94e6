import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AuditAction } from '@/features/audit';
import { auditEvents } from '@/features/audit/server/schema';
import {
  changePassword,
  confirmTwoFactorSetup,
  deleteAccount,
  disableTwoFactor,
  signIn,
  signOutOtherSessions,
  startTwoFactorSetup,
} from '@/features/auth/server';
import {
  acceptInvitationAction,
  changeMemberRoleAction,
  createOrganizationAction,
  deleteOrganizationAction,
  inviteMembersAction,
  leaveOrganizationAction,
  removeMemberAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from '@/features/organizations/server';
import { invitations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { makeOrganization, tokenOf, uniqueSlug } from '../../support/organizations';
import { nextTotpCode, secretFrom } from '../../support/totp';
import { createPasswordUser, createVerifiedUser, signInAs, TEST_PASSWORD, type TestUser } from '../../support/users';
import { lastEmailTo, uniqueEmail, type Visitor } from '../../support/visitor';

/**
 * One test per recorded event: the action a browser posts, then the row — its actor, target, organization and
 * the request id of the request that made the change (given by the test as proxy.ts gives it).
 */

/** Makes the visitor's next requests carry `x-request-id: <id>`, as proxy.ts gives every request one. */
function tagRequests(visitor: Visitor): string {
  const requestId = `test-${randomUUID()}`;
  const headers = visitor.headers.bind(visitor);
  visitor.headers = (extra = {}) => {
    const all = headers(extra);
    all.set('x-request-id', requestId);
    return all;
  };
  return requestId;
}

async function eventsOf(requestId: string, action: AuditAction) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.requestId, requestId), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.occurredAt));
}

async function expectEvent(
  requestId: string,
  action: AuditAction,
  row: { actor: string | null; target?: { type: string; id: string } | null; organization?: string | null },
  ip?: string,
) {
  const rows = await eventsOf(requestId, action);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    actorUserId: row.actor,
    targetType: row.target === undefined ? expect.anything() : (row.target?.type ?? null),
    targetId: row.target === undefined ? expect.anything() : (row.target?.id ?? null),
    organizationId: row.organization ?? null,
    ...(ip ? { ip } : {}),
  });
  return rows[0]!;
}

const ok = (outcome: unknown) => expect(outcome).not.toMatchObject({ ok: false });

describe('organization events', () => {
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;

  it('records a role change with the old and new role', async () => {
    [owner, admin, member] = await Promise.all([
      createVerifiedUser({ name: 'Owner' }),
      createVerifiedUser({ name: 'Admin' }),
      createVerifiedUser({ name: 'Member' }),
    ]);
    const organization = await makeOrganization([
      [owner, 'owner'],
      [member, 'member'],
    ]);
    const requestId = tagRequests(owner.visitor);
    ok(
      await owner.visitor.run(changeMemberRoleAction, {
        organizationId: organization.id,
        memberId: organization.memberIds[member.id],
        role: 'admin',
      }),
    );
    const row = await expectEvent(
      requestId,
      'member.roleChanged',
      { actor: owner.id, target: { type: 'user', id: member.id }, organization: organization.id },
      owner.visitor.ip,
    );
    expect(row.details).toEqual({ from: 'member', to: 'admin' });
  });

  it('records a member removed, and a member who left', async () => {
    const organization = await makeOrganization([
      [owner, 'owner'],
      [admin, 'admin'],
      [member, 'member'],
    ]);
    const removal = tagRequests(admin.visitor);
    ok(
      await admin.visitor.run(removeMemberAction, {
        organizationId: organization.id,
        memberId: organization.memberIds[member.id],
      }),
    );
    await expectEvent(removal, 'member.removed', {
      actor: admin.id,
      target: { type: 'user', id: member.id },
      organization: organization.id,
    });
    const leaving = tagRequests(admin.visitor);
    ok(await admin.visitor.run(leaveOrganizationAction, { organizationId: organization.id }));
    await expectEvent(leaving, 'member.left', {
      actor: admin.id,
      target: { type: 'user', id: admin.id },
      organization: organization.id,
    });
  });

  it('records an ownership transfer', async () => {
    const organization = await makeOrganization([
      [owner, 'owner'],
      [admin, 'admin'],
    ]);
    const requestId = tagRequests(owner.visitor);
    ok(
      await owner.visitor.run(transferOwnershipAction, {
        organizationId: organization.id,
        memberId: organization.memberIds[admin.id],
        password: owner.password,
      }),
    );
    await expectEvent(requestId, 'organization.ownershipTransferred', {
      actor: owner.id,
      target: { type: 'user', id: admin.id },
      organization: organization.id,
    });
  });

  it('records invitations sent, revoked and accepted', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const revokedEmail = uniqueEmail('revoked');
    const sending = tagRequests(owner.visitor);
    ok(
      await owner.visitor.run(inviteMembersAction, {
        organizationId: organization.id,
        emails: `${revokedEmail}, ${member.email}`,
        role: 'member',
      }),
    );
    const sent = await eventsOf(sending, 'invitation.sent');
    expect(sent.map((row) => row.targetId).sort()).toEqual([revokedEmail, member.email.toLowerCase()].sort());
    expect(sent.every((row) => row.actorUserId === owner.id && row.organizationId === organization.id)).toBe(true);

    const [pending] = await db.select().from(invitations).where(eq(invitations.email, revokedEmail));
    const revoking = tagRequests(owner.visitor);
    ok(await owner.visitor.run(revokeInvitationAction, { organizationId: organization.id, invitationId: pending!.id }));
    await expectEvent(revoking, 'invitation.revoked', {
      actor: owner.id,
      target: { type: 'email', id: revokedEmail },
      organization: organization.id,
    });

    const token = tokenOf((await lastEmailTo(member.email.toLowerCase()))!.link!);
    const accepting = tagRequests(member.visitor);
    expect(await member.visitor.run(acceptInvitationAction, { token })).toHaveProperty('redirect');
    await expectEvent(accepting, 'invitation.accepted', {
      actor: member.id,
      target: { type: 'user', id: member.id },
      organization: organization.id,
    });
  });

  it('records an organization created and deleted; the deletion’s row outlives the organization', async () => {
    const slug = uniqueSlug('audited');
    const creating = tagRequests(owner.visitor);
    const created = await owner.visitor.run<{ id: string }>(createOrganizationAction, { name: 'Audited', slug });
    const row = (await eventsOf(creating, 'organization.created'))[0]!;
    expect(row).toMatchObject({ actorUserId: owner.id, targetType: 'organization', details: { slug } });
    expect(created).toBeDefined();
    const deleting = tagRequests(owner.visitor);
    ok(
      await owner.visitor.run(deleteOrganizationAction, {
        organizationId: row.organizationId,
        confirmation: 'Audited',
        password: owner.password,
      }),
    );
    await expectEvent(deleting, 'organization.deleted', {
      actor: owner.id,
      target: { type: 'organization', id: row.organizationId! },
      organization: row.organizationId,
    });
  });
});

describe('security events of an account', () => {
  it('records a sign-in and a refused one, against the account', async () => {
    const account = await createPasswordUser({ name: 'Signing In' });
    const visitor = await signInAs(account);
    const failing = tagRequests(visitor);
    expect(await visitor.run(signIn, { email: account.email, password: 'not the password at all' })).toMatchObject({
      ok: false,
    });
    await expectEvent(failing, 'auth.signInFailed', { actor: null, target: { type: 'user', id: account.id } });
    const signingIn = tagRequests(visitor);
    expect(await visitor.run(signIn, { email: account.email, password: account.password })).toHaveProperty('redirect');
    const row = await expectEvent(
      signingIn,
      'auth.signedIn',
      { actor: account.id, target: { type: 'user', id: account.id } },
      visitor.ip,
    );
    expect(row.details).toEqual({ method: 'password' });
  });

  it('records signing out everywhere and a password change', async () => {
    const user = await createVerifiedUser({ name: 'Careful' });
    const everywhere = tagRequests(user.visitor);
    ok(await user.visitor.run(signOutOtherSessions, {}));
    await expectEvent(everywhere, 'auth.signedOutEverywhere', {
      actor: user.id,
      target: { type: 'user', id: user.id },
    });
    const changing = tagRequests(user.visitor);
    ok(await user.visitor.run(changePassword, { currentPassword: user.password, newPassword: `${TEST_PASSWORD} two` }));
    await expectEvent(changing, 'auth.passwordChanged', { actor: user.id, target: { type: 'user', id: user.id } });
    // The password change replaces the session: not a sign-in.
    expect(await eventsOf(changing, 'auth.signedIn')).toEqual([]);
  });

  it('records two-factor turned on and off (turning it on is not a sign-in)', async () => {
    const user = await createVerifiedUser({ name: 'Two Steps' });
    const started = await user.visitor.run<{ manualKey: string }>(startTwoFactorSetup, { password: user.password });
    if (!('ok' in started) || !started.ok) throw new Error(JSON.stringify(started));
    const secret = secretFrom(started.data.manualKey);
    const enabling = tagRequests(user.visitor);
    ok(await user.visitor.run(confirmTwoFactorSetup, { code: await nextTotpCode(secret) }));
    await expectEvent(enabling, 'auth.twoFactorEnabled', { actor: user.id, target: { type: 'user', id: user.id } });
    expect(await eventsOf(enabling, 'auth.signedIn')).toEqual([]);
    const disabling = tagRequests(user.visitor);
    ok(await user.visitor.run(disableTwoFactor, { password: user.password }));
    await expectEvent(disabling, 'auth.twoFactorDisabled', { actor: user.id, target: { type: 'user', id: user.id } });
  });

  it('records an account deleted; the row outlives the account', async () => {
    const user = await createVerifiedUser({ name: 'Leaving' });
    const requestId = tagRequests(user.visitor);
    expect(await user.visitor.run(deleteAccount, { password: user.password, confirmation: user.email })).toHaveProperty(
      'redirect',
    );
    await expectEvent(requestId, 'auth.accountDeleted', { actor: user.id, target: { type: 'user', id: user.id } });
  });
});
