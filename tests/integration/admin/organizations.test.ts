import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adminOrganizationQuery } from '@/features/admin';
import {
  adminOrganizationDetail,
  deleteOrganizationAction,
  grantPlanAction,
  listOrganizations,
  transferOrganizationAction,
} from '@/features/admin/server';
import { ORGANIZATION_AUDIT_ACTIONS, type AuditAction } from '@/features/audit';
import { listOrganizationAuditEvents } from '@/features/audit/server';
import { auditEvents } from '@/features/audit/server/schema';
import { auditQuery } from '@/features/audit';
import { findPlan, hasFeature, getLimit, organizationPlan } from '@/features/billing/server';
import {
  billingCustomers,
  billingPlanGrants,
  billingSubscriptions,
  localGatewaySubscriptions,
} from '@/features/billing/server/schema';
import { organizations } from '@/features/organizations/server/schema';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';
import { makeAdmin } from '../../support/admin';
import { expectFieldRefusal, expectRefusal, insertUser, makeOrganization, rolesIn } from '../../support/organizations';
import { createVerifiedUser } from '../../support/users';

/**
 * Organizations in the super-admin area (docs/admin/organizations.md): the list on the data loader, the detail
 * page's data, and deleting, transferring and granting a plan — each through the organizations or billing feature's
 * own rules, each audited in its transaction.
 */

const hex = () => randomBytes(6).toString('hex');

/** The organization subscribed to `planId` at the local gateway (`knownToGateway: false`: cancelling it fails). */
async function subscribe(organizationId: string, planId: string, knownToGateway = true) {
  const { product, plan } = findPlan(planId)!;
  const providerCustomerId = `cus_local_${hex()}`;
  const providerSubscriptionId = `sub_local_${hex()}`;
  const periodStartsAt = new Date();
  const periodEndsAt = new Date(Date.now() + 30 * 86_400_000);
  if (knownToGateway)
    await db.insert(localGatewaySubscriptions).values({
      id: providerSubscriptionId,
      customerId: providerCustomerId,
      planId,
      status: 'active',
      seats: 1,
      periodStartsAt,
      periodEndsAt,
    });
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
    planId,
    currency: plan.currency,
    periodStartsAt,
    periodEndsAt,
    providerUpdatedAt: new Date(),
  });
  return { providerSubscriptionId };
}

async function auditRows(action: AuditAction, organizationId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.organizationId, organizationId)));
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the organizations list', () => {
  it('searches by name or slug, filters by plan and subscription status, sorts and pages', async () => {
    const marker = `zq${hex()}`;
    const owner = await insertUser();
    const free = await makeOrganization([[owner, 'owner']], { name: `Beta ${marker}`, slug: `${marker}-free` });
    const paying = await makeOrganization([[owner, 'owner']], { name: `Alpha ${marker}` });
    await subscribe(paying.id, 'pro-monthly');
    const granted = await makeOrganization([[owner, 'owner']], { name: `Gamma ${marker}` });
    await db.insert(billingPlanGrants).values({
      organizationId: granted.id,
      productId: 'enterprise',
      endsAt: new Date(Date.now() + 86_400_000),
      reason: 'Partner agreement',
    });

    const search = (extra: Partial<typeof adminOrganizationQuery.defaults>) =>
      listOrganizations({ ...adminOrganizationQuery.defaults, search: marker, ...extra });
    const all = await search({});
    expect(all.rows.map((row) => row.id).sort()).toEqual([free.id, paying.id, granted.id].sort());
    expect(all.rows.find((row) => row.id === paying.id)).toMatchObject({
      productId: 'pro',
      subscriptionStatus: 'active',
      members: 1,
    });
    expect(all.rows.find((row) => row.id === granted.id)).toMatchObject({ productId: 'enterprise' });
    // By slug too.
    expect((await listOrganizations({ ...adminOrganizationQuery.defaults, search: `${marker}-free` })).rows).toEqual([
      expect.objectContaining({ id: free.id, productId: 'free', subscriptionStatus: null }),
    ]);

    expect((await search({ filters: { plan: { in: ['pro'] } } })).rows.map((row) => row.id)).toEqual([paying.id]);
    expect((await search({ filters: { plan: { in: ['enterprise'] } } })).rows.map((row) => row.id)).toEqual([
      granted.id,
    ]);
    expect((await search({ filters: { subscription: { in: ['active'] } } })).rows.map((row) => row.id)).toEqual([
      paying.id,
    ]);
    expect((await search({ filters: { subscription: { in: ['none'] } } })).rows.map((row) => row.id).sort()).toEqual(
      [free.id, granted.id].sort(),
    );

    const byName = await search({ sort: { column: 'name', direction: 'asc' } });
    expect(byName.rows.map((row) => row.id)).toEqual([paying.id, free.id, granted.id]);
    const pageTwo = await search({ sort: { column: 'name', direction: 'asc' }, pageSize: 25, page: 1 });
    expect(pageTwo.total).toBe(3);
  });

  it('reads the filters from the URL as the page does', () => {
    const parsed = adminOrganizationQuery.schema.safeParse({ q: 'acme', plan: 'pro', subscription: 'past_due' });
    expect(parsed.success && parsed.data).toMatchObject({
      search: 'acme',
      filters: { plan: { in: ['pro'] }, subscription: { in: ['past_due'] } },
    });
    expect(adminOrganizationQuery.schema.safeParse({ subscription: 'bogus' }).success).toBe(false);
  });
});

