import type { SubscriptionStatus } from '../../billing-fields';

/**
 * The local gateway's clock, as pure rules (docs/billing/local-gateway.md#the-clock): given a
 * subscription, its open invoice and the customer's test card, what its next event does. The
 * gateway (clock.ts) applies the step in one transaction and emits the signed events.
 */

/** Failed retries of an open invoice after which the subscription is canceled (decision 0037). */
export const LOCAL_MAX_FAILED_RETRIES = 3;

export type LocalCard = 'succeeds' | 'declined';

export interface ClockSubscription {
  status: SubscriptionStatus;
  periodStartsAt: Date;
  periodEndsAt: Date;
  trialEndsAt: Date | null;
  cancelAtPeriodEnd: boolean;
}

export interface OpenInvoice {
  /** Failed charges so far: the first attempt and every retry. */
  failedAttempts: number;
}

export type ClockStep =
  /** Nothing happens next (canceled, or a state the clock does not drive). */
  | { kind: 'none' }
  /** The period ends after a cancel: the subscription ends. */
  | { kind: 'end-of-period'; status: 'canceled'; canceledAt: Date }
  /** A new period is charged (trial end or renewal): a new invoice, paid or left open. */
  | {
      kind: 'charge';
      reason: 'trial-end' | 'renewal';
      periodStartsAt: Date;
      periodEndsAt: Date;
      invoice: 'paid' | 'open';
      status: 'active' | 'past_due';
    }
  /** The open invoice is charged again: paid (recovered), still open, or given up on (canceled). */
  | { kind: 'retry'; invoice: 'paid' | 'open' | 'uncollectible'; status: 'active' | 'past_due' | 'canceled' };

/** The end of a period that starts at `start`: a calendar month or year later. */
export function periodEnd(start: Date, interval: 'month' | 'year'): Date {
  const end = new Date(start);
  if (interval === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

/** The subscription's next event on the clock, and what it does with this card. */
export function nextClockStep(
  subscription: ClockSubscription,
  interval: 'month' | 'year',
  card: LocalCard,
  openInvoice: OpenInvoice | null,
): ClockStep {
  const paid = card === 'succeeds';
  switch (subscription.status) {
    case 'trialing':
    case 'active': {
      if (subscription.cancelAtPeriodEnd)
        return { kind: 'end-of-period', status: 'canceled', canceledAt: subscription.periodEndsAt };
      const periodStartsAt = subscription.periodEndsAt;
      return {
        kind: 'charge',
        reason: subscription.status === 'trialing' ? 'trial-end' : 'renewal',
        periodStartsAt,
        periodEndsAt: periodEnd(periodStartsAt, interval),
        invoice: paid ? 'paid' : 'open',
        status: paid ? 'active' : 'past_due',
      };
    }
    case 'past_due': {
      if (paid) return { kind: 'retry', invoice: 'paid', status: 'active' };
      // The first failed charge is not a retry, so with this one the failed retries number the failed attempts so far.
      const failedRetries = openInvoice?.failedAttempts ?? 1;
      return failedRetries >= LOCAL_MAX_FAILED_RETRIES
        ? { kind: 'retry', invoice: 'uncollectible', status: 'canceled' }
        : { kind: 'retry', invoice: 'open', status: 'past_due' };
    }
    default:
      return { kind: 'none' };
  }
}
