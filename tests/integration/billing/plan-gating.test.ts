import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { meetsPlan, organizationOnPlan, organizationPlan } from '@/features/billing/server';
import { billingCustomers, billingSubscriptions } from '@/features/billing/server/schema';
import { roleNames } from '@/features/organizations/server';
import { db } from '@/platform/db/client';
import { defineAction } from '@/platform/http/action';
import { defineRoute } from '@/platform/http/route';
import { expectRefusal, makeOrganization, type TestOrganization } from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';

/**
 * requirePlan / requireFeature as guards of actions and routes, and meetsPlan for pages, for every role:
 * on the free plan each role is refused with the translated upgrade message, on Pro each gets through;
 * a guard that also asks for billing.manage refuses the member whatever the plan.
 */

const ROLES = roleNames();
let actors: Record<string, TestUser>;
let outsider: TestUser;
let free: TestOrganization;
let pro: TestOrganization;

async function subscribeToPro(organizationId: string) {
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId, provider: 'local', providerCustomerId: `cus_${randomUUID()}` })
    .returning();
  await db.insert(billingSubscriptions).values({
    organizationId,
    customerId: customer!.id,
    provider: 'local',
    providerSubscriptionId: `sub_${randomUUID()}`,
    status: 'active',
    productId: 'pro',
    planId: 'pro-monthly',
    currency: 'usd',
    periodStartsAt: new Date(),
    periodEndsAt: new Date(Date.now() + 30 * 86_400_000),
    providerUpdatedAt: new Date(),
  });
}

beforeAll(async () => {
  const users = await Promise.all(
    [...ROLES, 'outsider'].map((role) =>
      createVerifiedUser({ name: `Gated ${role}`, locale: role === 'member' ? 'es' : 'en' }),
    ),
  );
  actors = Object.fromEntries(ROLES.map((role, index) => [role, users[index]!]));
  outsider = users.at(-1)!;
  const people = ROLES.map((role) => [actors[role]!, role] as [TestUser, string]);
  [free, pro] = await Promise.all([makeOrganization(people), makeOrganization(people)]);
  await subscribeToPro(pro.id);
});

const localeOf = (role: string) => (role === 'member' ? 'es' : 'en');
const input = z.object({ organizationId: z.uuid() });

const paidAction = defineAction({
  name: 'test.paid',
  input,
  guards: [organizationOnPlan({ paid: true })],
  handler: async (_input, { plan }) => plan.product.id,
});

const supportAction = defineAction({
  name: 'test.support',
  input,
  guards: [organizationOnPlan({ feature: 'priority-support' }, { permission: 'billing.manage' })],
  handler: async (_input, { plan }) => plan.product.id,
});

const proRoute = defineRoute({
  guards: [organizationOnPlan({ products: ['pro'] })],
  handler: async (_input, { plan }) => ({ product: plan.product.id }),
});

describe('an action guarded by a paid plan', () => {
  it.each(ROLES)('refuses the %s on the free plan with the upgrade message in their language', async (role) => {
    const outcome = await actors[role]!.visitor.run(paidAction, { organizationId: free.id });
    expectRefusal(outcome, 'PLAN_UPGRADE_REQUIRED', { key: 'planLimits.plan', locale: localeOf(role) });
    expect(outcome).toMatchObject({ error: { status: 402 } });
  });

  it.each(ROLES)('lets the %s through on Pro', async (role) => {
    expect(await actors[role]!.visitor.run(paidAction, { organizationId: pro.id })).toEqual({ ok: true, data: 'pro' });
  });

  it('answers someone outside the organization as if it did not exist', async () => {
    expectRefusal(await outsider.visitor.run(paidAction, { organizationId: pro.id }), 'NOT_FOUND', {
      key: 'NOT_FOUND',
    });
  });
});

describe('an action guarded by an entitlement and billing.manage', () => {
  it('lets owners and admins through on Pro, and refuses them on free with the feature message', async () => {
    for (const role of ['owner', 'admin']) {
      expect(await actors[role]!.visitor.run(supportAction, { organizationId: pro.id })).toEqual({
        ok: true,
        data: 'pro',
      });
      expectRefusal(
        await actors[role]!.visitor.run(supportAction, { organizationId: free.id }),
        'PLAN_UPGRADE_REQUIRED',
        {
          key: 'planLimits.feature',
        },
      );
    }
  });

  it('refuses the member for the permission, whatever the plan', async () => {
    for (const organization of [free, pro]) {
      expectRefusal(await actors.member!.visitor.run(supportAction, { organizationId: organization.id }), 'FORBIDDEN', {
        key: 'organizations.forbidden',
        locale: 'es',
      });
    }
  });
});

describe('a route guarded by a product', () => {
  const get = (user: TestUser, organization: TestOrganization) =>
    proRoute(new Request(`http://localhost:3000/api/test/${organization.slug}`, { headers: user.visitor.headers() }), {
      params: Promise.resolve({ organization: organization.slug }),
    });

  it.each(ROLES)('answers the %s 402 with the translated error envelope on free, 200 on Pro', async (role) => {
    const refused = await get(actors[role]!, free);
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ error: { code: 'PLAN_UPGRADE_REQUIRED' } });
    const allowed = await get(actors[role]!, pro);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ product: 'pro' });
  });
});

describe('a page gated by meetsPlan', () => {
  it.each(ROLES)('reads the same plan for the %s (row-level security lets every member read it)', async (role) => {
    const scope = (organization: TestOrganization) => ({ userId: actors[role]!.id, organizationId: organization.id });
    expect(meetsPlan(await organizationPlan(scope(free)), { paid: true })).toBe(false);
    expect(meetsPlan(await organizationPlan(scope(pro)), { paid: true })).toBe(true);
    expect(meetsPlan(await organizationPlan(scope(pro)), { products: ['team-2025'] })).toBe(false);
  });

  it('refuses reading the plan to someone outside the organization', async () => {
    await expect(organizationPlan({ userId: outsider.id, organizationId: pro.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