describe('the organization detail', () => {
  it('shows members with roles, open invitations, the subscription with its provider, and usage against limits', async () => {
    const owner = await insertUser({ name: 'Olive Owner' });
    const member = await insertUser({ name: 'Max Member' });
    const organization = await makeOrganization([
      [owner, 'owner'],
      [member, 'member'],
    ]);
    const detail = await adminOrganizationDetail(organization.id);
    expect(detail).toMatchObject({
      organization: { id: organization.id, slug: organization.slug },
      members: [
        expect.objectContaining({ userId: owner.id, role: 'owner', name: 'Olive Owner' }),
        expect.objectContaining({ userId: member.id, role: 'member' }),
      ],
      invitations: [],
      product: { id: 'free' },
      subscription: null,
      usage: [
        { limit: 'members', used: 2, max: 3 },
        { limit: 'tasks', used: 0, max: 100 },
      ],
    });

    const { providerSubscriptionId } = await subscribe(organization.id, 'pro-monthly');
    const paid = await adminOrganizationDetail(organization.id);
    expect(paid).toMatchObject({
      product: { id: 'pro' },
      subscription: { provider: 'local', providerSubscriptionId, status: 'active', planId: 'pro-monthly' },
      usage: [
        { limit: 'members', used: 2, max: null },
        { limit: 'tasks', used: 0, max: null },
      ],
    });
    expect(await adminOrganizationDetail('not-a-uuid')).toBeNull();
  });
});

describe('deleting an organization', () => {
  it('asks for the slug, deletes it with its subscription ended at the provider, and records who did it', async () => {
    const admin = await makeAdmin();
    const owner = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const { providerSubscriptionId } = await subscribe(organization.id, 'pro-monthly');

    expectFieldRefusal(
      await admin.visitor.run(deleteOrganizationAction, { organizationId: organization.id, confirmation: 'wrong' }),
      'VALIDATION_FAILED',
      'confirmation',
      { key: 'admin.organizations.deleteConfirmation' },
    );
    expect(await db.$count(organizations, eq(organizations.id, organization.id))).toBe(1);

    expect(
      await admin.visitor.run(deleteOrganizationAction, {
        organizationId: organization.id,
        confirmation: organization.slug.toUpperCase(),
      }),
    ).toEqual({ ok: true, data: { name: organization.name, slug: organization.slug } });
    expect(await db.$count(organizations, eq(organizations.id, organization.id))).toBe(0);
    const [atGateway] = await db
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.id, providerSubscriptionId));
    expect(atGateway!.status).toBe('canceled');
    expect(await auditRows('admin.organizationDeleted', organization.id)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        targetType: 'organization',
        targetId: organization.id,
        details: { name: organization.name, slug: organization.slug },
      }),
    ]);
  });

  it('is stopped by a live subscription the provider will not cancel, naming the provider; nothing deleted', async () => {
    const admin = await makeAdmin();
    const owner = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'pro-monthly', false);
    expectRefusal(
      await admin.visitor.run(deleteOrganizationAction, {
        organizationId: organization.id,
        confirmation: organization.slug,
      }),
      'BILLING_PROVIDER_FAILED',
      { key: 'planLimits.cancelFailed', values: { provider: 'Keel Local' } },
    );
    expect(await db.$count(organizations, eq(organizations.id, organization.id))).toBe(1);
    expect(await auditRows('admin.organizationDeleted', organization.id)).toEqual([]);
  });
});

