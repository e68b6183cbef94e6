import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptInvitationAction,
  changeMemberRoleAction,
  createOrganizationAction,
  inviteMembersAction,
  leaveOrganizationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from '@/features/organizations/server/actions';
import { invitations, members, organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';
import { errorText } from '../../support/messages';
import { insertUser, makeOrganization, rolesIn, tokenOf, uniqueSlug } from '../../support/organizations';
import { createVerifiedUser, signInAs, type TestUser } from '../../support/users';
import { lastEmailTo, uniqueEmail, type Outcome, type Visitor } from '../../support/visitor';

/**
 * Races, each run for several rounds: requests sent at once from separate
 * browsers (Promise.all) through the real actions. Whatever the interleaving,
 * the rules hold and the loser gets a clean refusal, never a 500.
 */
const ROUNDS = 5;

let alice: TestUser;
let bob: TestUser;
let invitee: TestUser;
/** Second browsers of the same people. */
let aliceElsewhere: Visitor;
let inviteeElsewhere: Visitor;

beforeAll(async () => {
  [alice, bob, invitee] = await Promise.all([
    createVerifiedUser({ name: 'Alice Owner' }),
    createVerifiedUser({ name: 'Bob Owner' }),
    createVerifiedUser({ name: 'Ivy Invitee' }),
  ]);
  [aliceElsewhere, inviteeElsewhere] = await Promise.all([signInAs(alice), signInAs(invitee)]);
});

function succeeded(outcome: Outcome<unknown>) {
  return 'redirect' in outcome || outcome.ok;
}

/** A refusal the user can act on: a 4xx with a translated message, not a server failure. */
function expectCleanRefusal(outcome: Outcome<unknown>, codes: string[]) {
  expect(outcome).toMatchObject({ ok: false });
  const { error } = outcome as { error: { code: string; status: number } };
  expect(codes).toContain(error.code);
  expect(error.status).toBeLessThan(500);
}

async function ownersOf(organizationId: string) {
  const roles = await rolesIn(organizationId);
  return Object.keys(roles).filter((userId) => roles[userId] === 'owner');
}

describe('requests at the same time', () => {
  it('two accepts of one invitation make exactly one membership', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const organization = await makeOrganization([[alice, 'owner']]);
      expect(
        await alice.visitor.run(inviteMembersAction, {
          organizationId: organization.id,
          emails: invitee.email,
          role: 'member',
        }),
      ).toMatchObject({ ok: true });
      const token = tokenOf((await lastEmailTo(invitee.email))!.link!);

      const outcomes = await Promise.all([
        invitee.visitor.run(acceptInvitationAction, { token }),
        inviteeElsewhere.run(acceptInvitationAction, { token }),
      ]);
      // The second finds the invitation accepted by this same user: it lands in the organization too.
      expect(outcomes).toEqual([
        { redirect: `/dashboard/${organization.slug}` },
        { redirect: `/dashboard/${organization.slug}` },
      ]);
      const rows = await db
        .select()
        .from(members)
        .where(and(eq(members.organizationId, organization.id), eq(members.userId, invitee.id)));
      expect(rows).toHaveLength(1);
      const [invitation] = await db.select().from(invitations).where(eq(invitations.organizationId, organization.id));
      expect(invitation!.status).toBe('accepted');
    }
  });

  it('an accept and a revoke at once: either the person joined and the invitation is accepted, or neither', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const organization = await makeOrganization([[alice, 'owner']]);
      await alice.visitor.run(inviteMembersAction, {
        organizationId: organization.id,
        emails: invitee.email,
        role: 'member',
      });
      const token = tokenOf((await lastEmailTo(invitee.email))!.link!);
      const [invitation] = await db.select().from(invitations).where(eq(invitations.organizationId, organization.id));

      const [accept, revoke] = await Promise.all([
        invitee.visitor.run(acceptInvitationAction, { token }),
        alice.visitor.run(revokeInvitationAction, { organizationId: organization.id, invitationId: invitation!.id }),
      ]);
      const joined = (await rolesIn(organization.id))[invitee.id] === 'member';
      const [after] = await db.select().from(invitations).where(eq(invitations.id, invitation!.id));
      if (joined) {
        expect(accept).toEqual({ redirect: `/dashboard/${organization.slug}` });
        expectCleanRefusal(revoke, ['NOT_FOUND']);
        expect(after!.status).toBe('accepted');
      } else {
        expect(revoke).toEqual({ ok: true });
        expectCleanRefusal(accept, ['CONFLICT']);
        expect(after!.status).toBe('revoked');
      }
    }
  });

  it('the same address invited twice at once leaves one open invitation', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const organization = await makeOrganization([
        [alice, 'owner'],
        [bob, 'admin'],
      ]);
      const email = uniqueEmail('twice');
      const outcomes = await Promise.all([
        alice.visitor.run(inviteMembersAction, { organizationId: organization.id, emails: email, role: 'member' }),
        bob.visitor.run(inviteMembersAction, { organizationId: organization.id, emails: email, role: 'admin' }),
      ]);
      expect(outcomes).toEqual([
        { ok: true, data: { invited: [email] } },
        { ok: true, data: { invited: [email] } },
      ]);
      const rows = await db.select().from(invitations).where(eq(invitations.organizationId, organization.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('pending');
    }
  });

  it('two owners demoting each other at once: one wins, the other is refused, an owner remains', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const organization = await makeOrganization([
        [alice, 'owner'],
        [bob, 'owner'],
      ]);
      const outcomes = await Promise.all([
        alice.visitor.run(changeMemberRoleAction, {
          organizationId: organization.id,
          memberId: organization.memberIds[bob.id]!,
          role: 'admin',
        }),
        bob.visitor.run(changeMemberRoleAction, {
          organizationId: organization.id,
          memberId: organization.memberIds[alice.id]!,
          role: 'admin',
        }),
      ]);
      const winners = outcomes.filter(succeeded);
      expect(winners).toEqual([{ ok: true, data: { role: 'admin' } }]);
      const loser = outcomes.find((outcome) => !succeeded(outcome))!;
      expectCleanRefusal(loser, ['FORBIDDEN', 'CONFLICT']);
      const owners = await ownersOf(organization.id);
      expect(owners).toHaveLength(1);
      // The one still an owner is the one whose request went through.
      expect(owners[0]).toBe(succeeded(outcomes[0]!) ? alice.id : bob.id);
    }
  });

  it('the last two owners leaving at once: one leaves, the other is told they are the only owner', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const organization = await makeOrganization([
        [alice, 'owner'],
        [bob, 'owner'],
      ]);
      const outcomes = await Promise.all([
        alice.visitor.run(leaveOrganizationAction, { organizationId: organization.id }),
        bob.visitor.run(leaveOrganizationAction, { organizationId: organization.id }),
      ]);
      expect(outcomes.filter(succeeded)).toEqual([{ redirect: '/dashboard?notice=organization-left' }]);
      const loser = outcomes.find((outcome) => !succeeded(outcome))!;
      expect(loser).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: errorText('en', 'organizations.lastOwnerLeave') },
      });
      expect(await ownersOf(organization.id)).toHaveLength(1);
    }
  });

  it('two transfers of ownership by the same owner to two members at once: exactly one new owner', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const [first, second] = await Promise.all([insertUser({ name: 'First' }), insertUser({ name: 'Second' })]);
      const organization = await makeOrganization([
        [alice, 'owner'],
        [first, 'member'],
        [second, 'member'],
      ]);
      const outcomes = await Promise.all([
        alice.visitor.run(transferOwnershipAction, {
          organizationId: organization.id,
          memberId: organization.memberIds[first.id]!,
          password: alice.password,
        }),
        aliceElsewhere.run(transferOwnershipAction, {
          organizationId: organization.id,
          memberId: organization.memberIds[second.id]!,
          password: alice.password,
        }),
      ]);
      expect(outcomes.filter(succeeded)).toEqual([{ ok: true }]);
      expectCleanRefusal(
        outcomes.find((outcome) => !succeeded(outcome))!,
        ['FORBIDDEN', 'CONFLICT'],
      );
      const newOwner = succeeded(outcomes[0]!) ? first : second;
      const other = newOwner === first ? second : first;
      expect(await rolesIn(organization.id)).toEqual({
        [alice.id]: 'admin',
        [newOwner.id]: 'owner',
        [other.id]: 'member',
      });
    }
  });

  it('two organizations created with one slug at once: one is created, the other gets 409 on the slug field', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const slug = uniqueSlug('race');
      const outcomes = await Promise.all([
        alice.visitor.run(createOrganizationAction, { name: 'Race A', slug }),
        bob.visitor.run(createOrganizationAction, { name: 'Race B', slug: slug.toUpperCase() }),
      ]);
      expect(outcomes.filter(succeeded)).toEqual([{ redirect: `/dashboard/${slug}` }]);
      const loser = outcomes.find((outcome) => !succeeded(outcome))!;
      expect(loser).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', status: 409, fieldErrors: { slug: [errorText('en', 'organizations.slugTaken')] } },
      });
      const rows = await db
        .select()
        .from(organizations)
        .where(sql`lower(${organizations.slug}) = ${slug}`);
      expect(rows).toHaveLength(1);
      const winner = succeeded(outcomes[0]!) ? alice : bob;
      expect(await rolesIn(rows[0]!.id)).toEqual({ [winner.id]: 'owner' });
    }
  });
});

