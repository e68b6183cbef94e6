import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findPlan, localGateway, PlanLimitReachedError, reportUsage, syncSeats } from '@/features/billing/server';
import {
  billingCustomers,
  billingSubscriptionItems,
  billingSubscriptions,
  billingUsageRecords,
  localGatewaySubscriptions,
} from '@/features/billing/server/schema';
import {
  acceptInvitation,
  deleteOrganization,
  deleteOrganizationAction,
  inviteMembers,
  inviteMembersAction,
  removeMember,
} from '@/features/organizations/server';
import { invitations, members, organizations } from '@/features/organizations/server/schema';
import { createTask, createTaskAction } from '@/features/tasks/server';
import { tasks } from '@/features/tasks/server/schema';
import { appConfig } from '@/platform/config/app-config';
import { getServerConfig } from '@/platform/config/server-config';
import { db } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { logger } from '@/platform/logger';
import { expectRefusal, insertUser, makeOrganization } from '../../support/organizations';
import { createVerifiedUser, type TestUser } from '../../support/users';

/**
 * Plan limits, seats, metered usage and deleting an organization, through the real code paths
 * (task creation, invitations, deletion): every limit under concurrency, in the user's language.
 */

const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock('next/cache', () => cache);

const hex = () => randomBytes(6).toString('hex');
const jobContext = { attempt: 1, maxAttempts: 10, jobId: 'test', logger };

/**
 * The organization subscribed to `planId` at the local gateway, as a processed checkout leaves it: the
 * gateway's own subscription (unless `knownToGateway` is false) and Keel's copy with its line items.
 */
async function subscribe(organizationId: string, planId: string, seats = 1, knownToGateway = true) {
  const { product, plan } = findPlan(planId)!;
  const providerCustomerId = `cus_local_${hex()}`;
  const providerSubscriptionId = `sub_local_${hex()}`;
  const periodStartsAt = new Date();
  const periodEndsAt = new Date(Date.now() + 30 * 86_400_000);
  if (knownToGateway) {
    await db.insert(localGatewaySubscriptions).values({
      id: providerSubscriptionId,
      customerId: providerCustomerId,
      planId,
      status: 'active',
      seats,
      periodStartsAt,
      periodEndsAt,
    });
  }
  const [customer] = await db
    .insert(billingCustomers)
    .values({ organizationId, provider: 'local', providerCustomerId })
    .returning();
  const [subscription] = await db
    .insert(billingSubscriptions)
    .values({
      organizationId,
      customerId: customer!.id,
      provider: 'local',
      providerSubscriptionId,
      status: 'active',
      productId: product.id,
      planId,
      currency: plan.currency,
      periodStartsAt,
      periodEndsAt,
      providerUpdatedAt: new Date(),
    })
    .returning();
  await db.insert(billingSubscriptionItems).values(
    plan.lineItems.map((item) => ({
      organizationId,
      subscriptionId: subscription!.id,
      lineItemId: item.id,
      type: item.type,
      quantity: item.type === 'per_seat' ? seats : 1,
    })),
  );
  return { ...subscription!, providerSubscriptionId };
}

const gatewaySeats = async (providerSubscriptionId: string) =>
  (
    await db.select().from(localGatewaySubscriptions).where(eq(localGatewaySubscriptions.id, providerSubscriptionId))
  )[0]!;

/** Settles every promise and counts the outcomes; every refusal must be a PlanLimitReachedError of `limit`. */
async function race(work: (() => Promise<unknown>)[], limit: string) {
  const results = await together(work);
  const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  for (const reason of refusals) {
    expect(reason).toBeInstanceOf(PlanLimitReachedError);
    expect((reason as PlanLimitReachedError).limit).toBe(limit);
  }
  return results.length - refusals.length;
}

/**
 * Starts `work` while a lock on the members table holds every transaction at its membership check, and
 * releases them together once they all wait there: otherwise the first could commit before the next
 * connection is even open, and no race would be tried.
 */