describe('transferring ownership', () => {
  it('makes a member the only owner, the former owners admins, audited and shown to the organization', async () => {
    const admin = await makeAdmin();
    const owner = await createVerifiedUser();
    const coOwner = await insertUser();
    const member = await insertUser();
    const organization = await makeOrganization([
      [owner, 'owner'],
      [coOwner, 'owner'],
      [member, 'member'],
    ]);
    expect(
      await admin.visitor.run(transferOrganizationAction, {
        organizationId: organization.id,
        memberId: organization.memberIds[member.id]!,
      }),
    ).toEqual({ ok: true, data: { userId: member.id, formerOwners: 2 } });
    expect(await rolesIn(organization.id)).toEqual({
      [member.id]: 'owner',
      [owner.id]: 'admin',
      [coOwner.id]: 'admin',
    });
    expect(await auditRows('admin.ownershipTransferred', organization.id)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        targetType: 'user',
        targetId: member.id,
        details: { formerOwners: 2 },
      }),
    ]);
    // The organization's owners and admins read it in their own log (row-level security lets it through).
    const theirs = await listOrganizationAuditEvents(
      { userId: owner.id, organizationId: organization.id },
      auditQuery.defaults,
    );
    expect(theirs.rows.map((row) => row.action)).toContain('admin.ownershipTransferred');
    expect(ORGANIZATION_AUDIT_ACTIONS).toContain('admin.ownershipTransferred');

    // Again to the same member: already the only owner.
    expectFieldRefusal(
      await admin.visitor.run(transferOrganizationAction, {
        organizationId: organization.id,
        memberId: organization.memberIds[member.id]!,
      }),
      'CONFLICT',
      'memberId',
      { key: 'admin.organizations.alreadyOwner' },
    );
  });

  it('refuses a member of another organization', async () => {
    const admin = await makeAdmin();
    const owner = await insertUser();
    const stranger = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const other = await makeOrganization([[stranger, 'owner']]);
    expect(
      await admin.visitor.run(transferOrganizationAction, {
        organizationId: organization.id,
        memberId: other.memberIds[stranger.id]!,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await rolesIn(organization.id)).toEqual({ [owner.id]: 'owner' });
  });
});

