import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/platform/db/client';
import type { ProviderInvoice } from '../gateway';
import { findPlan } from '../catalogue';
import { localGatewayCustomers, localGatewayInvoices, localGatewaySubscriptions } from '../schema';
import type { LocalCard } from './clock-steps';
import { planAmount } from '../../pricing';
import { emitLocalEvent, localId, subscriptionObject } from './events';

/**
 * The local gateway's customers and invoices: what a provider keeps besides subscriptions. Keel
 * learns of them through the gateway (listInvoices) and of status changes through subscription events.
 */

/** What the portal shows for each test card. */
const LOCAL_CARD_LABELS: Record<LocalCard, string> = {
  succeeds: 'Visa •••• 4242',
  declined: 'Visa •••• 0002',
};

/** The customer's record, created when missing (customers made before migration 0014 have none), locked. */
export async function lockLocalCustomer(tx: Transaction, customerId: string) {
  await tx.insert(localGatewayCustomers).values({ id: customerId, name: '' }).onConflictDoNothing();
  const [customer] = await tx
    .select()
    .from(localGatewayCustomers)
    .where(eq(localGatewayCustomers.id, customerId))
    .for('update');
  return customer!;
}

/** Puts a test card on file: what the customer's next charge does. */
export async function setCustomerCard(tx: Transaction, customerId: string, card: LocalCard) {
  await lockLocalCustomer(tx, customerId);
  await tx
    .update(localGatewayCustomers)
    .set({ paymentMethod: card, cardLabel: LOCAL_CARD_LABELS[card], updatedAt: new Date() })
    .where(eq(localGatewayCustomers.id, customerId));
}

/** An invoice for one period of a subscription, or a one-off order's receipt. */
export async function writeInvoice(
  tx: Transaction,
  invoice: {
    customerId: string;
    subscriptionId?: string;
    orderId?: string;
    status: 'paid' | 'open';
    totalAmount: number;
    currency: string;
    periodStartsAt?: Date;
    periodEndsAt?: Date;
  },
) {
  const [row] = await tx
    .insert(localGatewayInvoices)
    .values({ id: localId('in'), ...invoice, failedAttempts: invoice.status === 'open' ? 1 : 0 })
    .returning();
  return row!;
}

/**
 * A completed checkout's charge: the card that paid becomes the customer's, and a receipt is written
 * for a paid order or a subscription that starts active. A trial start charges nothing: no invoice.
 */
export async function recordCheckoutPayment(tx: Transaction, customerId: string, resultId: string) {
  await setCustomerCard(tx, customerId, 'succeeds');
  const [subscription] = await tx
    .select()
    .from(localGatewaySubscriptions)
    .where(eq(localGatewaySubscriptions.id, resultId));
  if (subscription) {
    if (subscription.status !== 'active') return;
    const { plan } = findPlan(subscription.planId)!;
    await writeInvoice(tx, {
      customerId,
      subscriptionId: subscription.id,
      status: 'paid',
      totalAmount: planAmount(plan, subscription.seats),
      currency: plan.currency,
      periodStartsAt: subscription.periodStartsAt,
      periodEndsAt: subscription.periodEndsAt,
    });
    return;
  }
  const order = await tx.execute<{ plan_id: string; total_amount: number; currency: string }>(
    sql`select plan_id, total_amount, currency from local_gateway_orders where id = ${resultId}`,
  );
  const paid = order.rows[0];
  if (paid)
    await writeInvoice(tx, {
      customerId,
      orderId: resultId,
      status: 'paid',
      totalAmount: paid.total_amount,
      currency: paid.currency,
    });
}

/** The subscription's open invoice (a failed charge waiting for a retry), locked, or null. */
export async function openInvoiceOf(tx: Transaction, subscriptionId: string) {
  const [invoice] = await tx
    .select()
    .from(localGatewayInvoices)
    .where(and(eq(localGatewayInvoices.subscriptionId, subscriptionId), eq(localGatewayInvoices.status, 'open')))
    .orderBy(desc(localGatewayInvoices.createdAt))
    .limit(1)
    .for('update');
  return invoice ?? null;
}

/** Saves a subscription's change and emits its signed event, in the caller's transaction. */
export async function saveSubscription(
  tx: Transaction,
  subscriptionId: string,
  change: Partial<typeof localGatewaySubscriptions.$inferInsert>,
  eventType: 'subscription.updated' | 'subscription.deleted' = 'subscription.updated',
) {
  const [row] = await tx
    .update(localGatewaySubscriptions)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(localGatewaySubscriptions.id, subscriptionId))
    .returning();
  if (!row) throw new Error(`local gateway: no subscription ${subscriptionId}`);
  await emitLocalEvent(tx, eventType, subscriptionObject(row));
  return row;
}

/** The customer's invoices, newest first, as the gateway interface describes them. */
export async function listLocalInvoices(
  tx: Transaction,
  customerId: string,
  limit: number,
): Promise<ProviderInvoice[]> {
  const rows = await tx
    .select()
    .from(localGatewayInvoices)
    .where(eq(localGatewayInvoices.customerId, customerId))
    .orderBy(desc(localGatewayInvoices.createdAt), desc(localGatewayInvoices.number))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    number: row.status === 'draft' ? null : row.number,
    status: row.status,
    totalAmount: row.totalAmount,
    currency: row.currency,
    createdAt: row.createdAt,
    url: null,
  }));
}
