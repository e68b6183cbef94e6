import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/billing/webhooks/[provider]/route';
import { users } from '@/features/auth/server/schema';
import {
  billingJobs,
  getOrganizationSubscription,
  hasFeature,
  signLocalPayload,
  startCheckout,
} from '@/features/billing/server';
import { billingCustomers, billingSubscriptions } from '@/features/billing/server/schema';
import { db } from '@/platform/db/client';
import { withTenant } from '@/platform/db/tenant';
import { devMailboxMessages } from '@/platform/email/schema';
import { startJobRunner, type JobRunner } from '@/platform/jobs/runner';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { eventually } from './local-deliveries';

/**
 * Every subscription status transition, as signed events through the real webhook endpoint: the state
 * each leaves, and the emails each sends — to the members who manage billing, in their own language,
 * once however often the event is delivered (the dev mailbox is the transport here: no SMTP_URL).
 */

const ORIGIN = 'http://localhost:3000';
const DAY = 24 * 60 * 60 * 1000;

let runner: JobRunner;
beforeAll(async () => {
  runner = await startJobRunner({
    databaseUrl: process.env.DATABASE_URL!,
    jobs: billingJobs,
    // One at a time, in the order queued: the mailbox then lists each person's emails in the order
    // of the events that caused them (two workers could send a later event's email first).
    concurrency: 1,
    pollIntervalMs: 100,
  });
});
afterAll(() => runner.stop());

/**
 * Delivers one signed event, then lets the emails it queued go out: events arrive minutes apart in life,
 * and an email job checks that its news still holds when it runs (a payment-failed email whose
 * subscription was canceled meanwhile is not sent), so the next event waits for them.
 */
