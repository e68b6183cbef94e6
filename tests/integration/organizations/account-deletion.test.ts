import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/features/auth/server/schema';
import { deleteAccount } from '@/features/auth/server';
import { createOrganization, soleOwnedOrganizations } from '@/features/organizations/server';
import { members, organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { createVerifiedUser } from '../../support/users';

describe('deleting an account that owns organizations', () => {
  it('is refused while the user is the only owner of an organization with other members, and deletes nothing', async () => {
    const owner = await createVerifiedUser({ locale: 'es' });
    const teammate = await createVerifiedUser();
    const acme = await createOrganization(owner.id, { name: 'Acme', slug: 'acme-deletion' });
    await db.insert(members).values({ organizationId: acme.id, userId: teammate.id, role: 'admin' });
    expect(await soleOwnedOrganizations(owner.id)).toEqual([{ id: acme.id, name: 'Acme', slug: 'acme-deletion' }]);

    const outcome = await owner.visitor.run(deleteAccount, { password: owner.password, confirmation: owner.email });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('único propietario') },
    });
    expect(await db.select().from(users).where(eq(users.id, owner.id))).toHaveLength(1);
    expect(await db.select().from(members).where(eq(members.organizationId, acme.id))).toHaveLength(2);
  });

  it('goes ahead once someone else is an owner too', async () => {
    const owner = await createVerifiedUser();
    const teammate = await createVerifiedUser();
    const acme = await createOrganization(owner.id, { name: 'Acme', slug: 'acme-co-owned' });
    await db.insert(members).values({ organizationId: acme.id, userId: teammate.id, role: 'owner' });
    expect(await soleOwnedOrganizations(owner.id)).toEqual([]);

    const outcome = await owner.visitor.run(deleteAccount, { password: owner.password, confirmation: owner.email });
    expect(outcome).toEqual({ redirect: '/?notice=account-deleted' });
    expect(await db.select().from(members).where(eq(members.organizationId, acme.id))).toEqual([
      expect.objectContaining({ userId: teammate.id, role: 'owner' }),
    ]);
  });

  it('takes with it the organizations where the user was the only member', async () => {
    const owner = await createVerifiedUser();
    const solo = await createOrganization(owner.id, { name: 'Solo', slug: 'solo-deletion' });
    const outcome = await owner.visitor.run(deleteAccount, { password: owner.password, confirmation: owner.email });
    expect(outcome).toEqual({ redirect: '/?notice=account-deleted' });
    expect(await db.select().from(organizations).where(eq(organizations.id, solo.id))).toEqual([]);
  });
});
