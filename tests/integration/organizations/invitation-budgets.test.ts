import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { inviteMembersAction, resendInvitationAction } from '@/features/organizations/server/actions';
import { invitationSends, invitations, organizations } from '@/features/organizations/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { devMailboxMessages } from '@/platform/email/schema';
import { expectRefusal, makeOrganization, type TestOrganization } from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { emailsTo, uniqueEmail } from '../../support/visitor';

/**
 * Invitation emails are budgeted per organization and per account, per hour
 * and per day, smaller while either is new, and per address
 * (appConfig.organizations.invitationBudget; docs/organizations/invitations.md#budgets).
 */

const HOUR = 60 * 60 * 1000;
const budget = appConfig.organizations.invitationBudget;

function addresses(count: number, prefix = 'flood') {
  return Array.from({ length: count }, () => uniqueEmail(prefix));
}

async function invite(by: TestUser, organization: TestOrganization, emails: string[]) {
  return by.visitor.run(inviteMembersAction, {
    organizationId: organization.id,
    emails: emails.join(', '),
    role: 'member',
  });
}

async function invitationCount(organizationId: string) {
  return (
    await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.organizationId, organizationId))
  ).length;
}

async function mailCount(emails: string[]) {
  let total = 0;
  for (const email of emails) total += (await emailsTo(email)).length;
  return total;
}

/** Makes an account or an organization older than `newForHours`. */
async function established(what: { users?: string[]; organizations?: string[] }) {
  const longAgo = new Date(Date.now() - (budget.newForHours + 24) * HOUR);
  if (what.users) await db.update(users).set({ createdAt: longAgo }).where(inArray(users.id, what.users));
  if (what.organizations)
    await db.update(organizations).set({ createdAt: longAgo }).where(inArray(organizations.id, what.organizations));
}

/**
 * Sends recorded as if made `hoursAgo` (the clock is moved by moving the rows, as the invitation tests do with expiry).
 */
async function pastSends(organizationId: string, senderId: string, hoursAgo: number[]) {
  await db.insert(invitationSends).values(
    hoursAgo.map((hours, index) => ({
      organizationId,
      senderId,
      addressHash: `past-${index}`,
      sentAt: new Date(Date.now() - hours * HOUR),
    })),
  );
}

describe('a brand-new account with a brand-new organization', () => {
  it('stops a flood: of 15 concurrent calls of 20 addresses one goes through, the others are refused with when to try again, nothing else saved or sent', async () => {
    expect(budget.newOrganization.perHour).toBe(20);
    const owner = await createVerifiedUser({ name: 'Fresh Flooder' });
    const organization = await makeOrganization([[owner, 'owner']]);
    const batches = Array.from({ length: 15 }, () => addresses(20));
    const outcomes = await Promise.all(batches.map((emails) => invite(owner, organization, emails)));

    expect(outcomes.filter((outcome) => 'ok' in outcome && outcome.ok)).toHaveLength(1);
    const refused = outcomes.filter((outcome) => 'ok' in outcome && !outcome.ok);
    expect(refused).toHaveLength(14);
    for (const outcome of refused) {
      expectRefusal(outcome, 'RATE_LIMITED', {
        key: 'organizations.invitationLimit',
        values: { scope: 'organization', window: 'hour', limit: 20, remaining: 0, unit: 'minutes', amount: 60 },
      });
      expect(outcome).toMatchObject({
        error: {
          status: 429,
          message:
            'This organization can send up to 20 invitation emails per hour, and that limit is reached. You can send more in 60 minutes.',
        },
      });
    }
    expect(await invitationCount(organization.id)).toBe(20);
    expect(await mailCount(batches.flat())).toBe(20);
  });

  it('refuses a batch that does not fit whole without spending any of it, and says how many still fit (in Spanish too)', async () => {
    const owner = await createVerifiedUser({ name: 'Nueva Cuenta', locale: 'es' });
    const organization = await makeOrganization([[owner, 'owner']]);
    expect(await invite(owner, organization, addresses(15))).toMatchObject({ ok: true });

    const tooMany = await invite(owner, organization, addresses(10));
    expectRefusal(tooMany, 'RATE_LIMITED', {
      key: 'organizations.invitationLimit',
      values: { scope: 'organization', window: 'hour', limit: 20, remaining: 5, unit: 'minutes', amount: 60 },
      locale: 'es',
    });
    expect(tooMany).toMatchObject({
      error: {
        message:
          'Esta organización puede enviar hasta 20 correos de invitación por hora, y 5 más ahora. Podrás enviar más dentro de 60 minutos.',
      },
    });
    expect(await invitationCount(organization.id)).toBe(15);
    expect(await invite(owner, organization, addresses(5))).toMatchObject({ ok: true });
  });

  it('gets no more by creating more organizations: the account’s budget spans them all, even concurrently', async () => {
    expect(budget.newAccount.perHour).toBe(20);
    const owner = await createVerifiedUser({ name: 'Many Orgs' });
    const [first, second, third] = await Promise.all([0, 1, 2].map(() => makeOrganization([[owner, 'owner']])));
    const [a, b] = await Promise.all([invite(owner, first!, addresses(20)), invite(owner, second!, addresses(20))]);
    expect([a, b].filter((outcome) => 'ok' in outcome && outcome.ok)).toHaveLength(1);

    const third1 = await invite(owner, third!, addresses(1));
    expectRefusal(third1, 'RATE_LIMITED', {
      key: 'organizations.invitationLimit',
      values: { scope: 'account', window: 'hour', limit: 20, remaining: 0, unit: 'minutes', amount: 60 },
    });
    expect(third1).toMatchObject({
      error: { message: expect.stringMatching(/^Your account can send up to 20 invitation emails per hour/) },
    });
    expect(
      (await invitationCount(first!.id)) + (await invitationCount(second!.id)) + (await invitationCount(third!.id)),
    ).toBe(20);
  });

  it('still counts the sends of an organization the account deleted', async () => {
    const owner = await createVerifiedUser({ name: 'Delete And Retry' });
    const first = await makeOrganization([[owner, 'owner']]);
    expect(await invite(owner, first, addresses(20))).toMatchObject({ ok: true });
    await db.delete(organizations).where(eq(organizations.id, first.id));
    const second = await makeOrganization([[owner, 'owner']]);
    expectRefusal(await invite(owner, second, addresses(1)), 'RATE_LIMITED', {
      key: 'organizations.invitationLimit',
      values: { scope: 'account', window: 'hour', limit: 20, remaining: 0, unit: 'minutes', amount: 60 },
    });
  });
});