async function deliver(body: string) {
  const request = new Request(`${ORIGIN}/api/billing/webhooks/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'keel-signature': signLocalPayload(body) },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ provider: 'local' }) });
  expect(response.status).toBe(200);
  const { outcomes } = (await response.json()) as { outcomes: string[] };
  await drained();
  return outcomes;
}

/** Waits until no billing email job is waiting or running. */
const drained = () =>
  eventually(
    async () =>
      (
        await db.execute<{ count: number }>(
          sql`select count(*)::int as count from graphile_worker.jobs
              where task_identifier = 'billing.send-email' and attempts < max_attempts`,
        )
      ).rows[0]!.count === 0,
  );

/** The subjects of the emails each address received, in order. */
async function inboxes(...addresses: string[]) {
  await drained();
  const messages = await db.select().from(devMailboxMessages).orderBy(devMailboxMessages.createdAt);
  return addresses.map((address) =>
    messages.filter((message) => message.to.includes(address)).map((message) => message.subject),
  );
}

interface World {
  organization: TestOrganization;
  customerId: string;
  subscriptionId: string;
  /** Spanish-speaking owner, English-speaking admin, and a member (who has no billing.manage). */
  owner: string;
  ownerId: string;
  admin: string;
  member: string;
  clock: number;
}

async function world(): Promise<World> {
  const [owner, admin, member] = await Promise.all([insertUser(), insertUser(), insertUser()]);
  await db.update(users).set({ locale: 'es' }).where(eq(users.id, owner.id));
  await db.update(users).set({ locale: 'en' }).where(eq(users.id, admin.id));
  const organization = await makeOrganization([
    [owner, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
  ]);
  const started = await startCheckout({
    organizationId: organization.id,
    organizationName: organization.name,
    userId: owner.id,
    planId: 'pro-monthly',
    seats: 3,
    successUrl: `${ORIGIN}/done`,
    cancelUrl: `${ORIGIN}/cancel`,
  });
  if (!started.ok) throw new Error(started.reason);
  const [customer] = await db
    .select()
    .from(billingCustomers)
    .where(eq(billingCustomers.organizationId, organization.id));
  return {
    organization,
    customerId: customer!.providerCustomerId,
    subscriptionId: `sub_test_${organization.id}`,
    owner: owner.email,
    ownerId: owner.id,
    admin: admin.email,
    member: member.email,
    clock: Date.UTC(2026, 11, 1),
  };
}

interface State {
  status: string;
  periodStart?: Date;
  periodEnd?: Date;
  trialEnd?: Date | null;
  cancelAtPeriodEnd?: boolean;
  canceledAt?: Date | null;
}

/** The provider's next event about the world's subscription, a minute after the previous one. */
function event(w: World, state: State, type = 'subscription.updated') {
  w.clock += 60_000;
  const periodStart = state.periodStart ?? new Date(Date.UTC(2026, 11, 1));
  return JSON.stringify({
    id: `evt_${w.subscriptionId}_${w.clock}`,
    type,
    created: new Date(w.clock).toISOString(),
    data: {
      object: {
        id: w.subscriptionId,
        customer: w.customerId,
        status: state.status,
        plan: 'pro-monthly',
        seats: 3,
        period_start: periodStart.toISOString(),
        period_end: (state.periodEnd ?? new Date(periodStart.getTime() + 31 * DAY)).toISOString(),
        trial_end: state.trialEnd?.toISOString() ?? null,
        cancel_at_period_end: state.cancelAtPeriodEnd ?? false,
        canceled_at: state.canceledAt?.toISOString() ?? null,
        updated_at: new Date(w.clock).toISOString(),
      },
    },
  });
}

async function stateOf(w: World) {
  const [row] = await db
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.providerSubscriptionId, w.subscriptionId));
  return row!;
}

/** A time as PostgreSQL writes a timestamptz in UTC ("2026-12-18 04:47:39.286+00"). */
const pgTime = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.?0*Z$/, '+00');

const trialReminders = async (w: World) =>
  db.execute<{ run_at: string; key: string }>(
    sql`select run_at::text as run_at, key from graphile_worker.jobs
        where task_identifier = 'billing.remind-trial-ending' and key = ${`billing.trial-reminder:${(await stateOf(w)).id}`}`,
  );

describe('a trial', () => {
  it('queues its reminder three days before it ends, replaced when the end moves, and sends it in each language', async () => {
    const w = await world();
    const subscriptionKey = async () => `billing.trial-reminder:${(await stateOf(w)).id}`;
    const firstEnd = new Date(Date.now() + 14 * DAY);
    expect(await deliver(event(w, { status: 'trialing', trialEnd: firstEnd }, 'subscription.created'))).toEqual([
      'applied',
    ]);
    expect((await stateOf(w)).status).toBe('trialing');
    let reminders = (await trialReminders(w)).rows;
    // The key is per subscription (its Keel id): one reminder, due three days before the end.
    expect(reminders).toEqual([{ key: await subscriptionKey(), run_at: pgTime(firstEnd.getTime() - 3 * DAY) }]);

    const laterEnd = new Date(Date.now() + 20 * DAY);
    await deliver(event(w, { status: 'trialing', trialEnd: laterEnd }));
    reminders = (await trialReminders(w)).rows;
    expect(reminders).toEqual([{ key: await subscriptionKey(), run_at: pgTime(laterEnd.getTime() - 3 * DAY) }]);

    // Its time comes (moved to now): the billing managers hear, each in their language; the member does not.
    await db.execute(
      sql`update graphile_worker._private_jobs set run_at = now() where key = ${await subscriptionKey()}`,
    );
    const [owner, admin] = await eventually(async () => {
      const boxes = await inboxes(w.owner, w.admin);
      return boxes.every((box) => box.length > 0) && boxes;
    });
    expect(owner).toEqual([expect.stringMatching(/^Tu prueba de Pro termina el \d+ de diciembre de 2026 — Keel$/)]);
    expect(admin).toEqual([expect.stringMatching(/^Your Pro trial ends on December \d+, 2026 — Keel$/)]);
    expect(await inboxes(w.member)).toEqual([[]]);
    const [mail] = await db
      .select()
      .from(devMailboxMessages)
      .where(sql`${devMailboxMessages.to} ? ${w.admin}`);
    expect(mail!.text).toContain(`${ORIGIN}/dashboard/${w.organization.slug}/billing`);
  });

  it('that ends in a payment becomes active with a receipt, and its reminder no longer sends', async () => {
    const w = await world();
    await deliver(event(w, { status: 'trialing', trialEnd: new Date(Date.now() + 10 * DAY) }, 'subscription.created'));
    const active = event(w, { status: 'active' });
    expect(await deliver(active)).toEqual(['applied']);
    expect((await deliver(active))[0]).toBe('duplicate');
    expect((await stateOf(w)).status).toBe('active');
    const key = `billing.trial-reminder:${(await stateOf(w)).id}`;
    await db.execute(sql`update graphile_worker._private_jobs set run_at = now() where key = ${key}`);
    await eventually(async () => (await trialReminders(w)).rows.length === 0);
    expect(await inboxes(w.owner, w.admin, w.member)).toEqual([
      ['Recibo de Pro — ' + w.organization.name],
      ['Receipt for Pro — ' + w.organization.name],
      [],
    ]);
    const [mail] = await db
      .select()
      .from(devMailboxMessages)
      .where(sql`${devMailboxMessages.to} ? ${w.admin}`);
    expect(mail!.text).toContain('$36.00');
  });
});

describe('a paying subscription', () => {
  it('whose payment fails goes past due and says so once, then recovers with a receipt', async () => {
    const w = await world();
    await deliver(event(w, { status: 'active' }, 'subscription.created'));
    const failed = event(w, { status: 'past_due' });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliver(failed)));
    expect(outcomes.flat().filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect((await stateOf(w)).status).toBe('past_due');
    // A second failed retry while still past due is not news.
    await deliver(event(w, { status: 'past_due' }));
    const failedSubjects = [
      `Un pago de ${w.organization.name} no se ha podido cobrar — Keel`,
      `A payment for ${w.organization.name} did not go through — Keel`,
    ];
    expect(await inboxes(w.owner, w.admin)).toEqual([
      [`Recibo de Pro — ${w.organization.name}`, failedSubjects[0]],
      [`Receipt for Pro — ${w.organization.name}`, failedSubjects[1]],
    ]);

    await deliver(event(w, { status: 'active' }));
    expect((await stateOf(w)).status).toBe('active');
    expect((await inboxes(w.owner, w.admin, w.member)).map((box) => box.length)).toEqual([3, 3, 0]);
    expect((await inboxes(w.admin))[0]!.at(-1)).toBe(`Receipt for Pro — ${w.organization.name}`);
  });

  it('that stays unpaid is canceled, with the canceled email', async () => {
    const w = await world();
    await deliver(event(w, { status: 'active' }, 'subscription.created'));
    await deliver(event(w, { status: 'past_due' }));
    const end = new Date(w.clock + 120_000);
    await deliver(event(w, { status: 'canceled', canceledAt: end }, 'subscription.deleted'));
    expect(await stateOf(w)).toMatchObject({ status: 'canceled', canceledAt: end });
    expect((await inboxes(w.admin))[0]).toEqual([
      `Receipt for Pro — ${w.organization.name}`,
      `A payment for ${w.organization.name} did not go through — Keel`,
      `The Pro subscription of ${w.organization.name} has ended — Keel`,
    ]);
    expect((await inboxes(w.owner))[0]!.at(-1)).toBe(
      `La suscripción Pro de ${w.organization.name} ha terminado — Keel`,
    );
  });

  it('canceled at period end stays active and quiet until the period ends, then ends with one email', async () => {
    const w = await world();
    await deliver(event(w, { status: 'active' }, 'subscription.created'));
    await deliver(event(w, { status: 'active', cancelAtPeriodEnd: true }));
    expect(await stateOf(w)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect((await inboxes(w.admin))[0]).toHaveLength(1);
    await deliver(event(w, { status: 'canceled', cancelAtPeriodEnd: true, canceledAt: new Date(w.clock) }));
    expect(await stateOf(w)).toMatchObject({ status: 'canceled' });
    // Later news about a canceled subscription is not a second ending.
    await deliver(event(w, { status: 'canceled', cancelAtPeriodEnd: false, canceledAt: new Date(w.clock) }));
    expect((await inboxes(w.admin))[0]).toEqual([
      `Receipt for Pro — ${w.organization.name}`,
      `The Pro subscription of ${w.organization.name} has ended — Keel`,
    ]);
  });

  it('renews with a receipt for the new period', async () => {
    const w = await world();
    await deliver(event(w, { status: 'active' }, 'subscription.created'));
    // Seats change mid-period: no receipt.
    await deliver(event(w, { status: 'active' }));
    const next = new Date(Date.UTC(2027, 0, 1));
    await deliver(event(w, { status: 'active', periodStart: next, periodEnd: new Date(Date.UTC(2027, 1, 1)) }));
    expect((await stateOf(w)).periodStartsAt).toEqual(next);
    const [admin] = await inboxes(w.admin);
    expect(admin).toEqual([`Receipt for Pro — ${w.organization.name}`, `Receipt for Pro — ${w.organization.name}`]);
    const mails = await db
      .select()
      .from(devMailboxMessages)
      .where(sql`${devMailboxMessages.to} ? ${w.admin}`);
    expect(mails.some((mail) => mail.text.includes('February 1, 2027'))).toBe(true);
  });

  it('paused or unpaid is stored as such: unpaid is a failed payment, a pause is not', async () => {
    const w = await world();
    await deliver(event(w, { status: 'active' }, 'subscription.created'));
    await deliver(event(w, { status: 'paused' }));
    expect((await stateOf(w)).status).toBe('paused');
    expect((await inboxes(w.admin))[0]).toHaveLength(1);
    await deliver(event(w, { status: 'unpaid' }));
    expect((await stateOf(w)).status).toBe('unpaid');
    expect((await inboxes(w.admin))[0]!.at(-1)).toBe(`A payment for ${w.organization.name} did not go through — Keel`);
  });
});

describe('a one-off order', () => {
  it('that is paid sends its receipt once, with the amount', async () => {
    const w = await world();
    const order = JSON.stringify({
      id: `evt_order_${w.organization.id}`,
      type: 'order.paid',
      created: new Date().toISOString(),
      data: {
        object: {
          id: `ord_test_${w.organization.id}`,
          customer: w.customerId,
          plan: 'onboarding-once',
          status: 'paid',
          total_amount: 49900,
          currency: 'usd',
          updated_at: new Date().toISOString(),
        },
      },
    });
    expect(await deliver(order)).toEqual(['applied']);
    expect(await deliver(order)).toEqual(['duplicate']);
    const [owner, admin, member] = await inboxes(w.owner, w.admin, w.member);
    expect(admin).toEqual([`Your order of Guided onboarding — ${w.organization.name}`]);
    expect(owner).toEqual([`Tu pedido de Puesta en marcha guiada — ${w.organization.name}`]);
    expect(member).toEqual([]);
    const [mail] = await db
      .select()
      .from(devMailboxMessages)
      .where(sql`${devMailboxMessages.to} ? ${w.admin}`);
    expect(mail!.text).toContain('$499.00');
  });

  it('of an add-on grants its entitlements while paid, and no longer once refunded', async () => {
    const w = await world();
    const guided = () =>
      withTenant({ userId: w.ownerId, organizationId: w.organization.id }, async (tx) =>
        hasFeature(await getOrganizationSubscription(tx, w.organization.id), 'guided-onboarding'),
      );
    const order = (status: 'paid' | 'refunded', minutes: number) =>
      JSON.stringify({
        id: `evt_order_${status}_${w.organization.id}`,
        type: `order.${status}`,
        created: new Date(Date.now() + minutes * 60_000).toISOString(),
        data: {
          object: {
            id: `ord_addon_${w.organization.id}`,
            customer: w.customerId,
            plan: 'onboarding-once',
            status,
            total_amount: 49900,
            currency: 'usd',
            updated_at: new Date(Date.now() + minutes * 60_000).toISOString(),
          },
        },
      });
    expect(await guided()).toBe(false);
    expect(await deliver(order('paid', 0))).toEqual(['applied']);
    expect(await guided()).toBe(true);
    expect(await deliver(order('refunded', 1))).toEqual(['applied']);
    expect(await guided()).toBe(false);
  });
});
