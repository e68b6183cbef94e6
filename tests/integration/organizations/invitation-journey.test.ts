import { describe, expect, it } from 'vitest';
import {
  completeOnboarding,
  requestMagicLink,
  signIn,
  signOut,
  signUp,
  verifyMagicLink,
  getSessionFromHeaders,
} from '@/features/auth/server';
import {
  acceptInvitationAction,
  createOrganizationAction,
  inviteMembersAction,
} from '@/features/organizations/server/actions';
import { findAccess } from '@/features/organizations/server';
import { TEST_PASSWORD, confirmFromEmail, createVerifiedUser } from '../../support/users';
import { Visitor, lastEmailTo, uniqueEmail } from '../../support/visitor';

/** An organization with an invitation out to a new address; returns the /join path its email links to. */
async function invitationTo(email: string, slug: string) {
  const owner = await createVerifiedUser();
  expect(await owner.visitor.run(createOrganizationAction, { name: 'Journey', slug })).toEqual({
    redirect: `/dashboard/${slug}`,
  });
  const access = await findAccess(owner.id, { slug });
  expect(
    await owner.visitor.run(inviteMembersAction, {
      organizationId: access!.organization.id,
      emails: email,
      role: 'admin',
    }),
  ).toMatchObject({ ok: true });
  const link = new URL((await lastEmailTo(email))!.link!);
  expect(link.pathname).toBe('/join');
  return {
    join: `${link.pathname}${link.search}`,
    token: link.searchParams.get('token')!,
    organizationId: access!.organization.id,
  };
}

/**
 * Someone invited by email who has no account yet: the /join page sends them
 * to sign up with next=/join?token=…; that destination must survive the
 * confirmation email, its page and onboarding, so they land back on the
 * invitation and accept it there.
 */
describe('the invitation link through sign-up', () => {
  it('sign-up → confirmation email → confirm page → onboarding → back to /join → accept → the organization', async () => {
    const email = uniqueEmail('invited');
    const { join, token, organizationId } = await invitationTo(email, 'journey-password');
    const visitor = new Visitor();

    const signedUp = await visitor.run(signUp, { email, password: TEST_PASSWORD, next: join });
    expect(signedUp).toEqual({
      redirect: `/auth/verify-email?email=${encodeURIComponent(email)}&next=${encodeURIComponent(join)}`,
    });

    // The confirmation email's link carries the destination to the confirm page.
    const confirmed = await confirmFromEmail(visitor, email, TEST_PASSWORD);
    expect(confirmed).toEqual({ redirect: `/onboarding?next=${encodeURIComponent(join)}` });

    expect(await visitor.run(completeOnboarding, { name: 'Invited Person', next: join })).toEqual({ redirect: join });

    expect(await visitor.run(acceptInvitationAction, { token })).toEqual({ redirect: '/dashboard/journey-password' });
    const session = await getSessionFromHeaders(visitor.headers());
    expect((await findAccess(session!.user.id, { id: organizationId }))?.membership.role).toBe('admin');
  });

  it('with an emailed sign-in link instead of a password, the destination survives onboarding too', async () => {
    const email = uniqueEmail('invited-link');
    const { join, token } = await invitationTo(email, 'journey-link');

    expect(await new Visitor().run(requestMagicLink, { email, next: join })).toEqual({ ok: true, data: { email } });
    const link = new URL((await lastEmailTo(email))!.link!);
    expect(link.searchParams.get('next')).toBe(join);

    const visitor = new Visitor();
    const verified = await visitor.run(verifyMagicLink, {
      token: link.searchParams.get('token')!,
      next: link.searchParams.get('next')!,
    });
    expect(verified).toEqual({ redirect: `/onboarding?next=${encodeURIComponent(join)}` });
    expect(await visitor.run(completeOnboarding, { name: 'Linked Person', next: join })).toEqual({ redirect: join });
    expect(await visitor.run(acceptInvitationAction, { token })).toEqual({ redirect: '/dashboard/journey-link' });
  });

  it('signed in with another address: signing out comes back to the invitation, and only the invited address may accept', async () => {
    const email = uniqueEmail('invited-other');
    const { join, token } = await invitationTo(email, 'journey-other');
    const someoneElse = await createVerifiedUser();

    expect(await someoneElse.visitor.run(acceptInvitationAction, { token })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await someoneElse.visitor.run(signOut, { next: join })).toEqual({ redirect: join });

    // An existing account of the invited address signs in with next=/join… and accepts there.
    const invited = await createVerifiedUser({ email });
    const visitor = new Visitor();
    expect(await visitor.run(signIn, { email: invited.email, password: invited.password, next: join })).toEqual({
      redirect: join,
    });
    expect(await visitor.run(acceptInvitationAction, { token })).toEqual({ redirect: '/dashboard/journey-other' });
  });
});
