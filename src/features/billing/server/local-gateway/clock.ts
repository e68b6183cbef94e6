import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { findPlan } from '../catalogue';
import { localGatewayInvoices, localGatewaySubscriptions } from '../schema';
import { nextClockStep, type ClockStep } from './clock-steps';
import { planAmount } from '../../pricing';
import { lockLocalCustomer, openInvoiceOf, saveSubscription, writeInvoice } from './records';

/**
 * The clock control (development and tests; labelled when the local gateway runs in production):
 * moves one subscription to its next event, charges the customer's test card, and emits the signed
 * subscription event — delivered by the job queue to the webhook endpoint like every other.
 */
export async function advanceLocalSubscription(subscriptionId: string): Promise<ClockStep['kind'] | null> {
  return db.transaction(async (tx) => {
    const [subscription] = await tx
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.id, subscriptionId))
      .for('update');
    if (!subscription) return null;
    const { plan } = findPlan(subscription.planId)!;
    if (plan.interval === 'one_off') return 'none';
    const customer = await lockLocalCustomer(tx, subscription.customerId);
    const openInvoice = await openInvoiceOf(tx, subscription.id);
    // No card on file charges like a declined one.
    const step = nextClockStep(subscription, plan.interval, customer.paymentMethod ?? 'declined', openInvoice);
    switch (step.kind) {
      case 'none':
        return step.kind;
      case 'end-of-period':
        await saveSubscription(
          tx,
          subscription.id,
          { status: step.status, canceledAt: step.canceledAt },
          'subscription.deleted',
        );
        return step.kind;
      case 'charge':
        await writeInvoice(tx, {
          customerId: subscription.customerId,
          subscriptionId: subscription.id,
          status: step.invoice,
          totalAmount: planAmount(plan, subscription.seats),
          currency: plan.currency,
          periodStartsAt: step.periodStartsAt,
          periodEndsAt: step.periodEndsAt,
        });
        await saveSubscription(tx, subscription.id, {
          status: step.status,
          periodStartsAt: step.periodStartsAt,
          periodEndsAt: step.periodEndsAt,
        });
        return step.kind;
      case 'retry':
        if (openInvoice) {
          await tx
            .update(localGatewayInvoices)
            .set({
              status: step.invoice,
              failedAttempts: openInvoice.failedAttempts + (step.invoice === 'paid' ? 0 : 1),
              updatedAt: new Date(),
            })
            .where(eq(localGatewayInvoices.id, openInvoice.id));
        }
        await saveSubscription(
          tx,
          subscription.id,
          step.status === 'canceled' ? { status: step.status, canceledAt: new Date() } : { status: step.status },
          step.status === 'canceled' ? 'subscription.deleted' : 'subscription.updated',
        );
        return step.kind;
    }
  });
}
