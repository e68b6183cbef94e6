import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  activeOrganizations,
  failedWebhookEvents,
  monthlyRecurringRevenue,
  signUpsPerDay,
  subscriptionsByPlanAndStatus,
  trialConversions,
} from '@/features/admin/server';
import { auditEvents } from '@/features/audit/server/schema';
import { users } from '@/features/auth/server/schema';
import type { SubscriptionStatus } from '@/features/billing';
import {
  billingCustomers,
  billingSubscriptionItems,
  billingSubscriptions,
  billingWebhookEvents,
} from '@/features/billing/server/schema';
import { tasks } from '@/features/tasks/server/schema';
import { db } from '@/platform/db/client';
import { insertUser, makeOrganization } from '../../support/organizations';

/**
 * The overview's figures on a small world of this file's own database (docs/admin/overview-and-billing.md), read at
 * a `now` years ahead so that only the rows placed here, at chosen times, fall in its 30-day window.
 */

const NOW = new Date('2031-03-15T12:00:00Z');
const at = (iso: string) => new Date(iso);

async function userSignedUpAt(createdAt: Date) {
  const user = await insertUser();
  await db.update(users).set({ createdAt }).where(eq(users.id, user.id));
  return user;
}

interface Subscribed {
  planId: string;
  productId: string;
  status: SubscriptionStatus;
  items: { lineItemId: string; type: 'flat' | 'per_seat' | 'metered'; quantity: number }[];
  trialEndsAt?: Date;
}

/** A subscription of a new organization, as a webhook would have stored it. */
async function subscribe({ planId, productId, status, items, trialEndsAt }: Subscribed) {
  const owner = await insertUser();
  const organization = await makeOrganization([[owner, 'owner']]);
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId: organization.id, provider: 'local', providerCustomerId: `cus_${randomUUID()}` })
    .returning();
  const [subscription] = await db
    .insert(billingSubscriptions)
    .values({
      organizationId: organization.id,
      customerId: customer!.id,
      provider: 'local',
      providerSubscriptionId: `sub_${randomUUID()}`,
      status,
      productId,
      planId,
      currency: 'usd',
      periodStartsAt: at('2031-03-01T00:00:00Z'),
      periodEndsAt: at('2031-04-01T00:00:00Z'),
      trialEndsAt: trialEndsAt ?? null,
      providerUpdatedAt: at('2031-03-01T00:00:00Z'),
    })
    .returning();
  if (items.length > 0)
    await db
      .insert(billingSubscriptionItems)
      .values(items.map((item) => ({ ...item, organizationId: organization.id, subscriptionId: subscription!.id })));
  return organization;
}

const seats = (quantity: number) => [{ lineItemId: 'seats', type: 'per_seat' as const, quantity }];
const pro = (planId: 'pro-monthly' | 'pro-yearly') => ({ planId, productId: 'pro' });

