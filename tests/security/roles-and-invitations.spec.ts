import { expect, test } from '@playwright/test';
import { queryDatabase } from '../e2e/support';
import { createOrganization, createPerson } from '../e2e/fixtures';
import { giveTrialingPro } from '../e2e/local-gateway-fixtures';
import { Client, actionId, insertInvitation, organizationSnapshot } from './attacker';

/** Climbing roles inside one's own organization, and taking invitations meant for someone else. */

const ORG = 'src/features/organizations/server/actions.ts';

test('role escalation: a member cannot make anyone admin or owner, invite an owner or remove anyone; an admin cannot make an owner, take ownership or remove the owner', async () => {
  const [owner, admin, member, other] = await Promise.all([
    createPerson(),
    createPerson(),
    createPerson(),
    createPerson(),
  ]);
  const organization = await createOrganization([
    [owner, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
    [other, 'member'],
  ]);
  const id = organization.id;
  const attempts: [typeof owner, string, Record<string, unknown>][] = [
    [
      member,
      'changeMemberRoleAction',
      { organizationId: id, memberId: organization.memberIds[member.id], role: 'owner' },
    ],
    [
      member,
      'changeMemberRoleAction',
      { organizationId: id, memberId: organization.memberIds[member.id], role: 'admin' },
    ],
    [
      member,
      'changeMemberRoleAction',
      { organizationId: id, memberId: organization.memberIds[other.id], role: 'admin' },
    ],
    [member, 'inviteMembersAction', { organizationId: id, emails: 'accomplice@example.com', role: 'owner' }],
    [member, 'removeMemberAction', { organizationId: id, memberId: organization.memberIds[other.id] }],
    [
      member,
      'transferOwnershipAction',
      { organizationId: id, memberId: organization.memberIds[member.id], password: member.password },
    ],
    [
      admin,
      'changeMemberRoleAction',
      { organizationId: id, memberId: organization.memberIds[admin.id], role: 'owner' },
    ],
    [
      admin,
      'changeMemberRoleAction',
      { organizationId: id, memberId: organization.memberIds[member.id], role: 'owner' },
    ],
    [
      admin,
      'changeMemberRoleAction',
      { organizationId: id, memberId: organization.memberIds[owner.id], role: 'member' },
    ],
    [admin, 'inviteMembersAction', { organizationId: id, emails: 'accomplice@example.com', role: 'owner' }],
    [admin, 'removeMemberAction', { organizationId: id, memberId: organization.memberIds[owner.id] }],
    [
      admin,
      'transferOwnershipAction',
      { organizationId: id, memberId: organization.memberIds[admin.id], password: admin.password },
    ],
    [
      member,
      'deleteOrganizationAction',
      { organizationId: id, confirmation: organization.name, password: member.password },
    ],
    [
      admin,
      'deleteOrganizationAction',
      { organizationId: id, confirmation: organization.name, password: admin.password },
    ],
  ];
  const before = await organizationSnapshot(id);
  for (const [who, action, input] of attempts) {
    const client = await Client.signedInAs(who);
    const answer = await client.action(actionId(`${ORG}#${action}`), input);
    const label = `${who === member ? 'member' : 'admin'} ${action} ${JSON.stringify(input.role ?? '')}`;
    expect(answer.result?.ok, label).toBe(false);
    expect(answer.code, label).toMatch(/^(FORBIDDEN|NOT_FOUND|CONFLICT)$/);
    expect(await organizationSnapshot(id), label).toEqual(before);
  }
});

test('invitation takeover: a signed-in account with another email cannot accept an invitation by its link or its id', async () => {
  const owner = await createPerson();
  const organization = await createOrganization([[owner, 'owner']]);
  const invitation = await insertInvitation(organization.id, 'rightful-invitee@example.com', 'admin');
  const thief = await Client.signedInAs(await createPerson());
  for (const [action, input] of [
    ['acceptInvitationAction', { token: invitation.token }],
    ['acceptInvitationByIdAction', { invitationId: invitation.id }],
  ] as const) {
    const answer = await thief.action(actionId(`${ORG}#${action}`), input);
    expect(answer.result?.ok, action).toBe(false);
    expect(answer.redirect, action).toBeUndefined();
  }
  expect(
    await queryDatabase('select count(*)::int as n from members where organization_id = $1', [organization.id]),
  ).toEqual([{ n: 1 }]);
  expect(await queryDatabase('select status from invitations where id = $1', [invitation.id])).toEqual([
    { status: 'pending' },
  ]);
});

test('invitation race: the invitee accepting twice at once (two sessions, ten requests) joins once', async () => {
  const owner = await createPerson();
  const invitee = await createPerson();
  const organization = await createOrganization([[owner, 'owner']]);
  const invitation = await insertInvitation(organization.id, invitee.email, 'member');
  const sessions = await Promise.all([Client.signedInAs(invitee), Client.signedInAs(invitee)]);
  const tokens = await Promise.all(sessions.map((client) => client.csrfToken()));
  await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      sessions[index % 2]!.action(
        actionId(`${ORG}#${index % 3 === 0 ? 'acceptInvitationByIdAction' : 'acceptInvitationAction'}`),
        index % 3 === 0 ? { invitationId: invitation.id } : { token: invitation.token },
        {
          csrf: tokens[index % 2],
        },
      ),
    ),
  );
  expect(
    await queryDatabase('select role from members where organization_id = $1 and user_id = $2', [
      organization.id,
      invitee.id,
    ]),
  ).toEqual([{ role: 'member' }]);
  expect(await queryDatabase('select status from invitations where id = $1', [invitation.id])).toEqual([
    { status: 'accepted' },
  ]);
});

test('invitation flood: a brand-new account and organization cannot send 200 invitation emails in a burst', async () => {
  const founder = await createPerson();
  await queryDatabase(`update users set created_at = now() where id = $1`, [founder.id]);
  const organization = await createOrganization([[founder, 'owner']]);
  // On a paid plan, with no member limit: the invitation budget is what must stop the burst (on the
  // free plan its three-member limit stops it sooner, tests/e2e/plan-limits.spec.ts).
  await giveTrialingPro(organization);
  const client = await Client.signedInAs(founder);
  const run = Date.now();
  let refused: string | undefined;
  for (let call = 0; call < 10 && !refused; call += 1) {
    const emails = Array.from({ length: 20 }, (_, index) => `flood-${run}-${call}-${index}@example.com`).join(',');
    const answer = await client.action(actionId(`${ORG}#inviteMembersAction`), {
      organizationId: organization.id,
      emails,
      role: 'member',
    });
    if (answer.result?.ok === false) refused = answer.code;
  }
  expect(refused, 'a limit stops the burst').toBe('RATE_LIMITED');
  const [sent] = await queryDatabase<{ n: number }>(
    `select count(*)::int as n from invitations where organization_id = $1`,
    [organization.id],
  );
  expect(sent!.n).toBeLessThan(200);
});
