import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import {
  acceptInvitationAction,
  acceptInvitationByIdAction,
  createInvitationLinkAction,
  inviteMembersAction,
  resendInvitationAction,
  revokeInvitationAction,
} from '@/features/organizations/server/actions';
import {
  listInvitations,
  pendingInvitationsFor,
  previewInvitation,
  rememberedOrganization,
} from '@/features/organizations/server';
import { invitations, members } from '@/features/organizations/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { translatorFor } from '@/platform/i18n/translator';
import {
  expectFieldRefusal,
  expectRefusal,
  insertUser,
  makeOrganization,
  organizationState,
  rolesIn,
  tokenOf,
  type TestOrganization,
} from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { Visitor, emailsTo, lastEmailTo, uniqueEmail } from '../../support/visitor';

const DAY = 24 * 60 * 60 * 1000;

let owner: TestUser;
/** An admin whose browser is in Spanish. */
let admin: TestUser;
/** The person invited in most tests: each test invites them to a new organization. */
let invitee: TestUser;
/** Someone else, also reading Spanish. */
let stranger: TestUser;

beforeAll(async () => {
  [owner, admin, invitee, stranger] = await Promise.all([
    createVerifiedUser({ name: 'Olivia Owner' }),
    createVerifiedUser({ name: 'Andrés Admin', locale: 'es' }),
    createVerifiedUser({ name: 'Ivy Invitee' }),
    createVerifiedUser({ name: 'Sam Stranger', locale: 'es' }),
  ]);
  // Accounts that have been around: this file sends more than a new account may in an hour
  // (the budgets of new accounts and organizations are tested in invitation-budgets.test.ts).
  await db
    .update(users)
    .set({ createdAt: new Date(Date.now() - 30 * DAY) })
    .where(inArray(users.id, [owner.id, admin.id, stranger.id]));
});

async function team(name = 'Acme') {
  return makeOrganization(
    [
      [owner, 'owner'],
      [admin, 'admin'],
    ],
    { name: `${name} ${crypto.randomUUID().slice(0, 6)}` },
  );
}

/** Invites `email` (as the owner, unless said otherwise) and returns the token of the emailed link. */
async function invite(organization: TestOrganization, email: string, role = 'member', by: TestUser = owner) {
  const outcome = await by.visitor.run(inviteMembersAction, { organizationId: organization.id, emails: email, role });
  expect(outcome).toMatchObject({ ok: true });
  return tokenOf((await lastEmailTo(email.toLowerCase()))!.link!);
}