describe('the admin overview', () => {
  it('counts sign-ups per UTC day over the last 30 days, every day listed', async () => {
    await userSignedUpAt(at('2031-02-13T23:59:59Z')); // the day before the window
    await userSignedUpAt(at('2031-02-14T00:00:00Z')); // its first day
    await userSignedUpAt(at('2031-03-01T10:00:00Z'));
    await userSignedUpAt(at('2031-03-15T01:00:00Z'));
    await userSignedUpAt(at('2031-03-15T11:59:00Z'));
    await userSignedUpAt(at('2031-03-15T13:00:00Z')); // after `now`

    const days = await signUpsPerDay(NOW);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: '2031-02-14', count: 1 });
    expect(days.at(-1)).toEqual({ day: '2031-03-15', count: 2 });
    expect(days.filter((day) => day.count > 0)).toEqual([
      { day: '2031-02-14', count: 1 },
      { day: '2031-03-01', count: 1 },
      { day: '2031-03-15', count: 2 },
    ]);
  });

  it('counts organizations active in the last 30 days: a member signed in, or a task changed', async () => {
    const [withTask, withSignIn, dormant] = [await insertUser(), await insertUser(), await insertUser()];
    const stranger = await insertUser();
    const byTask = await makeOrganization([[withTask, 'owner']]);
    await makeOrganization([[withSignIn, 'owner']]);
    const old = await makeOrganization([[dormant, 'owner']]);
    await makeOrganization([]);
    await db.insert(tasks).values([
      { organizationId: byTask.id, title: 'Recent', updatedAt: at('2031-03-10T09:00:00Z') },
      { organizationId: old.id, title: 'Long ago', updatedAt: at('2031-02-01T09:00:00Z') },
    ]);
    await db.insert(auditEvents).values([
      { action: 'auth.signedIn', actorUserId: withSignIn.id, occurredAt: at('2031-03-01T08:00:00Z') },
      { action: 'auth.signedIn', actorUserId: dormant.id, occurredAt: at('2031-02-01T08:00:00Z') },
      // Not a sign-in, and a sign-in of someone in no organization: neither counts.
      { action: 'auth.passwordChanged', actorUserId: dormant.id, occurredAt: at('2031-03-02T08:00:00Z') },
      { action: 'auth.signedIn', actorUserId: stranger.id, occurredAt: at('2031-03-02T08:00:00Z') },
    ]);
    // The file's first organizations: these four.
    expect(await activeOrganizations(NOW)).toEqual({ active: 2, total: 4 });
  });

  it('totals MRR, subscriptions by plan and status, and trial conversions from the catalogue', async () => {
    // Counted in MRR: active and past_due, at the catalogue's prices (pro-monthly $12/seat, pro-yearly $120/seat a
    // year, team-2025-monthly $49 flat plus metered tasks, which add nothing known in advance).
    await subscribe({ ...pro('pro-monthly'), status: 'active', items: seats(3), trialEndsAt: at('2031-03-01T00:00Z') });
    await subscribe({ ...pro('pro-yearly'), status: 'active', items: seats(2), trialEndsAt: at('2031-03-10T00:00Z') });
    await subscribe({
      ...pro('pro-monthly'),
      status: 'past_due',
      items: seats(1),
      trialEndsAt: at('2031-03-05T00:00Z'),
    });
    // No seats held: the plan's minimum (1) is charged.
    await subscribe({ ...pro('pro-monthly'), status: 'active', items: seats(0), trialEndsAt: at('2031-01-01T00:00Z') });
    await subscribe({
      planId: 'team-2025-monthly',
      productId: 'team-2025',
      status: 'active',
      items: [
        { lineItemId: 'base', type: 'flat', quantity: 1 },
        { lineItemId: 'tasks', type: 'metered', quantity: 0 },
      ],
    });
    // Not counted: trialing, canceled, and a plan the catalogue no longer has (reported apart).
    await subscribe({
      ...pro('pro-monthly'),
      status: 'trialing',
      items: seats(5),
      trialEndsAt: at('2031-03-20T00:00Z'),
    });
    await subscribe({
      ...pro('pro-monthly'),
      status: 'canceled',
      items: seats(4),
      trialEndsAt: at('2031-02-20T00:00Z'),
    });
    await subscribe({ planId: 'gone-monthly', productId: 'gone', status: 'active', items: seats(2) });

    // 3 × 1200 + 2 × 12000 / 12 + 1 × 1200 + 1 × 1200 + 4900 = 12,900 cents a month.
    expect(await monthlyRecurringRevenue()).toEqual({
      amounts: [{ currency: 'usd', amount: 12_900 }],
      subscriptions: 5,
      unpriced: 1,
    });

    expect(await subscriptionsByPlanAndStatus()).toEqual([
      { planId: 'gone-monthly', status: 'active', count: 1 },
      { planId: 'pro-monthly', status: 'trialing', count: 1 },
      { planId: 'pro-monthly', status: 'active', count: 2 },
      { planId: 'pro-monthly', status: 'past_due', count: 1 },
      { planId: 'pro-monthly', status: 'canceled', count: 1 },
      { planId: 'pro-yearly', status: 'active', count: 1 },
      { planId: 'team-2025-monthly', status: 'active', count: 1 },
    ]);

    // Trials that ended in the window (Feb 13 noon – Mar 15 noon): Mar 1 and Mar 10 (active now: converted), Mar 5
    // (past due: its first charge failed) and Feb 20 (canceled). Jan 1 is before it, Mar 20 not over yet.
    expect(await trialConversions(NOW)).toEqual({ ended: 4, converted: 2 });
  });

  it('counts the webhook events whose processing failed', async () => {
    const event = (id: string, processed: boolean) => ({
      provider: 'local' as const,
      providerEventId: id,
      type: 'subscription.updated',
      occurredAt: NOW,
      processedAt: processed ? NOW : null,
      outcome: processed ? ('applied' as const) : null,
      error: processed ? null : 'connection reset',
    });
    const before = await failedWebhookEvents();
    await db.insert(billingWebhookEvents).values([event('evt_a', false), event('evt_b', false), event('evt_c', true)]);
    expect((await failedWebhookEvents()) - before).toBe(2);
    expect(before).toBe(0);
  });
});