async function together<T>(work: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const waiting = Math.min(work.length, getServerConfig().databasePoolMax - 1);
  let locked!: () => void;
  let release!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holder = db.transaction(async (tx) => {
    await tx.execute(sql`lock table members in access exclusive mode`);
    locked();
    await released;
  });
  await isLocked;
  const results = Promise.allSettled(work.map((run) => run()));
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await watcher.connect();
  try {
    for (let tries = 0; tries < 400; tries++) {
      const { rows } = await watcher.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
      );
      if (rows[0]!.n >= waiting) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await watcher.end();
  }
  release();
  await holder;
  return results;
}

let owner: TestUser;
/** Signed in, reads Spanish. */
let member: TestUser;
beforeAll(async () => {
  [owner, member] = await Promise.all([
    createVerifiedUser({ name: 'Lina Limits' }),
    createVerifiedUser({ name: 'Mateo Miembro', locale: 'es' }),
  ]);
});

afterEach(() => {
  appConfig.billing.seatsBeyondPaid = 'raise-quantity';
  vi.restoreAllMocks();
});

const fields = { title: 'One more', description: '', status: 'todo', priority: 'medium', dueDate: '' } as const;

describe('the tasks limit of the free plan (100)', () => {
  it('lets exactly one of twenty simultaneous task creations through at 99', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await db
      .insert(tasks)
      .values(Array.from({ length: 99 }, (_, index) => ({ organizationId: organization.id, title: `Task ${index}` })));
    const scope = { userId: owner.id, organizationId: organization.id };
    const created = await race(
      Array.from({ length: 20 }, () => () => createTask(scope, { ...fields, assigneeId: null, dueDate: null })),
      'tasks',
    );
    expect(created).toBe(1);
    expect(await db.$count(tasks, eq(tasks.organizationId, organization.id))).toBe(100);
  });

  it('refuses the 101st task through the action in the member’s language, pointing to an upgrade', async () => {
    const organization = await makeOrganization([
      [owner, 'owner'],
      [member, 'member'],
    ]);
    await db
      .insert(tasks)
      .values(Array.from({ length: 100 }, (_, index) => ({ organizationId: organization.id, title: `Task ${index}` })));
    const outcome = await member.visitor.run(createTaskAction, { organizationId: organization.id, ...fields });
    expectRefusal(outcome, 'PLAN_UPGRADE_REQUIRED', { key: 'planLimits.tasks', values: { max: 100 }, locale: 'es' });
    expect(outcome).toMatchObject({
      error: { status: 402, message: 'Tu plan permite 100 tareas. Cambia de plan para añadir más.' },
    });
    expect(await db.$count(tasks, eq(tasks.organizationId, organization.id))).toBe(100);
  });

  it('does not hold on a plan without the limit', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'pro-monthly', 1);
    await db
      .insert(tasks)
      .values(Array.from({ length: 100 }, (_, index) => ({ organizationId: organization.id, title: `Task ${index}` })));
    const outcome = await owner.visitor.run(createTaskAction, { organizationId: organization.id, ...fields });
    expect(outcome).toMatchObject({ redirect: expect.stringContaining(`/dashboard/${organization.slug}/tasks/`) });
  });
});

describe('the members limit of the free plan (3, counting open invitations)', () => {
  it('refuses an invitation beyond it, in the inviter’s language, and writes nothing', async () => {
    const listed = await insertUser();
    const organization = await makeOrganization([
      [owner, 'owner'],
      [listed, 'member'],
    ]);
    await inviteMembers(
      { userId: owner.id, organizationId: organization.id },
      { emails: ['one@example.com'], role: 'member' },
      'en',
    );
    const outcome = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: 'two@example.com',
      role: 'member',
    });
    expectRefusal(outcome, 'PLAN_UPGRADE_REQUIRED', { key: 'planLimits.members', values: { max: 3 } });
    expect(await db.$count(invitations, eq(invitations.organizationId, organization.id))).toBe(1);
    // Renewing an open invitation adds nobody: allowed at the limit.
    await expect(
      inviteMembers(
        { userId: owner.id, organizationId: organization.id },
        { emails: ['one@example.com'], role: 'member' },
        'en',
      ),
    ).resolves.toEqual({ invited: ['one@example.com'] });
  });

  it('lets exactly two of ten simultaneous invitations through with one member', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const scope = { userId: owner.id, organizationId: organization.id };
    const invited = await race(
      Array.from(
        { length: 10 },
        (_, index) => () =>
          inviteMembers(scope, { emails: [`racer-${index}-${hex()}@example.com`], role: 'member' }, 'en'),
      ),
      'members',
    );
    expect(invited).toBe(2);
    expect(await db.$count(invitations, eq(invitations.organizationId, organization.id))).toBe(2);
  });

  it('refuses accepting an invitation when the organization filled up meanwhile', async () => {
    const [a, b] = await Promise.all([insertUser(), insertUser()]);
    const joiner = await insertUser({ emailVerified: true });
    const organization = await makeOrganization([
      [owner, 'owner'],
      [a, 'member'],
      [b, 'member'],
    ]);
    // Made when there was room (or on a bigger plan): the limit counts again when it is accepted.
    const [invitation] = await db
      .insert(invitations)
      .values({
        organizationId: organization.id,
        email: joiner.email,
        role: 'member',
        inviterId: owner.id,
        tokenHash: hex(),
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    await expect(
      acceptInvitation({ id: joiner.id, email: joiner.email, emailVerified: true }, { invitationId: invitation!.id }),
    ).rejects.toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED', limit: 'members', max: 3 });
    expect(await db.$count(members, eq(members.organizationId, organization.id))).toBe(3);
  });
});

