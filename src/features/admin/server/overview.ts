import 'server-only';
import { sql } from 'drizzle-orm';
import { auditEvents } from '@/features/audit/server/schema';
import { users } from '@/features/auth/server/schema';
import { renewalAmount, type SubscriptionStatus } from '@/features/billing';
import { findPlan } from '@/features/billing/server';
import { billingSubscriptionItems, billingSubscriptions, billingWebhookEvents } from '@/features/billing/server/schema';
import { members, organizations } from '@/features/organizations/server/schema';
import { tasks } from '@/features/tasks/server/schema';
import { db } from '@/platform/db/client';

/**
 * The figures of the admin overview (/admin; docs/admin/overview-and-billing.md defines each). One query each,
 * all read on the app's own connection (every organization's rows). `now` is a parameter so tests can fix it.
 */

/** The overview's window: the last 30 days, today (UTC) included. */
export const OVERVIEW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sign-ups per UTC day for the last 30 days, oldest first, days without one included (as 0). */
export async function signUpsPerDay(now = new Date()): Promise<{ day: string; count: number }[]> {
  // Each day's bound is a range on users.created_at (users_created_at_idx), counted per day of the series.
  const result = await db.execute<{ day: string; count: number }>(sql`
    with days as (
      select generate_series(
        date_trunc('day', ${now}::timestamptz at time zone 'utc') - interval '${sql.raw(String(OVERVIEW_DAYS - 1))} days',
        date_trunc('day', ${now}::timestamptz at time zone 'utc'),
        interval '1 day'
      ) as day
    )
    select to_char(days.day, 'YYYY-MM-DD') as day, count(${users.id})::int as count
    from days
    left join ${users}
      on ${users.createdAt} >= days.day at time zone 'utc'
     and ${users.createdAt} < (days.day + interval '1 day') at time zone 'utc'
     and ${users.createdAt} <= ${now}
    group by days.day
    order by days.day`);
  return result.rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}

/**
 * Organizations active in the last 30 days: one of its members signed in (an `auth.signedIn` audit event), or one
 * of its tasks was created or changed. Each organization is probed through indexes: tasks_organization_updated_idx,
 * and members_organization_user_key then audit_events_actor_idx (actor, time).
 */
export async function activeOrganizations(now = new Date()): Promise<{ active: number; total: number }> {
  const since = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS);
  const result = await db.execute<{ active: number; total: number }>(sql`
    select
      count(*) filter (where
        exists (
          select 1 from ${tasks}
          where ${tasks.organizationId} = ${organizations.id}
            and ${tasks.updatedAt} > ${since} and ${tasks.updatedAt} <= ${now}
        )
        or exists (
          select 1 from ${members}
          join ${auditEvents} on ${auditEvents.actorUserId} = ${members.userId}
          where ${members.organizationId} = ${organizations.id}
            and ${auditEvents.action} = 'auth.signedIn'
            and ${auditEvents.occurredAt} > ${since} and ${auditEvents.occurredAt} <= ${now}
        )
      )::int as active,
      count(*)::int as total
    from ${organizations}`);
  const row = result.rows[0]!;
  return { active: Number(row.active), total: Number(row.total) };
}

/** How many subscriptions each plan has in each status (a scan of billing_subscriptions: one row per subscription). */
export async function subscriptionsByPlanAndStatus(): Promise<
  { planId: string; status: SubscriptionStatus; count: number }[]