describe('the database keeps an owner, whatever the application does', () => {
  async function demote(userId: string, organizationId: string, memberId: string, beforeCommit?: () => Promise<void>) {
    // Straight through the tenant transaction: no membership, role or owner-count check of the application.
    return withTenant({ userId, organizationId }, async (tx) => {
      await tx.update(members).set({ role: 'admin' }).where(eq(members.id, memberId));
      await beforeCommit?.();
    });
  }

  /** Waits until another backend of this database is waiting for a lock. */
  async function someoneWaitsForALock() {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { rows } = await db.execute<{ waiting: number }>(
        sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0]!.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the second transaction never waited for the first');
  }

  it('refuses the second of two transactions that each demote a different owner (organization_keeps_an_owner)', async () => {
    const organization = await makeOrganization([
      [alice, 'owner'],
      [bob, 'owner'],
    ]);
    let second: Promise<void> | undefined;
    // The first demotes Alice and, before committing, lets the second demote Bob: the second must wait
    // for the first (the organization row is locked), then find no other owner.
    const first = demote(alice.id, organization.id, organization.memberIds[alice.id]!, async () => {
      second = demote(bob.id, organization.id, organization.memberIds[bob.id]!);
      second.catch(() => undefined);
      await someoneWaitsForALock();
    });
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23514', constraint: 'organization_keeps_an_owner' }),
    });
    expect(await rolesIn(organization.id)).toEqual({ [alice.id]: 'admin', [bob.id]: 'owner' });
  });

  it('lets exactly one of them through, whichever comes first, round after round', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const organization = await makeOrganization([
        [alice, 'owner'],
        [bob, 'owner'],
      ]);
      const results = await Promise.allSettled([
        demote(alice.id, organization.id, organization.memberIds[alice.id]!),
        demote(bob.id, organization.id, organization.memberIds[bob.id]!),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(failure.reason).toMatchObject({
        cause: expect.objectContaining({ constraint: 'organization_keeps_an_owner' }),
      });
      expect(await ownersOf(organization.id)).toHaveLength(1);
    }
  });
});