describe('established accounts and organizations', () => {
  it('get the larger budget; a new organization of an established account still gets the smaller one', async () => {
    const owner = await createVerifiedUser({ name: 'Old Hand' });
    await established({ users: [owner.id] });
    const [old, young] = await Promise.all([
      makeOrganization([[owner, 'owner']]),
      makeOrganization([[owner, 'owner']]),
    ]);
    await established({ organizations: [old.id] });

    for (let call = 0; call < 2; call++) expect(await invite(owner, old, addresses(20))).toMatchObject({ ok: true });
    expect(await invitationCount(old.id)).toBe(40);

    expect(await invite(owner, young, addresses(5))).toMatchObject({ ok: true });
    expectRefusal(await invite(owner, young, addresses(20)), 'RATE_LIMITED', {
      key: 'organizations.invitationLimit',
      values: { scope: 'organization', window: 'hour', limit: 20, remaining: 15, unit: 'minutes', amount: 60 },
    });
  });

  it('are held to the day as well as the hour, and told when the oldest sends leave the window', async () => {
    const owner = await createVerifiedUser({ name: 'Busy Day' });
    const organization = await makeOrganization([[owner, 'owner']]);
    await established({ users: [owner.id], organizations: [organization.id] });
    // 199 sends over the last day, none in the last hour; the oldest leaves the day's window in 4 hours.
    await pastSends(
      organization.id,
      owner.id,
      Array.from({ length: 199 }, (_, index) => 20 - (index % 18)),
    );

    const two = await invite(owner, organization, addresses(2));
    expectRefusal(two, 'RATE_LIMITED', {
      key: 'organizations.invitationLimit',
      values: { scope: 'organization', window: 'day', limit: 200, remaining: 1, unit: 'hours', amount: 4 },
    });
    expect(two).toMatchObject({
      error: {
        message:
          'This organization can send up to 200 invitation emails per day, and 1 more now. You can send more in 4 hours.',
      },
    });
    expect(await invite(owner, organization, addresses(1))).toMatchObject({ ok: true });
  });
});

