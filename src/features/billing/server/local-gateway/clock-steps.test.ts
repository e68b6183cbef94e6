import { describe, expect, it } from 'vitest';
import { LOCAL_MAX_FAILED_RETRIES, nextClockStep, type ClockSubscription } from './clock-steps';

const start = new Date('2026-01-31T12:00:00Z');
const end = new Date('2026-02-14T12:00:00Z');
const base: ClockSubscription = {
  status: 'trialing',
  periodStartsAt: start,
  periodEndsAt: end,
  trialEndsAt: end,
  cancelAtPeriodEnd: false,
};

describe('nextClockStep', () => {
  it('ends a trial with a charge: paid → active, declined → past due, for the next period', () => {
    expect(nextClockStep(base, 'month', 'succeeds', null)).toEqual({
      kind: 'charge',
      reason: 'trial-end',
      periodStartsAt: end,
      periodEndsAt: new Date('2026-03-14T12:00:00Z'),
      invoice: 'paid',
      status: 'active',
    });
    expect(nextClockStep(base, 'year', 'declined', null)).toMatchObject({
      kind: 'charge',
      periodEndsAt: new Date('2027-02-14T12:00:00Z'),
      invoice: 'open',
      status: 'past_due',
    });
  });

  it('renews an active subscription by the same rule', () => {
    const active = { ...base, status: 'active' as const, trialEndsAt: null };
    expect(nextClockStep(active, 'month', 'succeeds', null)).toMatchObject({ reason: 'renewal', status: 'active' });
    expect(nextClockStep(active, 'month', 'declined', null)).toMatchObject({ reason: 'renewal', status: 'past_due' });
  });

  it('ends the period after a cancel, charging nothing', () => {
    for (const status of ['trialing', 'active'] as const)
      expect(nextClockStep({ ...base, status, cancelAtPeriodEnd: true }, 'month', 'succeeds', null)).toEqual({
        kind: 'end-of-period',
        status: 'canceled',
        canceledAt: end,
      });
  });

  it(`retries a past-due invoice: recovered when paid, canceled after ${LOCAL_MAX_FAILED_RETRIES} failed retries`, () => {
    const pastDue = { ...base, status: 'past_due' as const };
    expect(nextClockStep(pastDue, 'month', 'succeeds', { failedAttempts: 3 })).toEqual({
      kind: 'retry',
      invoice: 'paid',
      status: 'active',
    });
    // The first failed charge and then retries: the third failed retry gives up.
    expect(nextClockStep(pastDue, 'month', 'declined', { failedAttempts: 1 })).toMatchObject({ status: 'past_due' });
    expect(nextClockStep(pastDue, 'month', 'declined', { failedAttempts: 2 })).toMatchObject({ status: 'past_due' });
    expect(nextClockStep(pastDue, 'month', 'declined', { failedAttempts: 3 })).toEqual({
      kind: 'retry',
      invoice: 'uncollectible',
      status: 'canceled',
    });
  });

  it('does nothing for a subscription that has ended or that it does not drive', () => {
    for (const status of ['canceled', 'incomplete', 'unpaid', 'paused'] as const)
      expect(nextClockStep({ ...base, status }, 'month', 'succeeds', null)).toEqual({ kind: 'none' });
  });
});
