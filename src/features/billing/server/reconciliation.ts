import 'server-only';
import { and, asc, desc, eq, gt, ne, notExists, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { BillingProvider } from '@/platform/config/constants';
import { db } from '@/platform/db/client';
import { defineJob } from '@/platform/jobs/jobs';
import { logger as rootLogger, type Logger } from '@/platform/logger';
import type { ProviderSubscription } from './gateway';
import {
  billingCheckouts,
  billingCustomers,
  billingSubscriptionItems,
  billingSubscriptions,
  type BillingSubscriptionRow,
} from './schema';
import { gatewayFor } from './providers';
import { applyBillingEvent } from './webhooks';

/**
 * Reconciliation (docs/billing/reconciliation.md): webhooks get lost (a provider gives up, Lemon
 * Squeezy retries three times), fail or arrive out of order. This asks the provider for every
 * subscription that can still change and applies what it says through the webhook path — the ledger,
 * the newer-state-wins rule and the emails — so a repair is recorded like any event and counted once.
 * It also asks for the subscriptions Keel has never heard of: a paid checkout whose every event was lost
 * would otherwise leave a paying customer on the free plan.
 */

/** Canceled subscriptions changed this recently are checked too: the event after a cancel may be the lost one. */
const RECENT_DAYS = 7;

export interface ReconciliationReport {
  checked: number;
  repaired: number;
  /** Subscriptions none of whose events arrived, found from a recent checkout's customer and applied. */
  discovered: number;
  /** Subscriptions the provider no longer knows: marked canceled. */
  missing: number;
  /** Providers not in use here (their subscriptions are left as they are). */
  skipped: number;
  failed: number;
}

type Fields = Pick<
  ProviderSubscription,
  'status' | 'planId' | 'periodStartsAt' | 'periodEndsAt' | 'cancelAtPeriodEnd' | 'trialEndsAt' | 'canceledAt'
> & { seats: Record<string, number> };

function fieldsOf(state: Fields): string {
  const time = (date: Date | null) => date?.toISOString() ?? null;
  return JSON.stringify([
    state.status,
    state.planId,
    time(state.periodStartsAt),
    time(state.periodEndsAt),
    state.cancelAtPeriodEnd,
    time(state.trialEndsAt),
    time(state.canceledAt),
    Object.entries(state.seats).sort(),
  ]);
}

async function keelState(row: BillingSubscriptionRow) {
  const items = await db
    .select({
      lineItemId: billingSubscriptionItems.lineItemId,
      type: billingSubscriptionItems.type,
      priceId: billingSubscriptionItems.providerPriceId,
      quantity: billingSubscriptionItems.quantity,
    })
    .from(billingSubscriptionItems)
    .where(eq(billingSubscriptionItems.subscriptionId, row.id));
  const fields: Fields = { ...row, seats: Object.fromEntries(items.map((item) => [item.lineItemId, item.quantity])) };
  return { fields, items };
}

const providerFields = (subscription: ProviderSubscription): Fields => ({
  ...subscription,
  seats: Object.fromEntries(subscription.items.map((item) => [item.lineItemId, item.quantity])),
});

const summary = (fields: Fields) => ({
  status: fields.status,
  planId: fields.planId,
  periodEndsAt: fields.periodEndsAt,
  cancelAtPeriodEnd: fields.cancelAtPeriodEnd,
  seats: fields.seats,
});

/**
 * A provider's state as Keel's fields. Prices outside the catalogue (`planId: null`) leave the stored plan
 * and line items as they are (the webhook path keeps them), so only the other fields can drift.
 */
const theirFields = (theirs: ProviderSubscription, ours: Fields): Fields =>
  theirs.planId === null ? { ...theirs, planId: ours.planId, seats: ours.seats } : providerFields(theirs);

/**
 * One subscription against its provider: 'repaired', 'in-sync', or 'gone' (the provider does not know it;
 * the run decides whether to mark it canceled, see `markMissing`).
 */
async function reconcileOne(row: BillingSubscriptionRow, logger: Logger) {
  const gateway = gatewayFor(row.provider);
  if (!gateway) return 'skipped' as const;
  const theirs = await gateway.retrieveSubscription(row.providerSubscriptionId);
  if (!theirs) return 'gone' as const;
  const { fields: ours } = await keelState(row);
  // Only a newer state wins, as for webhooks: a provider answer older than what we hold is not drift.
  if (theirs.updatedAt < row.providerUpdatedAt) return 'in-sync' as const;
  if (fieldsOf(theirFields(theirs, ours)) === fieldsOf(ours)) return 'in-sync' as const;
  const outcome = await applyBillingEvent(row.provider, {
    kind: 'subscription',
    // Deterministic: two reconcilers (or a re-run) finding the same drift apply it once.
    id: `reconcile:${row.providerSubscriptionId}:${theirs.updatedAt.getTime()}`,
    type: 'reconciliation.drift',
    occurredAt: new Date(),
    subscription: theirs,
  });
  if (outcome !== 'applied') return 'in-sync' as const;
  logger.warn(
    {
      provider: row.provider,
      subscriptionId: row.providerSubscriptionId,
      organizationId: row.organizationId,
      before: summary(ours),
      after: summary(theirFields(theirs, ours)),
    },
    'billing reconciliation repaired a subscription',
  );
  return 'repaired' as const;
}

/**
 * A subscription the provider no longer knows bills nothing: it ends here too, through the same path.
 * True when it was marked canceled.
 */
async function markMissing(row: BillingSubscriptionRow, logger: Logger): Promise<boolean> {
  const { fields: before, items } = await keelState(row);
  const now = new Date();
  const outcome = await applyBillingEvent(row.provider, {
    kind: 'subscription',
    id: `reconcile:${row.providerSubscriptionId}:${now.getTime()}`,
    type: 'reconciliation.missing',
    occurredAt: now,
    subscription: {
      id: row.providerSubscriptionId,
      customerId: await customerOf(row),
      status: 'canceled',
      planId: row.planId,
      items,
      periodStartsAt: row.periodStartsAt,
      periodEndsAt: row.periodEndsAt,
      cancelAtPeriodEnd: false,
      trialEndsAt: row.trialEndsAt,
      canceledAt: now,
      updatedAt: now,
    },
  });
  if (outcome !== 'applied') return false;
  logger.error(
    {
      provider: row.provider,
      subscriptionId: row.providerSubscriptionId,
      organizationId: row.organizationId,
      before: summary(before),
      after: { status: 'canceled' },
    },
    'billing reconciliation: the provider no longer knows this subscription; marked canceled',
  );
  return true;
}

/**
 * The circuit breaker (docs/billing/reconciliation.md): when more than half of at least this many checked
 * subscriptions of one provider come back unknown, the likely cause is the configuration (a wrong key or
 * store, test-mode keys against live data), not the customers: none is marked canceled.
 */
const BREAKER_MINIMUM = 3;

/** The provider's id of the subscription's customer (the webhook path finds the organization by it). */
async function customerOf(row: BillingSubscriptionRow): Promise<string> {
  const result = await db.execute<{ id: string }>(
    sql`select provider_customer_id as id from billing_customers where id = ${row.customerId}`,
  );
  return result.rows[0]!.id;
}

/**
 * The customers of recent subscription checkouts whose organization holds no subscription that is not
 * canceled: if the buyer paid and every event was lost, the provider has a subscription Keel never saw.
 */
async function customersToDiscover(since: Date) {
  return db
    .selectDistinct({
      provider: billingCustomers.provider,
      providerCustomerId: billingCustomers.providerCustomerId,
      organizationId: billingCustomers.organizationId,
    })
    .from(billingCheckouts)
    .innerJoin(billingCustomers, eq(billingCustomers.id, billingCheckouts.customerId))
    .where(
      and(
        eq(billingCheckouts.mode, 'subscription'),
        gt(billingCheckouts.createdAt, since),
        notExists(
          db
            .select({ one: sql`1` })
            .from(billingSubscriptions)
            .where(
              and(
                eq(billingSubscriptions.organizationId, billingCheckouts.organizationId),
                ne(billingSubscriptions.status, 'canceled'),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(billingCustomers.providerCustomerId));
}

/**
 * The organization's latest unpaid subscription checkout, as the reference: a provider whose
 * buyer chooses the customer has its new subscriptions applied only through one (webhooks.ts checks it is
 * recent enough), and its API, unlike its webhooks, does not hand the reference back.
 */
async function checkoutFor(customer: Awaited<ReturnType<typeof customersToDiscover>>[number]): Promise<string | null> {
  const [checkout] = await db
    .select({ id: billingCheckouts.id })
    .from(billingCheckouts)
    .where(
      and(
        eq(billingCheckouts.organizationId, customer.organizationId),
        eq(billingCheckouts.provider, customer.provider),
        eq(billingCheckouts.mode, 'subscription'),
        ne(billingCheckouts.status, 'completed'),
      ),
    )
    .orderBy(desc(billingCheckouts.createdAt))
    .limit(1);
  return checkout?.id ?? null;
}

/** One customer's subscriptions at its provider that Keel does not hold, applied: how many were. */
async function discoverFor(
  customer: Awaited<ReturnType<typeof customersToDiscover>>[number],
  logger: Logger,
): Promise<number | 'skipped'> {
  const gateway = gatewayFor(customer.provider);
  if (!gateway) return 'skipped';
  let discovered = 0;
  for (const subscription of await gateway.listSubscriptions({ customerId: customer.providerCustomerId })) {
    const [known] = await db
      .select({ id: billingSubscriptions.id })
      .from(billingSubscriptions)
      .where(
        and(
          eq(billingSubscriptions.provider, customer.provider),
          eq(billingSubscriptions.providerSubscriptionId, subscription.id),
        ),
      );
    // One Keel holds is reconcileOne's to compare.
    if (known) continue;
    const outcome = await applyBillingEvent(customer.provider, {
      kind: 'subscription',
      id: `reconcile:${subscription.id}:${subscription.updatedAt.getTime()}`,
      type: 'reconciliation.discovered',
      occurredAt: new Date(),
      subscription: gateway.customerChosenByBuyer
        ? {
            ...subscription,
            checkoutReference: subscription.checkoutReference ?? (await checkoutFor(customer)),
          }
        : subscription,
    });
    if (outcome !== 'applied') continue;
    discovered += 1;
    logger.warn(
      {
        provider: customer.provider,
        subscriptionId: subscription.id,
        organizationId: customer.organizationId,
        after: summary(providerFields(subscription)),
      },
      'billing reconciliation found a subscription none of whose events arrived',
    );
  }
  return discovered;
}

/**
 * Compares every subscription that can still change (not canceled, or changed in the last days) with
 * its provider and repairs the drift; then looks up, at the provider, the customers of recent subscription
 * checkouts whose organization Keel still has on no subscription, and applies what it finds. Safe to run
 * at any time and from several processes at once.
 */
export async function reconcileSubscriptions(logger: Logger = rootLogger): Promise<ReconciliationReport> {
  const report: ReconciliationReport = { checked: 0, repaired: 0, discovered: 0, missing: 0, skipped: 0, failed: 0 };
  const since = new Date(Date.now() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db
    .select()
    .from(billingSubscriptions)
    .where(or(ne(billingSubscriptions.status, 'canceled'), gt(billingSubscriptions.updatedAt, since)))
    .orderBy(asc(billingSubscriptions.id));
  const couldNot = (row: BillingSubscriptionRow, error: unknown) => {
    // One provider error does not stop the others; the next run tries again.
    report.failed += 1;
    logger.error(
      { subscriptionId: row.providerSubscriptionId, reason: error instanceof Error ? error.message : String(error) },
      'billing reconciliation could not check a subscription',
    );
  };
  // Per provider: how many were checked, and the ones it did not know (decided after the loop).
  const byProvider = new Map<BillingProvider, { checked: number; gone: BillingSubscriptionRow[] }>();
  for (const row of rows) {
    try {
      const result = await reconcileOne(row, logger);
      if (result === 'skipped') {
        report.skipped += 1;
        continue;
      }
      report.checked += 1;
      const tally = byProvider.get(row.provider) ?? { checked: 0, gone: [] };
      byProvider.set(row.provider, tally);
      tally.checked += 1;
      if (result === 'repaired') report.repaired += 1;
      if (result === 'gone') tally.gone.push(row);
    } catch (error) {
      couldNot(row, error);
    }
  }
  for (const [provider, { checked, gone }] of byProvider) {
    // Already canceled ones count towards the breaker (a wrong key loses them too) but need no change.
    const toCancel = gone.filter((row) => row.status !== 'canceled');
    if (checked >= BREAKER_MINIMUM && gone.length * 2 > checked) {
      report.failed += toCancel.length;
      logger.error(
        { provider, checked, unknown: gone.length },
        `billing reconciliation: ${provider} does not know most subscriptions; none marked canceled. ` +
          'Check its API key, store and test-vs-live mode',
      );
      continue;
    }
    for (const row of toCancel) {
      try {
        if (await markMissing(row, logger)) report.missing += 1;
      } catch (error) {
        couldNot(row, error);
      }
    }
  }
  for (const customer of await customersToDiscover(since)) {
    try {
      const found = await discoverFor(customer, logger);
      if (found !== 'skipped') report.discovered += found;
    } catch (error) {
      report.failed += 1;
      logger.error(
        {
          provider: customer.provider,
          customerId: customer.providerCustomerId,
          reason: error instanceof Error ? error.message : String(error),
        },
        'billing reconciliation could not list a customer’s subscriptions',
      );
    }
  }
  logger.info({ ...report }, 'billing reconciliation finished');
  return report;
}

/** Hourly, on the queue (graphile-worker's cron: one run per hour across every runner). */
export const reconcileSubscriptionsJob = defineJob({
  name: 'billing.reconcile-subscriptions',
  payload: z.object({}),
  schedule: '17 * * * *',
  maxAttempts: 3,
  async run(_payload, { logger }) {
    await reconcileSubscriptions(logger);
  },
});