describe('seats of a per-seat plan', () => {
  it('refuses inviting beyond the paid seats when configured to, even ten at once', async () => {
    appConfig.billing.seatsBeyondPaid = 'refuse';
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'pro-monthly', 3);
    const scope = { userId: owner.id, organizationId: organization.id };
    const invited = await race(
      Array.from(
        { length: 10 },
        (_, index) => () =>
          inviteMembers(scope, { emails: [`seat-${index}-${hex()}@example.com`], role: 'member' }, 'en'),
      ),
      'seats',
    );
    expect(invited).toBe(2);
    const outcome = await owner.visitor.run(inviteMembersAction, {
      organizationId: organization.id,
      emails: 'late@example.com',
      role: 'member',
    });
    expectRefusal(outcome, 'PLAN_UPGRADE_REQUIRED', { key: 'planLimits.seats', values: { max: 3 } });
  });

  it('raises the seats at the gateway when a member joins beyond them, by one job per organization', async () => {
    const joiner = await insertUser();
    const organization = await makeOrganization([[owner, 'owner']]);
    const subscription = await subscribe(organization.id, 'pro-monthly', 1);
    await inviteMembers(
      { userId: owner.id, organizationId: organization.id },
      { emails: [joiner.email], role: 'member' },
      'en',
    );
    const [invitation] = await db.select().from(invitations).where(eq(invitations.organizationId, organization.id));
    await acceptInvitation(
      { id: joiner.id, email: joiner.email, emailVerified: true },
      { invitationId: invitation!.id },
    );
    const queued = await db.execute<{ key: string; payload: { organizationId: string } }>(
      sql`select key, payload from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = 'billing.sync-seats')`,
    );
    expect(queued.rows.filter((row) => row.payload.organizationId === organization.id)).toEqual([
      { key: `billing.sync-seats:${organization.id}`, payload: { organizationId: organization.id } },
    ]);
    const updateSeats = vi.spyOn(localGateway, 'updateSeats');
    await syncSeats.run({ organizationId: organization.id }, jobContext);
    expect((await gatewaySeats(subscription.providerSubscriptionId)).seats).toBe(2);
    expect(updateSeats).toHaveBeenCalledTimes(1);
    // A member leaving lowers them again (never below the line item's minimum of 1).
    const [joined] = await db.select().from(members).where(eq(members.userId, joiner.id));
    await removeMember({ userId: owner.id, organizationId: organization.id }, joined!.id);
    await syncSeats.run({ organizationId: organization.id }, jobContext);
    expect((await gatewaySeats(subscription.providerSubscriptionId)).seats).toBe(1);
  });

  it('changes nothing when the job runs again with the seats already right', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'pro-monthly', 1);
    const updateSeats = vi.spyOn(localGateway, 'updateSeats');
    await syncSeats.run({ organizationId: organization.id }, jobContext);
    await syncSeats.run({ organizationId: organization.id }, jobContext);
    expect(updateSeats).not.toHaveBeenCalled();
  });
});