async function invitationTo(organization: TestOrganization, email: string) {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organization.id), eq(invitations.email, email.toLowerCase())));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('inviting', () => {
  it('invites several addresses at once: one row and one email each, with a link to /join', async () => {
    const organization = await team();
    const [a, b, c] = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c')];
    const outcome = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: `${a}, ${b.toUpperCase()};\n${c} ${a}`,
      role: 'admin',
    });
    expect(outcome).toEqual({ ok: true, data: { invited: [a, b, c] } });

    for (const email of [a, b, c]) {
      const row = await invitationTo(organization, email);
      expect(row).toMatchObject({ role: 'admin', status: 'pending', inviterId: owner.id, acceptedAt: null });
      const received = await emailsTo(email);
      expect(received).toHaveLength(1);
      expect(received[0]!.subject).toBe(`Olivia Owner invited you to ${organization.name} on ${appConfig.site.name}`);
      expect(received[0]!.text).toContain(`as ${translatorFor('en', 'organizations')('roles.admin')}`);
      const link = received[0]!.text.match(/https?:\/\/\S+/)![0];
      expect(link.startsWith(`${appConfig.site.url}/join?token=`)).toBe(true);
      expect(row.tokenHash).toBe(createHash('sha256').update(tokenOf(link)).digest('hex'));
    }
  });

  it('stores only a hash of the token: the database never contains the link’s secret', async () => {
    const organization = await team();
    const email = uniqueEmail();
    const token = await invite(organization, email);
    const { rows } = await db.execute<{ row: string }>(
      sql`select i::text as row from invitations i where i.organization_id = ${organization.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token);
    expect((await invitationTo(organization, email)).tokenHash).not.toBe(token);
  });

  it('writes the email in the inviter’s language', async () => {
    const organization = await team('Equipo');
    const email = uniqueEmail('es');
    await invite(organization, email, 'member', admin);
    const [letter] = await emailsTo(email);
    expect(letter!.subject).toBe(`Andrés Admin te invitó a ${organization.name} en ${appConfig.site.name}`);
    expect(letter!.text).toContain('como Miembro');
    expect(letter!.text).toContain(`durante ${appConfig.organizations.invitationExpiryDays} días`);
  });

  it('refuses addresses that are already members, naming them, and invites nobody from that form', async () => {
    const organization = await team();
    const fresh = uniqueEmail('fresh');
    const before = await organizationState(organization.id);
    const outcome = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: `${fresh}, ${admin.email.toUpperCase()}`,
      role: 'member',
    });
    expectRefusal(outcome, 'CONFLICT', {
      key: 'organizations.alreadyMembers',
      values: { emails: admin.email, count: 1 },
    });
    expectFieldRefusal(outcome, 'CONFLICT', 'emails', {
      key: 'organizations.alreadyMembers',
      values: { emails: admin.email, count: 1 },
    });
    expect(outcome).toMatchObject({ error: { message: `${admin.email} is already a member of this organization.` } });
    expect(await organizationState(organization.id)).toEqual(before);
    expect(await emailsTo(fresh)).toEqual([]);

    // In Spanish, for two of them.
    const both = await admin.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: `${owner.email} ${admin.email}`,
      role: 'member',
    });
    expect(both).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/ ya son miembros de esta organización\.$/) },
    });
    expect((both as { error: { message: string } }).error.message).toContain(owner.email);
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses addresses that are not addresses, and too many at once, on the emails field', async () => {
    const organization = await team();
    const before = await organizationState(organization.id);
    const bad = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: `${uniqueEmail()}, not-an-address`,
      role: 'member',
    });
    expectFieldRefusal(bad, 'VALIDATION_FAILED', 'emails', { key: 'validation.emails' });
    const many = Array.from({ length: 21 }, () => uniqueEmail('many')).join(',');
    const tooMany = await admin.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: many,
      role: 'member',
    });
    expectFieldRefusal(tooMany, 'VALIDATION_FAILED', 'emails', {
      key: 'validation.tooManyEmails',
      values: { maximum: 20 },
      locale: 'es',
    });
    const empty = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: ' , ',
      role: 'member',
    });
    expectFieldRefusal(empty, 'VALIDATION_FAILED', 'emails', { key: 'validation.required' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('answers a non-member 404 and invites nobody', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const email = uniqueEmail();
    const outcome = await stranger.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: email,
      role: 'member',
    });
    expectRefusal(outcome, 'NOT_FOUND', { key: 'NOT_FOUND', locale: 'es' });
    expect((await organizationState(organization.id)).invitations).toEqual([]);
    expect(await emailsTo(email)).toEqual([]);
  });

  it('renews an open invitation when the address is invited again: same row, new role, new link; the old link stops working', async () => {
    const organization = await team();
    const email = uniqueEmail('again');
    const oldToken = await invite(organization, email, 'member');
    const first = await invitationTo(organization, email);
    const newToken = await invite(organization, email, 'admin');
    const renewed = await invitationTo(organization, email);
    expect(renewed).toMatchObject({ id: first.id, role: 'admin', status: 'pending' });
    expect(renewed.tokenHash).not.toBe(first.tokenHash);
    expect(await emailsTo(email)).toHaveLength(2);
    expect(await previewInvitation(oldToken)).toBeNull();
    expect(await previewInvitation(newToken)).toMatchObject({ id: first.id, role: 'admin', state: 'pending' });
  });
});

describe('managing open invitations', () => {
  it('resends with a new link and a new full period; the previous link stops working', async () => {
    const organization = await team();
    const email = uniqueEmail('resend');
    const oldToken = await invite(organization, email);
    const row = await invitationTo(organization, email);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, row.id));

    const outcome = await admin.visitor.run(resendInvitationAction, {
      organizationId: organization.id,
      invitationId: row.id,
    });
    expect(outcome).toEqual({ ok: true });
    const letters = await emailsTo(email);
    expect(letters).toHaveLength(2);
    expect(letters[0]!.subject).toContain('te invitó');
    const newToken = tokenOf((await lastEmailTo(email))!.link!);
    expect(newToken).not.toBe(oldToken);
    expect(await previewInvitation(oldToken)).toBeNull();
    expect(await previewInvitation(newToken)).toMatchObject({ state: 'pending' });
    const renewed = await invitationTo(organization, email);
    expect(
      Math.abs(renewed.expiresAt.getTime() - Date.now() - appConfig.organizations.invitationExpiryDays * DAY),
    ).toBeLessThan(60_000);
  });

  it('makes a link to copy (a new one: the emailed link stops working)', async () => {
    const organization = await team();
    const email = uniqueEmail('copy');
    const emailed = await invite(organization, email);
    const row = await invitationTo(organization, email);
    const outcome = await owner.visitor.run(createInvitationLinkAction, {
      organizationId: organization.id,
      invitationId: row.id,
    });
    expect(outcome).toMatchObject({
      ok: true,
      data: { url: expect.stringMatching(new RegExp(`^${appConfig.site.url}/join\\?token=`)) },
    });
    const copied = tokenOf((outcome as { data: { url: string } }).data.url);
    expect(await previewInvitation(emailed)).toBeNull();
    expect(await previewInvitation(copied)).toMatchObject({ id: row.id, state: 'pending' });
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('revokes: the link then says so and cannot be accepted; revoking twice answers 404', async () => {
    const organization = await team();
    const token = await invite(organization, invitee.email);
    const row = await invitationTo(organization, invitee.email);
    expect(
      await admin.visitor.run(revokeInvitationAction, { organizationId: organization.id, invitationId: row.id }),
    ).toEqual({ ok: true });
    expect(await previewInvitation(token)).toMatchObject({ state: 'revoked' });
    const accept = await invitee.visitor.run(acceptInvitationAction, { token });
    expectRefusal(accept, 'CONFLICT', { key: 'organizations.invitationRevoked' });
    expect((await rolesIn(organization.id))[invitee.id]).toBeUndefined();
    const again = await owner.visitor.run(revokeInvitationAction, {
      organizationId: organization.id,
      invitationId: row.id,
    });
    expectRefusal(again, 'NOT_FOUND', { key: 'organizations.invitationNotPending' });
    expect(await listInvitations({ userId: owner.id, organizationId: organization.id })).toEqual([]);
  });

  it('does not let a member manage invitations, nor an admin touch an owner’s invitation', async () => {
    const member = await createVerifiedUser({ name: 'Mia Member' });
    const organization = await team();
    await db.insert(members).values({ organizationId: organization.id, userId: member.id, role: 'member' });
    const futureOwner = uniqueEmail('future-owner');
    await invite(organization, futureOwner, 'owner');
    const [row] = (await organizationState(organization.id)).invitations;
    const before = await organizationState(organization.id);
    for (const action of [resendInvitationAction, createInvitationLinkAction, revokeInvitationAction]) {
      expectRefusal(
        await member.visitor.run(action, { organizationId: organization.id, invitationId: row!.id }),
        'FORBIDDEN',
        { key: 'organizations.forbidden' },
      );
      expectRefusal(
        await admin.visitor.run(action, { organizationId: organization.id, invitationId: row!.id }),
        'FORBIDDEN',
        {
          key: 'organizations.outranked',
          locale: 'es',
        },
      );
    }
    // Inviting the same address again would renew it (new role, new link): not for an admin either.
    const reinvite = await admin.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: `${uniqueEmail()} ${futureOwner}`,
      role: 'member',
    });
    expectRefusal(reinvite, 'FORBIDDEN', { key: 'organizations.outranked', locale: 'es' });
    expectFieldRefusal(reinvite, 'FORBIDDEN', 'emails', { key: 'organizations.outranked', locale: 'es' });
    expect(await organizationState(organization.id)).toEqual(before);
    expect(await emailsTo(futureOwner)).toHaveLength(1);
  });

  it('cannot reach another organization’s invitation through its id', async () => {
    const organization = await team();
    const other = await makeOrganization([[stranger, 'owner']]);
    await stranger.visitor.run(inviteMembersAction, {
      organizationId: other.id,
      emails: uniqueEmail(),
      role: 'member',
    });
    const [theirs] = (await organizationState(other.id)).invitations;
    const before = await organizationState(other.id);
    const outcome = await owner.visitor.run(revokeInvitationAction, {
      organizationId: organization.id,
      invitationId: theirs!.id,
    });
    expectRefusal(outcome, 'NOT_FOUND', { key: 'organizations.invitationNotPending' });
    expect(await organizationState(other.id)).toEqual(before);
  });
});

describe('expiry', () => {
  // The clock is moved by moving the invitation's expires_at in the database, not with vi.setSystemTime:
  // pendingInvitationsFor compares with PostgreSQL's now(), which a fake Node clock does not move, and a
  // faked clock would also age the test users' sessions. The period itself is checked on the stored row.
  it('lasts appConfig.organizations.invitationExpiryDays (7 days)', async () => {
    const organization = await team();
    const email = uniqueEmail('period');
    await invite(organization, email);
    const row = await invitationTo(organization, email);
    expect(appConfig.organizations.invitationExpiryDays).toBe(7);
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 7 * DAY)).toBeLessThan(60_000);
  });

  it('is accepted just before it expires and refused once it has, changing nothing', async () => {
    const early = await team();
    const earlyToken = await invite(early, invitee.email);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(invitations.organizationId, early.id));
    expect(await invitee.visitor.run(acceptInvitationAction, { token: earlyToken })).toEqual({
      redirect: `/dashboard/${early.slug}`,
    });

    const late = await team();
    const lateToken = await invite(late, invitee.email);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.organizationId, late.id));
    const before = await organizationState(late.id);
    expect(await previewInvitation(lateToken)).toMatchObject({ state: 'expired' });
    expect((await listInvitations({ userId: owner.id, organizationId: late.id }))[0]).toMatchObject({
      state: 'expired',
    });
    expect(
      (await pendingInvitationsFor({ email: invitee.email, emailVerified: true })).map((row) => row.organizationSlug),
    ).not.toContain(late.slug);
    const outcome = await invitee.visitor.run(acceptInvitationAction, { token: lateToken });
    expectRefusal(outcome, 'CONFLICT', { key: 'organizations.invitationExpired' });
    expect(await organizationState(late.id)).toEqual(before);
  });
});

describe('accepting', () => {
  it('makes the invited user a member with the invited role, once; the link then lands them in the organization again', async () => {
    const organization = await team();
    const token = await invite(organization, invitee.email.toUpperCase(), 'admin');
    const outcome = await invitee.visitor.run(acceptInvitationAction, { token });
    expect(outcome).toEqual({ redirect: `/dashboard/${organization.slug}` });
    expect((await rolesIn(organization.id))[invitee.id]).toBe('admin');
    expect(await invitationTo(organization, invitee.email)).toMatchObject({
      status: 'accepted',
      acceptedAt: expect.any(Date),
    });
    expect((await rememberedOrganization(invitee.id))?.id).toBe(organization.id);

    expect(await invitee.visitor.run(acceptInvitationAction, { token })).toEqual({
      redirect: `/dashboard/${organization.slug}`,
    });
    const rows = await db
      .select()
      .from(members)
      .where(and(eq(members.organizationId, organization.id), eq(members.userId, invitee.id)));
    expect(rows).toHaveLength(1);
    expect(await previewInvitation(token)).toMatchObject({ state: 'accepted' });
  });

  it('does not let a used link bring back a member who was removed', async () => {
    const organization = await team();
    const token = await invite(organization, invitee.email);
    await invitee.visitor.run(acceptInvitationAction, { token });
    await db.delete(members).where(and(eq(members.organizationId, organization.id), eq(members.userId, invitee.id)));
    const before = await organizationState(organization.id);
    const outcome = await invitee.visitor.run(acceptInvitationAction, { token });
    expectRefusal(outcome, 'CONFLICT', { key: 'organizations.invitationUsed' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses a user signed in with another address, naming the invited one (in their language)', async () => {
    const organization = await team();
    const token = await invite(organization, invitee.email);
    const before = await organizationState(organization.id);
    const outcome = await stranger.visitor.run(acceptInvitationAction, { token });
    expectRefusal(outcome, 'FORBIDDEN', {
      key: 'organizations.invitationOtherEmail',
      values: { email: invitee.email },
      locale: 'es',
    });
    expect(outcome).toMatchObject({
      error: {
        status: 403,
        message: `Esta invitación se envió a ${invitee.email}. Inicia sesión con esa dirección para aceptarla.`,
      },
    });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('refuses a user whose address is not confirmed', async () => {
    const unconfirmed = await createVerifiedUser({ name: 'Una Unconfirmed' });
    await db.update(users).set({ emailVerified: false }).where(eq(users.id, unconfirmed.id));
    const organization = await team();
    const token = await invite(organization, unconfirmed.email);
    const before = await organizationState(organization.id);
    const outcome = await unconfirmed.visitor.run(acceptInvitationAction, { token });
    expectRefusal(outcome, 'FORBIDDEN', { key: 'organizations.verifyEmailFirst' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('answers 401 signed out, and 404 to a link that matches nothing', async () => {
    const organization = await team();
    const token = await invite(organization, invitee.email);
    const before = await organizationState(organization.id);
    expectRefusal(await new Visitor().run(acceptInvitationAction, { token }), 'UNAUTHENTICATED', {
      key: 'UNAUTHENTICATED',
    });
    const forged = await invitee.visitor.run(acceptInvitationAction, { token: `${token.slice(0, -4)}AAAA` });
    expectRefusal(forged, 'NOT_FOUND', { key: 'organizations.invitationInvalid' });
    expect(await organizationState(organization.id)).toEqual(before);
  });

  it('accepts by id from onboarding, for the invited user only', async () => {
    const organization = await team();
    await invite(organization, invitee.email, 'member');
    const row = await invitationTo(organization, invitee.email);
    const before = await organizationState(organization.id);

    const other = await stranger.visitor.run(acceptInvitationByIdAction, { invitationId: row.id });
    expectRefusal(other, 'FORBIDDEN', {
      key: 'organizations.invitationOtherEmail',
      values: { email: invitee.email },
      locale: 'es',
    });
    const unknown = await invitee.visitor.run(acceptInvitationByIdAction, { invitationId: crypto.randomUUID() });
    expectRefusal(unknown, 'NOT_FOUND', { key: 'organizations.invitationInvalid' });
    expect(await organizationState(organization.id)).toEqual(before);

    expect(await invitee.visitor.run(acceptInvitationByIdAction, { invitationId: row.id })).toEqual({
      redirect: `/dashboard/${organization.slug}`,
    });
    expect((await rolesIn(organization.id))[invitee.id]).toBe('member');
  });
});

describe('what the join page and onboarding see', () => {
  it('previews an invitation in each of its states, and nothing for an unknown token', async () => {
    const organization = await team('Preview');
    const token = await invite(organization, invitee.email, 'admin');
    const row = await invitationTo(organization, invitee.email);
    expect(await previewInvitation(token)).toEqual({
      id: row.id,
      email: invitee.email,
      role: 'admin',
      state: 'pending',
      organizationName: organization.name,
      organizationSlug: organization.slug,
      inviterName: 'Olivia Owner',
    });
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, row.id));
    expect(await previewInvitation(token)).toMatchObject({ state: 'expired' });
    await db.update(invitations).set({ status: 'revoked' }).where(eq(invitations.id, row.id));
    expect(await previewInvitation(token)).toMatchObject({ state: 'revoked' });
    await db.update(invitations).set({ status: 'accepted' }).where(eq(invitations.id, row.id));
    expect(await previewInvitation(token)).toMatchObject({ state: 'accepted' });
    expect(await previewInvitation('no-such-token-anywhere-at-all')).toBeNull();
  });

  it('lists the open invitations to an address (any case), newest first, and no others', async () => {
    const person = await insertUser();
    const first = await team('First');
    const second = await team('Second');
    const expired = await team('Expired');
    const revoked = await team('Revoked');
    const accepted = await team('Accepted');
    for (const organization of [first, second, expired, revoked, accepted]) await invite(organization, person.email);
    await invite(first, uniqueEmail('someone-else'));
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.organizationId, expired.id));
    await db.update(invitations).set({ status: 'revoked' }).where(eq(invitations.organizationId, revoked.id));
    await db.update(invitations).set({ status: 'accepted' }).where(eq(invitations.organizationId, accepted.id));

    const open = await pendingInvitationsFor({ email: person.email.toUpperCase(), emailVerified: true });
    expect(open.map((row) => [row.organizationSlug, row.email, row.state])).toEqual([
      [second.slug, person.email, 'pending'],
      [first.slug, person.email, 'pending'],
    ]);
    // An address not yet confirmed is not yet theirs: no invitations shown.
    expect(await pendingInvitationsFor({ email: person.email, emailVerified: false })).toEqual([]);
  });
});