describe('resends and re-invites', () => {
  it('count: the same address gets at most perAddressPerDay emails from an organization a day, then a message naming it', async () => {
    const owner = await createVerifiedUser({ name: 'Persistent Inviter', locale: 'es' });
    const organization = await makeOrganization([[owner, 'owner']]);
    await established({ users: [owner.id], organizations: [organization.id] });
    const email = uniqueEmail('inbox');
    expect(budget.perAddressPerDay).toBe(5);

    expect(await invite(owner, organization, [email])).toMatchObject({ ok: true });
    expect(await invite(owner, organization, [email])).toMatchObject({ ok: true }); // a re-invite
    const [row] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, organization.id), eq(invitations.email, email)));
    for (let resend = 0; resend < 3; resend++) {
      expect(
        await owner.visitor.run(resendInvitationAction, { organizationId: organization.id, invitationId: row!.id }),
      ).toEqual({ ok: true });
    }
    expect(await emailsTo(email)).toHaveLength(5);

    const before = await db.select().from(invitations).where(eq(invitations.id, row!.id));
    const resent = await owner.visitor.run(resendInvitationAction, {
      organizationId: organization.id,
      invitationId: row!.id,
    });
    expectRefusal(resent, 'RATE_LIMITED', {
      key: 'organizations.invitationAddressLimit',
      values: { email, limit: 5, unit: 'hours', amount: 24 },
      locale: 'es',
    });
    expect(resent).toMatchObject({
      error: {
        message: `${email} ya ha recibido 5 correos de invitación de esta organización hoy. Podrás invitarle de nuevo dentro de 24 horas.`,
      },
    });
    const reinvited = await invite(owner, organization, [uniqueEmail('other'), email]);
    expectRefusal(reinvited, 'RATE_LIMITED', {
      key: 'organizations.invitationAddressLimit',
      values: { email, limit: 5, unit: 'hours', amount: 24 },
      locale: 'es',
    });
    // Refused: the link was not renewed and nothing more was sent.
    expect(await db.select().from(invitations).where(eq(invitations.id, row!.id))).toEqual(before);
    expect(await emailsTo(email)).toHaveLength(5);
  });

  it('count against the organization’s and the account’s hour like any invitation', async () => {
    const owner = await createVerifiedUser({ name: 'Resender' });
    const organization = await makeOrganization([[owner, 'owner']]);
    expect(await invite(owner, organization, addresses(20))).toMatchObject({ ok: true });
    const [row] = await db.select().from(invitations).where(eq(invitations.organizationId, organization.id)).limit(1);
    const sent = (await db.select({ id: devMailboxMessages.id }).from(devMailboxMessages)).length;
    expectRefusal(
      await owner.visitor.run(resendInvitationAction, { organizationId: organization.id, invitationId: row!.id }),
      'RATE_LIMITED',
      {
        key: 'organizations.invitationLimit',
        values: { scope: 'organization', window: 'hour', limit: 20, remaining: 0, unit: 'minutes', amount: 60 },
      },
    );
    expect((await db.select({ id: devMailboxMessages.id }).from(devMailboxMessages)).length).toBe(sent);
  });
});

describe('what cannot be renamed or deleted away', () => {
  it('"+tags" and capitals are one mailbox: the per-address budget counts them together', async () => {
    const owner = await createVerifiedUser({ name: 'Tag Sprayer' });
    const organization = await makeOrganization([[owner, 'owner']]);
    await established({ users: [owner.id], organizations: [organization.id] });
    const [local, domain] = uniqueEmail('tagged').split('@');
    for (let tag = 1; tag <= budget.perAddressPerDay; tag++) {
      const variant = tag % 2 ? `${local}+${tag}@${domain}` : `${local!.toUpperCase()}+${tag}@${domain}`;
      expect(await invite(owner, organization, [variant])).toMatchObject({ ok: true });
    }
    const next = `${local}+next@${domain}`;
    expectRefusal(await invite(owner, organization, [next]), 'RATE_LIMITED', {
      key: 'organizations.invitationAddressLimit',
      values: { email: next, limit: budget.perAddressPerDay, unit: 'hours', amount: 24 },
    });
  });

  it('an account deleted after sending leaves its sends counted for the organization', async () => {
    const owner = await createVerifiedUser({ name: 'Staying Owner' });
    const admin = await createVerifiedUser({ name: 'Vanishing Admin' });
    const organization = await makeOrganization([
      [owner, 'owner'],
      [admin, 'admin'],
    ]);
    expect(await invite(admin, organization, addresses(budget.newOrganization.perHour))).toMatchObject({ ok: true });
    await db.delete(users).where(eq(users.id, admin.id));
    expect(
      await db
        .select({ id: invitationSends.id })
        .from(invitationSends)
        .where(eq(invitationSends.organizationId, organization.id)),
    ).toHaveLength(budget.newOrganization.perHour);
    expectRefusal(await invite(owner, organization, addresses(1)), 'RATE_LIMITED', {
      key: 'organizations.invitationLimit',
      values: {
        scope: 'organization',
        window: 'hour',
        limit: budget.newOrganization.perHour,
        remaining: 0,
        unit: 'minutes',
        amount: 60,
      },
    });
  });
});
