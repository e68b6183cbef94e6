import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { deleteAccount } from '@/features/auth/server';
import { users } from '@/features/auth/server/schema';
import { findPlan } from '@/features/billing/server';
import { billingCustomers, billingSubscriptions, localGatewaySubscriptions } from '@/features/billing/server/schema';
import { createOrganization } from '@/features/organizations/server';
import { organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { createVerifiedUser } from '../../support/users';

/**
 * Deleting an account takes the user's solo organizations with it: their subscriptions are cancelled at
 * the gateway first, as deleting the organization itself does — or, if the gateway refuses, nothing goes.
 */

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const hex = () => randomBytes(6).toString('hex');

/** A subscription to pro-monthly, known to the local gateway unless `knownToGateway` is false. */
async function subscribe(organizationId: string, knownToGateway = true) {
  const { product, plan } = findPlan('pro-monthly')!;
  const providerCustomerId = `cus_local_${hex()}`;
  const providerSubscriptionId = `sub_local_${hex()}`;
  const periodStartsAt = new Date();
  const periodEndsAt = new Date(Date.now() + 30 * 86_400_000);
  if (knownToGateway) {
    await db.insert(localGatewaySubscriptions).values({
      id: providerSubscriptionId,
      customerId: providerCustomerId,
      planId: 'pro-monthly',
      status: 'active',
      seats: 1,
      periodStartsAt,
      periodEndsAt,
    });
  }
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId, provider: 'local', providerCustomerId })
    .returning();
  await db.insert(billingSubscriptions).values({
    organizationId,
    customerId: customer!.id,
    provider: 'local',
    providerSubscriptionId,
    status: 'active',
    productId: product.id,
    planId: plan.id,
    currency: plan.currency,
    periodStartsAt,
    periodEndsAt,
    providerUpdatedAt: new Date(),
  });
  return providerSubscriptionId;
}

const atGateway = async (id: string) =>
  (await db.select().from(localGatewaySubscriptions).where(eq(localGatewaySubscriptions.id, id)))[0]!;

describe('deleting an account with a paid solo organization', () => {
  it('cancels the organization’s subscription at the gateway, then deletes both', async () => {
    const owner = await createVerifiedUser();
    const solo = await createOrganization(owner.id, { name: 'Solo', slug: `solo-${hex()}` });
    const subscriptionId = await subscribe(solo.id);

    const outcome = await owner.visitor.run(deleteAccount, { password: owner.password, confirmation: owner.email });
    expect(outcome).toEqual({ redirect: '/?notice=account-deleted' });
    expect((await atGateway(subscriptionId)).status).toBe('canceled');
    expect(await db.$count(organizations, eq(organizations.id, solo.id))).toBe(0);
    expect(await db.$count(users, eq(users.id, owner.id))).toBe(0);
  });

  it('stops, deleting nothing, when the gateway refuses — and says so in the user’s language', async () => {
    const owner = await createVerifiedUser({ locale: 'en' });
    const solo = await createOrganization(owner.id, { name: 'Solo', slug: `solo-${hex()}` });
    // A subscription id the local gateway does not know: cancelling it throws.
    await subscribe(solo.id, false);

    const outcome = await owner.visitor.run(deleteAccount, { password: owner.password, confirmation: owner.email });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'BILLING_PROVIDER_FAILED',
        message:
          'We could not cancel the subscription at Keel Local; nothing was deleted. Try again or contact support.',
      },
    });
    expect(await db.$count(users, eq(users.id, owner.id))).toBe(1);
    expect(await db.$count(organizations, eq(organizations.id, solo.id))).toBe(1);
    expect(await db.$count(billingSubscriptions, eq(billingSubscriptions.organizationId, solo.id))).toBe(1);
  });
});