describe('granting a plan', () => {
  it('is honoured by gating until its last day, then ends on its own; audited with the reason', async () => {
    const admin = await makeAdmin();
    const owner = await createVerifiedUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const scope = { userId: owner.id, organizationId: organization.id };
    expect(hasFeature(await organizationPlan(scope), 'priority-support')).toBe(false);

    const granted = await admin.visitor.run(grantPlanAction, {
      organizationId: organization.id,
      productId: 'pro',
      until: day(30),
      reason: 'Partner agreement with Acme',
    });
    expect(granted).toMatchObject({ ok: true });
    // Read as the owner, under row-level security: the tenant role reads the grant.
    const plan = await organizationPlan(scope);
    expect(plan).toMatchObject({ product: { id: 'pro' }, subscription: null, grant: { productId: 'pro' } });
    expect(hasFeature(plan, 'priority-support')).toBe(true);
    expect(getLimit(plan, 'members')).toBeNull();

    const [grant] = await db
      .select()
      .from(billingPlanGrants)
      .where(eq(billingPlanGrants.organizationId, organization.id));
    expect(grant).toMatchObject({ reason: 'Partner agreement with Acme', grantedById: admin.id });
    expect(grant!.endsAt.toISOString()).toBe(`${day(31)}T00:00:00.000Z`);
    expect(await auditRows('admin.planGranted', organization.id)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        targetType: 'organization',
        details: { plan: 'pro', until: day(30), reason: 'Partner agreement with Acme' },
      }),
    ]);
    const theirs = await listOrganizationAuditEvents(scope, auditQuery.defaults);
    expect(theirs.rows.map((row) => row.action)).toContain('admin.planGranted');

    // Its time passes: the free product again, with nothing run to take it away.
    await db
      .update(billingPlanGrants)
      .set({ startsAt: new Date(Date.now() - 2 * 86_400_000), endsAt: new Date(Date.now() - 1000) })
      .where(eq(billingPlanGrants.id, grant!.id));
    const after = await organizationPlan(scope);
    expect(after).toMatchObject({ product: { id: 'free' }, grant: null });
    expect(getLimit(after, 'members')).toBe(3);
  });

  it('gives way to a subscription while one entitles the organization', async () => {
    const admin = await makeAdmin();
    const owner = await createVerifiedUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'pro-monthly');
    expect(
      await admin.visitor.run(grantPlanAction, {
        organizationId: organization.id,
        productId: 'enterprise',
        until: day(10),
        reason: 'Extended trial of enterprise',
      }),
    ).toMatchObject({ ok: true });
    expect(await organizationPlan({ userId: owner.id, organizationId: organization.id })).toMatchObject({
      product: { id: 'pro' },
      grant: null,
    });
  });

  it('requires a reason of at least ten characters, a product to grant and a day ahead, in the admin’s language', async () => {
    const admin = await makeAdmin();
    const owner = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const input = { organizationId: organization.id, productId: 'pro', until: day(5), reason: 'Partner agreement' };
    expectFieldRefusal(
      await admin.visitor.run(grantPlanAction, { ...input, reason: 'Nice' }),
      'VALIDATION_FAILED',
      'reason',
      {
        key: 'validation.tooShort',
        values: { minimum: 10 },
      },
    );
    // The same in Spanish, for an admin who reads it.
    admin.visitor.cookies.set('NEXT_LOCALE', 'es');
    expectFieldRefusal(
      await admin.visitor.run(grantPlanAction, { ...input, reason: '' }),
      'VALIDATION_FAILED',
      'reason',
      {
        key: 'validation.tooShort',
        values: { minimum: 10 },
        locale: 'es',
      },
    );
    admin.visitor.cookies.delete('NEXT_LOCALE');
    expectFieldRefusal(
      await admin.visitor.run(grantPlanAction, { ...input, until: '2020-01-01' }),
      'VALIDATION_FAILED',
      'until',
      { key: 'validation.notInPast' },
    );
    expectFieldRefusal(
      await admin.visitor.run(grantPlanAction, { ...input, productId: 'free' }),
      'VALIDATION_FAILED',
      'productId',
      {
        key: 'validation.invalidOption',
      },
    );
    expect(await db.$count(billingPlanGrants, eq(billingPlanGrants.organizationId, organization.id))).toBe(0);
    expect(await auditRows('admin.planGranted', organization.id)).toEqual([]);
  });
});

describe('plan grants under row-level security', () => {
  it('are read by members of their own organization only, without the reason; the tenant role writes none', async () => {
    const owner = await insertUser();
    const outsider = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const other = await makeOrganization([[outsider, 'owner']]);
    await db.insert(billingPlanGrants).values({
      organizationId: organization.id,
      productId: 'pro',
      endsAt: new Date(Date.now() + 86_400_000),
      reason: 'Support gesture after an outage',
    });
    const visible = (userId: string, organizationId: string) =>
      withTenant({ userId, organizationId }, (tx) =>
        tx.select({ id: billingPlanGrants.id, productId: billingPlanGrants.productId }).from(billingPlanGrants),
      );
    expect(await visible(owner.id, organization.id)).toEqual([expect.objectContaining({ productId: 'pro' })]);
    expect(await visible(outsider.id, other.id)).toEqual([]);
    await expect(
      withTenant({ userId: owner.id, organizationId: organization.id }, (tx) =>
        tx.select({ reason: billingPlanGrants.reason }).from(billingPlanGrants),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(
      withTenant({ userId: owner.id, organizationId: organization.id }, (tx) =>
        tx.insert(billingPlanGrants).values({
          organizationId: organization.id,
          productId: 'enterprise',
          endsAt: new Date(Date.now() + 86_400_000),
          reason: 'Granting myself a plan',
        }),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
    const { rows } = await db.execute<{ granted: boolean }>(
      sql`select has_table_privilege('public', 'billing_plan_grants', 'select') as granted`,
    );
    expect(rows).toEqual([{ granted: false }]);
  });
});