describe('deleting an organization', () => {
  it('cancels its subscription at the gateway first', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    const subscription = await subscribe(organization.id, 'pro-monthly', 1);
    await deleteOrganization({ userId: owner.id, organizationId: organization.id }, organization.name);
    expect((await gatewaySeats(subscription.providerSubscriptionId)).status).toBe('canceled');
    expect(await db.$count(organizations, eq(organizations.id, organization.id))).toBe(0);
  });

  it('stops, deleting nothing, when the gateway refuses — and says so in the owner’s language', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    // A subscription id the local gateway does not know: cancelling it throws.
    await subscribe(organization.id, 'pro-monthly', 1, false);
    const outcome = await owner.visitor.run(deleteOrganizationAction, {
      organizationId: organization.id,
      confirmation: organization.name,
      password: owner.password,
    });
    expectRefusal(outcome, 'BILLING_PROVIDER_FAILED', {
      key: 'planLimits.cancelFailed',
      values: { provider: 'Keel Local' },
    });
    expect(outcome).toMatchObject({
      error: {
        message:
          'We could not cancel the subscription at Keel Local; nothing was deleted. Try again or contact support.',
      },
    });
    expect(await db.$count(organizations, eq(organizations.id, organization.id))).toBe(1);
    expect(await db.$count(billingSubscriptions, eq(billingSubscriptions.organizationId, organization.id))).toBe(1);
  });
});

describe('metered usage (the legacy team-2025 plan bills each task created)', () => {
  it('records one unit per task in its transaction, and the report job sends each once however often it runs', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'team-2025-monthly');
    const scope = { userId: owner.id, organizationId: organization.id };
    const created = await Promise.all(
      [1, 2, 3].map(() => createTask(scope, { ...fields, assigneeId: null, dueDate: null })),
    );
    const records = await db
      .select()
      .from(billingUsageRecords)
      .where(eq(billingUsageRecords.organizationId, organization.id));
    expect(records.map((record) => record.idempotencyKey).sort()).toEqual(created.map((task) => task.id).sort());
    expect(
      records.every((record) => record.lineItemId === 'tasks' && record.quantity === 1 && !record.reportedAt),
    ).toBe(true);

    const reported = vi.spyOn(localGateway, 'reportUsage');
    await Promise.all([reportUsage.run({}, jobContext), reportUsage.run({}, jobContext)]);
    await reportUsage.run({}, jobContext);
    const mine = reported.mock.calls.filter(([call]) => records.some((record) => record.id === call.idempotencyKey));
    expect(mine).toHaveLength(3);
    const after = await db
      .select()
      .from(billingUsageRecords)
      .where(eq(billingUsageRecords.organizationId, organization.id));
    expect(after.every((record) => record.reportedAt !== null)).toBe(true);
  });

  it('records nothing on a plan without a metered item', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'pro-monthly', 1);
    await createTask(
      { userId: owner.id, organizationId: organization.id },
      { ...fields, assigneeId: null, dueDate: null },
    );
    expect(await db.$count(billingUsageRecords, eq(billingUsageRecords.organizationId, organization.id))).toBe(0);
  });

  it('keeps the records of a batch unreported when the gateway fails, to send them next time', async () => {
    const organization = await makeOrganization([[owner, 'owner']]);
    await subscribe(organization.id, 'team-2025-monthly');
    await createTask(
      { userId: owner.id, organizationId: organization.id },
      { ...fields, assigneeId: null, dueDate: null },
    );
    vi.spyOn(localGateway, 'reportUsage').mockRejectedValueOnce(new AppError('BILLING_PROVIDER_FAILED'));
    await expect(reportUsage.run({}, jobContext)).rejects.toThrow();
    expect(
      await db.$count(
        billingUsageRecords,
        sql`${billingUsageRecords.organizationId} = ${organization.id} and ${billingUsageRecords.reportedAt} is null`,
      ),
    ).toBe(1);
    await reportUsage.run({}, jobContext);
    expect(
      await db.$count(
        billingUsageRecords,
        sql`${billingUsageRecords.organizationId} = ${organization.id} and ${billingUsageRecords.reportedAt} is null`,
      ),
    ).toBe(0);
  });
});
