import 'server-only';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAuditEvent } from '@/features/audit/server';
import type { SubscriptionStatus, WebhookOutcome } from '@/features/billing';
import { providerDashboardUrl, reconcileSubscriptionsJob, redeliverWebhookEvent } from '@/features/billing/server';
import { billingSubscriptions, billingWebhookEvents } from '@/features/billing/server/schema';
import { organizations } from '@/features/organizations/server/schema';
import type { BillingProvider } from '@/platform/config/constants';
import { db } from '@/platform/db/client';
import { defineDataLoader, type LoadedPage } from '@/platform/db/data-loader';
import { AppError } from '@/platform/http/errors';
import { addJob } from '@/platform/jobs/jobs';
import {
  adminSubscriptionQuery,
  adminWebhookQuery,
  type AdminSubscriptionQuery,
  type AdminWebhookQuery,
} from '../billing-query';

/** The admin area's billing operations (docs/admin/overview-and-billing.md): lists, redelivery, reconciliation. */

interface AdminActor {
  id: string;
}

/** A subscription as the admin list shows it. */
export interface AdminSubscriptionRow {
  id: string;
  organizationId: string;
  organizationName: string | null;
  provider: BillingProvider;
  providerSubscriptionId: string;
  status: SubscriptionStatus;
  planId: string;
  periodEndsAt: Date;
  cancelAtPeriodEnd: boolean;
  trialEndsAt: Date | null;
  createdAt: Date;
}

const subscriptionPages = defineDataLoader<
  AdminSubscriptionRow,
  'createdAt' | 'periodEndsAt',
  typeof adminSubscriptionQuery.spec.filters
>(adminSubscriptionQuery, {
  table: billingSubscriptions,
  fields: {
    id: billingSubscriptions.id,
    organizationId: billingSubscriptions.organizationId,
    organizationName: organizations.name,
    provider: billingSubscriptions.provider,
    providerSubscriptionId: billingSubscriptions.providerSubscriptionId,
    status: billingSubscriptions.status,
    planId: billingSubscriptions.planId,
    periodEndsAt: billingSubscriptions.periodEndsAt,
    cancelAtPeriodEnd: billingSubscriptions.cancelAtPeriodEnd,
    trialEndsAt: billingSubscriptions.trialEndsAt,
    createdAt: billingSubscriptions.createdAt,
  },
  joins: [{ table: organizations, on: eq(organizations.id, billingSubscriptions.organizationId) }],
  sorts: { createdAt: billingSubscriptions.createdAt, periodEndsAt: billingSubscriptions.periodEndsAt },
  tiebreaker: billingSubscriptions.id,
  filters: {
    status: billingSubscriptions.status,
    provider: billingSubscriptions.provider,
    plan: billingSubscriptions.planId,
  },
  search: [organizations.name, organizations.slug],
});

/** A page of every organization's subscriptions, each with its provider's dashboard link (null: the local gateway). */
export async function listSubscriptions(
  query: AdminSubscriptionQuery,
): Promise<LoadedPage<AdminSubscriptionRow & { dashboardUrl: string | null }>> {
  const page = await subscriptionPages.load(db, query);
  return {
    ...page,
    rows: page.rows.map((row) => ({
      ...row,
      dashboardUrl: providerDashboardUrl(row.provider, row.providerSubscriptionId),
    })),
  };
}

/** A webhook event as the ledger shows it. */
export interface AdminWebhookEventRow {
  id: string;
  provider: BillingProvider;
  providerEventId: string;
  type: string;
  organizationId: string | null;
  organizationName: string | null;
  occurredAt: Date;
  receivedAt: Date;
  processedAt: Date | null;
  outcome: WebhookOutcome | null;
  error: string | null;
  /** Whether its payload is stored (events received before payloads were kept cannot be redelivered). */
  redeliverable: boolean;
}

const webhookFields = {
  id: billingWebhookEvents.id,
  provider: billingWebhookEvents.provider,
  providerEventId: billingWebhookEvents.providerEventId,
  type: billingWebhookEvents.type,
  organizationId: billingWebhookEvents.organizationId,
  organizationName: organizations.name,
  occurredAt: billingWebhookEvents.occurredAt,
  receivedAt: billingWebhookEvents.receivedAt,
  processedAt: billingWebhookEvents.processedAt,
  outcome: billingWebhookEvents.outcome,
  error: billingWebhookEvents.error,
  redeliverable: sql<boolean>`${billingWebhookEvents.payload} is not null`,
};

