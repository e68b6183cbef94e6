import 'server-only';
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '@/features/audit/server';
import { ENTITLING_STATUSES } from '@/features/billing';
import {
  findProduct,
  getLimit,
  getOrganizationSubscription,
  grantableProducts,
  grantPlan,
  listPlanGrants,
  providerDashboardUrl,
} from '@/features/billing/server';
import { billingPlanGrants, billingSubscriptions } from '@/features/billing/server/schema';
import {
  deleteLogoFile,
  deleteOrganizationAsOperator,
  readOrganizationForOperator,
  transferOwnershipAsOperator,
} from '@/features/organizations/server';
import { invitations, members, organizations } from '@/features/organizations/server/schema';
import { tasks } from '@/features/tasks/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { BILLING_LIMITS, type BillingLimit } from '@/platform/config/constants';
import { db, type Transaction } from '@/platform/db/client';
import { defineDataLoader, type LoadedPage } from '@/platform/db/data-loader';
import { isUuid } from '@/platform/db/uuid';
import { AppError } from '@/platform/http/errors';
import type { AdminOrganizationQuery } from '../organization-query';
import { adminOrganizationQuery } from '../organization-query';

/*
 * The organizations part of the super-admin area (docs/admin/organizations.md): the list, the detail page's data
 * and the actions — each change through the organizations or billing feature's own code, with its audit row in the
 * same transaction. Callers are super admins: the pages and actions check.
 */

/** An organization as the admin list shows it. */
export interface AdminOrganizationRow {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  members: number;
  /** The product it is on now, as gating decides: its subscription's, a plan grant's, or the free one. */
  productId: string;
  /** The status of its latest subscription (an entitling one first); null when it never had one. */
  subscriptionStatus: string | null;
}

const entitling = sql.join(
  ENTITLING_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/** The listed organization's id, qualified: inside the subqueries below a bare "id" would name their own rows'. */
const organizationId = sql`${organizations}.${sql.identifier('id')}`;

/** The product gating gives the organization now (src/features/billing/server/gating.ts), as one SQL expression. */
const currentProduct = sql<string>`coalesce(
  (select s.product_id from ${billingSubscriptions} s
    where s.organization_id = ${organizationId} and s.status in (${entitling})
    order by s.period_ends_at desc limit 1),
  (select g.product_id from ${billingPlanGrants} g
    where g.organization_id = ${organizationId} and g.starts_at <= now() and g.ends_at > now()
    order by g.ends_at desc limit 1),
  ${appConfig.billing.products.find((product) => product.free)!.id})`;

const latestStatus = sql<string | null>`(select s.status::text from ${billingSubscriptions} s
  where s.organization_id = ${organizationId}
  order by (s.status in (${entitling})) desc, s.created_at desc limit 1)`;

const memberCount = sql<number>`(select count(*)::int from ${members} m where m.organization_id = ${organizationId})`;

const organizationPages = defineDataLoader<
  AdminOrganizationRow,
  'createdAt' | 'name' | 'slug',
  typeof adminOrganizationQuery.spec.filters
>(adminOrganizationQuery, {
  table: organizations,
  fields: {
    id: organizations.id,
    name: organizations.name,
    slug: organizations.slug,
    createdAt: organizations.createdAt,
    members: memberCount,
    productId: currentProduct,
    subscriptionStatus: latestStatus,
  },
  sorts: { createdAt: organizations.createdAt, name: organizations.name, slug: organizations.slug },
  tiebreaker: organizations.id,
  // Both filters are conditions on subqueries, not columns: built below and taken out of the query handed over.
  filters: { plan: organizations.id, subscription: organizations.id },
  search: [organizations.name, organizations.slug],
});

/** The catalogue's plans (products an organization is on: the free one too), for the list's plan filter. */
export function catalogueProducts() {
  return appConfig.billing.products.filter((product) => product.type === 'plan');
}

/** A page of every organization, searched by name or slug, filtered by plan and subscription status. */
export async function listOrganizations(query: AdminOrganizationQuery): Promise<LoadedPage<AdminOrganizationRow>> {
  const plans = query.filters.plan?.in ?? [];
  const states = query.filters.subscription?.in ?? [];
  const conditions: SQL[] = [];
  if (plans.length > 0)
    conditions.push(
      sql`${currentProduct} in (${sql.join(
        plans.map((plan) => sql`${plan}`),
        sql`, `,
      )})`,
    );
  if (states.length > 0) {
    const either = states.map((state) =>
      state === 'none' ? sql`${latestStatus} is null` : sql`${latestStatus} = ${state}`,
    );
    conditions.push(sql`(${sql.join(either, sql` or `)})`);
  }
  return organizationPages.load(
    db,
    { ...query, filters: {} },
    { where: conditions.length > 0 ? and(...conditions) : undefined },
  );
}

/** How the limits of BILLING_LIMITS are counted, as gating counts them when something is added. */
const counters: Record<BillingLimit, (tx: Transaction, organizationId: string) => Promise<number>> = {
  // Members and open invitations: an invitation holds its seat (src/features/organizations/server/invitations.ts).
  members: async (tx, organizationId) =>
    (await tx.$count(members, eq(members.organizationId, organizationId))) +
    (await tx.$count(
      invitations,
      and(
        eq(invitations.organizationId, organizationId),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, new Date()),
      ),
    )),
  tasks: (tx, organizationId) => tx.$count(tasks, eq(tasks.organizationId, organizationId)),
};

