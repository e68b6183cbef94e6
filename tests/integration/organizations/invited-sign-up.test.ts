import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getSessionFromHeaders, signIn, signUp } from '@/features/auth/server';
import { users } from '@/features/auth/server/schema';
import {
  acceptInvitationAction,
  createInvitationLinkAction,
  createOrganizationAction,
  inviteMembersAction,
  joinWithNewAccountAction,
  revokeInvitationAction,
} from '@/features/organizations/server/actions';
import { findAccess } from '@/features/organizations/server';
import { invitations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { TEST_PASSWORD, createVerifiedUser } from '../../support/users';
import { Visitor, emailsTo, lastEmailTo, uniqueEmail } from '../../support/visitor';

/*
 * Decision 0051: signing up from an emailed invitation confirms the invited
 * address, since its link was only sent there. These are the edges where it
 * must confirm nothing.
 */

const NEW_PASSWORD = 'a different long passphrase';

async function invited(slug: string) {
  const email = uniqueEmail('invitee');
  const owner = await createVerifiedUser();
  expect(await owner.visitor.run(createOrganizationAction, { name: 'Invited Co', slug })).toEqual({
    redirect: `/dashboard/${slug}`,
  });
  const organizationId = (await findAccess(owner.id, { slug }))!.organization.id;
  expect(await owner.visitor.run(inviteMembersAction, { organizationId, emails: email, role: 'member' })).toMatchObject(
    {
      ok: true,
    },
  );
  const token = new URL((await lastEmailTo(email))!.link!).searchParams.get('token')!;
  const [invitation] = await db.select().from(invitations).where(eq(invitations.email, email));
  return { email, token, owner, organizationId, invitationId: invitation!.id };
}

async function account(email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

describe('signing up from an invitation email', () => {
  it('makes a confirmed, onboarded account in the organization, signed in, with no second email', async () => {
    const { email, token, organizationId } = await invited('invited-happy');
    const visitor = new Visitor();
    expect(
      await visitor.run(joinWithNewAccountAction, { token, name: 'Ines Invited', password: TEST_PASSWORD }),
    ).toEqual({
      redirect: '/dashboard/invited-happy?notice=joined',
    });
    const session = await getSessionFromHeaders(visitor.headers());
    expect(session?.user).toMatchObject({ email, emailVerified: true, name: 'Ines Invited' });
    expect((await account(email))?.onboardedAt).toBeInstanceOf(Date);
    expect((await findAccess(session!.user.id, { id: organizationId }))?.membership.role).toBe('member');
    // The invitation was the only email.
    expect((await emailsTo(email)).map((message) => message.subject)).toHaveLength(1);
  });

  it('replaces an account someone registered first with the address, unconfirmed (decision 0014)', async () => {
    const { email, token } = await invited('invited-squatted');
    const squatter = new Visitor();
    await squatter.run(signUp, { email, password: NEW_PASSWORD });
    const squatted = await account(email);
    expect(squatted?.emailVerified).toBe(false);

    expect(
      await new Visitor().run(joinWithNewAccountAction, { token, name: 'Owner', password: TEST_PASSWORD }),
    ).toEqual({
      redirect: '/dashboard/invited-squatted?notice=joined',
    });
    const owned = await account(email);
    expect(owned?.id).not.toBe(squatted?.id);
    expect(owned?.emailVerified).toBe(true);
    expect(await new Visitor().run(signIn, { email, password: NEW_PASSWORD })).toMatchObject({ ok: false });
  });

  it('confirms nothing for an address that already has a confirmed account', async () => {
    const { email, token } = await invited('invited-existing');
    const existing = await createVerifiedUser({ email });
    expect(
      await new Visitor().run(joinWithNewAccountAction, { token, name: 'X', password: NEW_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await account(email))?.id).toBe(existing.id);
    expect(await new Visitor().run(signIn, { email, password: NEW_PASSWORD })).toMatchObject({ ok: false });
  });

  it('confirms nothing from a used token: the second sign-up is refused and the password stays', async () => {
    const { email, token } = await invited('invited-reused');
    await new Visitor().run(joinWithNewAccountAction, { token, name: 'First', password: TEST_PASSWORD });
    const first = await account(email);
    expect(
      await new Visitor().run(joinWithNewAccountAction, { token, name: 'Again', password: NEW_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This invitation was already accepted.' },
    });
    expect(await account(email)).toMatchObject({ id: first!.id, name: 'First' });
    expect(await new Visitor().run(signIn, { email, password: NEW_PASSWORD })).toMatchObject({ ok: false });
  });

  it('confirms nothing from an expired or a withdrawn invitation: no account is made', async () => {
    const expired = await invited('invited-expired');
    await db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, expired.invitationId));
    expect(
      await new Visitor().run(joinWithNewAccountAction, {
        token: expired.token,
        name: 'Late',
        password: TEST_PASSWORD,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await account(expired.email)).toBeNull();

    const revoked = await invited('invited-revoked');
    expect(
      await revoked.owner.visitor.run(revokeInvitationAction, {
        organizationId: revoked.organizationId,
        invitationId: revoked.invitationId,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await new Visitor().run(joinWithNewAccountAction, {
        token: revoked.token,
        name: 'Gone',
        password: TEST_PASSWORD,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await account(revoked.email)).toBeNull();
  });

  it('confirms nothing from a copied link: the inviter holds it, not only the mailbox', async () => {
    const { email, owner, organizationId, invitationId } = await invited('invited-copied');
    const copied = await owner.visitor.run(createInvitationLinkAction, { organizationId, invitationId });
    expect(copied).toMatchObject({ ok: true });
    const token = new URL((copied as { data: { url: string } }).data.url).searchParams.get('token')!;
    expect(
      await new Visitor().run(joinWithNewAccountAction, { token, name: 'Inviter', password: NEW_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await account(email)).toBeNull();
  });

  it('confirms no other address: an unconfirmed account of another address cannot accept', async () => {
    const { token } = await invited('invited-other');
    const other = uniqueEmail('other');
    const visitor = new Visitor();
    await visitor.run(signUp, { email: other, password: TEST_PASSWORD });
    expect(await visitor.run(acceptInvitationAction, { token })).toMatchObject({ ok: false });
    expect((await account(other))?.emailVerified).toBe(false);
  });
});