const webhookPages = defineDataLoader<AdminWebhookEventRow, 'receivedAt', typeof adminWebhookQuery.spec.filters>(
  adminWebhookQuery,
  {
    table: billingWebhookEvents,
    fields: webhookFields,
    joins: [{ table: organizations, on: eq(organizations.id, billingWebhookEvents.organizationId) }],
    sorts: { receivedAt: billingWebhookEvents.receivedAt },
    tiebreaker: billingWebhookEvents.id,
    // `state` is a condition (failed: not processed; else the outcome): built below, taken out of the query.
    filters: {
      state: billingWebhookEvents.outcome,
      provider: billingWebhookEvents.provider,
      type: billingWebhookEvents.type,
    },
  },
);

/** A page of the webhook ledger (billing_webhook_events_received_idx; a failed filter reads the unprocessed index). */
export async function listWebhookEvents(query: AdminWebhookQuery): Promise<LoadedPage<AdminWebhookEventRow>> {
  const states = query.filters.state?.in ?? [];
  const failed = states.includes('failed');
  const outcomes = states.filter((state): state is WebhookOutcome => state !== 'failed');
  const where =
    states.length === 0
      ? undefined
      : failed && outcomes.length === 0
        ? isNull(billingWebhookEvents.processedAt)
        : failed
          ? sql`(${billingWebhookEvents.processedAt} is null or ${billingWebhookEvents.outcome} in (${sql.join(
              outcomes.map((outcome) => sql`${outcome}`),
              sql`, `,
            )}))`
          : and(
              isNotNull(billingWebhookEvents.processedAt),
              sql`${billingWebhookEvents.outcome} in (${sql.join(
                outcomes.map((outcome) => sql`${outcome}`),
                sql`, `,
              )})`,
            );
  return webhookPages.load(db, { ...query, filters: { ...query.filters, state: undefined } }, { where });
}

/** The ledger's failed events, newest first, for the top of its page (few: read from the unprocessed index). */
export async function listFailedWebhookEvents(limit = 50): Promise<AdminWebhookEventRow[]> {
  return db
    .select(webhookFields)
    .from(billingWebhookEvents)
    .leftJoin(organizations, eq(organizations.id, billingWebhookEvents.organizationId))
    .where(isNull(billingWebhookEvents.processedAt))
    .orderBy(desc(billingWebhookEvents.receivedAt))
    .limit(limit);
}

export type RedeliveryOutcome = WebhookOutcome | 'duplicate' | 'failed';

/**
 * Runs Keel's processing of a stored event again (billing's `redeliverWebhookEvent`), with the audit row in the
 * transaction of what it wrote. An event already processed changes nothing (`duplicate`, nothing recorded); a
 * failure is stored on the event (its new error) and answered `failed`.
 */
export async function redeliverWebhookEventAsAdmin(actor: AdminActor, ledgerId: string): Promise<RedeliveryOutcome> {
  const outcome = await redeliverWebhookEvent(ledgerId, (tx, result) =>
    recordAuditEvent(tx, {
      action: 'admin.webhookRedelivered',
      actorUserId: actor.id,
      target: { type: 'webhookEvent', id: ledgerId },
      details: { outcome: result },
    }),
  );
  if (outcome === null) throw new AppError('NOT_FOUND');
  return outcome;
}

/** The reconciliation job's key: a click while one waits to run adds nothing. */
export const RECONCILIATION_JOB_KEY = 'admin.reconcile-subscriptions';

/**
 * Queues the reconciliation (the hourly job's work, `npm run billing:sync`'s) to run now, with its audit row in
 * the same transaction. The job key makes a second click, before it starts, replace the queued job, not add one.
 */
export async function startReconciliation(actor: AdminActor): Promise<void> {
  await db.transaction(async (tx) => {
    await addJob(tx, reconcileSubscriptionsJob, {}, { jobKey: RECONCILIATION_JOB_KEY });
    await recordAuditEvent(tx, { action: 'admin.reconciliationStarted', actorUserId: actor.id });
  });
}