/** Everything the admin detail page shows about an organization, or null when there is none. */
export async function adminOrganizationDetail(organizationId: string) {
  const found = await readOrganizationForOperator(organizationId);
  if (!found) return null;
  const { current, latest, usage } = await db.transaction(async (tx) => {
    const plan = await getOrganizationSubscription(tx, organizationId);
    const [subscription] = await tx
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organizationId))
      .orderBy(
        sql`(${billingSubscriptions.status} in (${entitling})) desc`,
        sql`${billingSubscriptions.createdAt} desc`,
      )
      .limit(1);
    const used = await Promise.all(
      BILLING_LIMITS.map(async (limit) => ({
        limit,
        used: await counters[limit](tx, organizationId),
        max: getLimit(plan, limit),
      })),
    );
    return { current: plan, latest: subscription ?? null, usage: used };
  });
  const grants = await listPlanGrants(organizationId);
  return {
    ...found,
    product: { id: current.product.id, nameKey: current.product.nameKey, free: current.product.free },
    grant: current.grant,
    subscription: latest
      ? {
          id: latest.id,
          provider: latest.provider,
          providerSubscriptionId: latest.providerSubscriptionId,
          dashboardUrl: providerDashboardUrl(latest.provider, latest.providerSubscriptionId),
          productId: latest.productId,
          planId: latest.planId,
          status: latest.status,
          periodEndsAt: latest.periodEndsAt,
          trialEndsAt: latest.trialEndsAt,
          cancelAtPeriodEnd: latest.cancelAtPeriodEnd,
        }
      : null,
    usage,
    grants,
    grantable: grantableProducts().map((product) => ({ id: product.id, nameKey: product.nameKey })),
  };
}

export type AdminOrganizationDetail = NonNullable<Awaited<ReturnType<typeof adminOrganizationDetail>>>;

interface AdminActor {
  id: string;
}

/**
 * Deletes the organization as an owner's deletion does (billing ends its subscription at the provider first; a
 * refusal there stops it with the provider's name), once the admin typed its slug, with `admin.organizationDeleted`
 * in the same transaction. The logo file goes after the commit.
 */
export async function deleteOrganizationAsAdmin(
  actor: AdminActor,
  input: { organizationId: string; confirmation: string },
): Promise<{ name: string; slug: string }> {
  const deleted = await db.transaction((tx) =>
    deleteOrganizationAsOperator(tx, input.organizationId, input.confirmation, (organization) => ({
      action: 'admin.organizationDeleted',
      actorUserId: actor.id,
      target: { type: 'organization', id: organization.id },
      organizationId: organization.id,
      details: { name: organization.name, slug: organization.slug },
    })),
  );
  await deleteLogoFile(deleted.logo);
  return { name: deleted.name, slug: deleted.slug };
}

/** Makes a member the owner (every other owner steps down a role), with `admin.ownershipTransferred`. */
export async function transferOwnershipAsAdmin(
  actor: AdminActor,
  input: { organizationId: string; memberId: string },
): Promise<{ userId: string; formerOwners: number }> {
  return db.transaction(async (tx) => {
    const { target, formerOwners } = await transferOwnershipAsOperator(tx, input.organizationId, input.memberId);
    await recordAuditEvent(tx, {
      action: 'admin.ownershipTransferred',
      actorUserId: actor.id,
      target: { type: 'user', id: target.userId },
      organizationId: input.organizationId,
      details: { formerOwners },
    });
    return { userId: target.userId, formerOwners };
  });
}

/**
 * Gives the organization a product until the end of `until` (a day, UTC), for a reason, with `admin.planGranted`
 * (which its owners and admins read, reason included). Gating honours it while no subscription entitles the
 * organization, and it ends on its own (decision 0065).
 */
export async function grantPlanAsAdmin(
  actor: AdminActor,
  input: { organizationId: string; productId: string; until: string; reason: string },
): Promise<{ grantId: string; endsAt: Date }> {
  const endsAt = new Date(Date.parse(`${input.until}T00:00:00Z`) + 24 * 60 * 60 * 1000);
  if (!isUuid(input.organizationId)) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [organization] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .for('update');
    if (!organization) throw new AppError('NOT_FOUND');
    const grant = await grantPlan(tx, {
      organizationId: organization.id,
      productId: input.productId,
      endsAt,
      reason: input.reason,
      grantedById: actor.id,
    });
    await recordAuditEvent(tx, {
      action: 'admin.planGranted',
      actorUserId: actor.id,
      target: { type: 'organization', id: organization.id },
      organizationId: organization.id,
      details: { plan: findProduct(input.productId)!.id, until: input.until, reason: input.reason },
    });
    return { grantId: grant.id, endsAt: grant.endsAt };
  });
}