> {
  const rows = await db
    .select({
      planId: billingSubscriptions.planId,
      status: billingSubscriptions.status,
      count: sql<number>`count(*)::int`,
    })
    .from(billingSubscriptions)
    .groupBy(billingSubscriptions.planId, billingSubscriptions.status)
    .orderBy(billingSubscriptions.planId, billingSubscriptions.status);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** The statuses whose subscriptions count in MRR: paying now (past_due: charged, the retry pending). */
export const MRR_STATUSES: readonly SubscriptionStatus[] = ['active', 'past_due'];

export interface MonthlyRecurringRevenue {
  /** Per currency, in its minor unit, sorted by currency. */
  amounts: { currency: string; amount: number }[];
  /** Subscriptions counted. */
  subscriptions: number;
  /** Live subscriptions on a plan the catalogue no longer has: not counted (their price is unknown). */
  unpriced: number;
}

/**
 * MRR from the catalogue's prices (appConfig.billing) × the live subscriptions' quantities: flat items once,
 * per-seat items by their seats (tiers and minimums as at renewal), metered items not at all (usage is not known
 * in advance); yearly plans divided by 12. One query: the live subscriptions grouped by plan and quantities.
 */
export async function monthlyRecurringRevenue(): Promise<MonthlyRecurringRevenue> {
  const statuses = sql.join(
    MRR_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const result = await db.execute<{ plan_id: string; currency: string; items: Record<string, number>; n: number }>(sql`
    select plan_id, currency, items, count(*)::int as n
    from (
      select ${billingSubscriptions.planId} as plan_id, ${billingSubscriptions.currency} as currency,
        coalesce(
          jsonb_object_agg(${billingSubscriptionItems.lineItemId}, ${billingSubscriptionItems.quantity})
            filter (where ${billingSubscriptionItems.id} is not null),
          '{}'::jsonb
        ) as items
      from ${billingSubscriptions}
      left join ${billingSubscriptionItems} on ${billingSubscriptionItems.subscriptionId} = ${billingSubscriptions.id}
      where ${billingSubscriptions.status} in (${statuses})
      group by ${billingSubscriptions.id}
    ) as live
    group by plan_id, currency, items`);
  const totals = new Map<string, number>();
  let subscriptions = 0;
  let unpriced = 0;
  for (const row of result.rows) {
    const count = Number(row.n);
    const found = findPlan(row.plan_id);
    if (!found || found.plan.interval === 'one_off') {
      unpriced += count;
      continue;
    }
    const perPeriod = renewalAmount(found.plan, row.items);
    const monthly = found.plan.interval === 'year' ? perPeriod / 12 : perPeriod;
    totals.set(row.currency, (totals.get(row.currency) ?? 0) + monthly * count);
    subscriptions += count;
  }
  return {
    amounts: [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ currency, amount: Math.round(amount) })),
    subscriptions,
    unpriced,
  };
}

/**
 * Trials that ended in the last 30 days (`trial_ends_at` in the window) and, of those, how many converted: the
 * subscription is `active` now (paid). Canceled during or after, or past due on its first charge: not converted.
 */
export async function trialConversions(now = new Date()): Promise<{ ended: number; converted: number }> {
  const since = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS);
  const [row] = await db
    .select({
      ended: sql<number>`count(*)::int`,
      converted: sql<number>`(count(*) filter (where ${billingSubscriptions.status} = 'active'))::int`,
    })
    .from(billingSubscriptions)
    .where(sql`${billingSubscriptions.trialEndsAt} > ${since} and ${billingSubscriptions.trialEndsAt} <= ${now}`);
  return { ended: Number(row?.ended ?? 0), converted: Number(row?.converted ?? 0) };
}

/** Webhook events whose processing failed and that wait for a retry or a redelivery (the partial unprocessed index). */
export async function failedWebhookEvents(): Promise<number> {
  return db.$count(billingWebhookEvents, sql`${billingWebhookEvents.processedAt} is null`);
}

/** Every figure of the overview, read at once. */
export async function adminOverview(now = new Date()) {
  const [signUps, organizations, subscriptions, mrr, trials, failedWebhooks] = await Promise.all([
    signUpsPerDay(now),
    activeOrganizations(now),
    subscriptionsByPlanAndStatus(),
    monthlyRecurringRevenue(),
    trialConversions(now),
    failedWebhookEvents(),
  ]);
  return { signUps, organizations, subscriptions, mrr, trials, failedWebhooks };
}

export type AdminOverview = Awaited<ReturnType<typeof adminOverview>>;
