import 'server-only';
import { recordAuditEvent } from '@/features/audit/server';
import type { Transaction } from '@/platform/db/client';
import type { billingSubscriptions } from './schema';

type SubscriptionRow = typeof billingSubscriptions.$inferSelect;

/**
 * Records what an applied subscription state changed (docs/audit/audit-log.md), in the webhook's or the
 * reconciliation's transaction: started (Keel had no row), canceled (now, or at the period's end), or
 * changed (plan, status, or a cancellation withdrawn). A renewal (only the period moves) is not an event.
 * Nobody signed in did it: the provider did, so the actor is null.
 */
export async function recordSubscriptionChange(
  tx: Transaction,
  prior: SubscriptionRow | undefined,
  row: SubscriptionRow,
): Promise<void> {
  const action = !prior
    ? 'billing.subscriptionStarted'
    : (row.status === 'canceled' && prior.status !== 'canceled') || (row.cancelAtPeriodEnd && !prior.cancelAtPeriodEnd)
      ? 'billing.subscriptionCanceled'
      : row.planId !== prior.planId || row.status !== prior.status || row.cancelAtPeriodEnd !== prior.cancelAtPeriodEnd
        ? 'billing.subscriptionChanged'
        : null;
  if (!action) return;
  await recordAuditEvent(tx, {
    action,
    actorUserId: null,
    target: { type: 'subscription', id: row.id },
    organizationId: row.organizationId,
    details: {
      plan: row.planId,
      status: row.status,
      provider: row.provider,
      ...(prior && prior.planId !== row.planId ? { previousPlan: prior.planId } : {}),
      ...(prior && prior.status !== row.status ? { previousStatus: prior.status } : {}),
      ...(row.cancelAtPeriodEnd ? { cancelAtPeriodEnd: true } : {}),
    },
  });
}
