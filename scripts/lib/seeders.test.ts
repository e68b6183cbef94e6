import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getAuth } from '../../src/features/auth/server';
import { users } from '../../src/features/auth/server/schema';
import { DEMO_USER } from '../../src/features/auth/server/seed';
import {
  billingCustomers,
  billingSubscriptionItems,
  billingSubscriptions,
  billingWebhookEvents,
  localGatewaySubscriptions,
} from '../../src/features/billing/server/schema';
import { contactRequests } from '../../src/features/contact/server/schema';
import { listInvitations, listMembers, listOrganizationsOfUser } from '../../src/features/organizations/server';
import { invitations, members } from '../../src/features/organizations/server/schema';
import { OPEN_TASK_STATUSES, TASK_PRIORITIES, TASK_STATUSES } from '../../src/features/tasks';
import { tasks } from '../../src/features/tasks/server/schema';
import { db } from '../../src/platform/db/client';
import { runSeeders, type Seeder } from '../../src/platform/db/seed';
import { seeders } from './seeders';

describe('seeding', () => {
  it('is idempotent: running it twice leaves the same demo data', async () => {
    const first = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(first).toContain('contact: 2 new contact request(s), 0 already present');
    expect(first).toContain('tasks: acme 300 new, 0 already present, globex 60 new, 0 already present');
    const counts = async () => ({
      contact: (await db.select({ n: count() }).from(contactRequests))[0]?.n,
      tasks: (await db.select({ n: count() }).from(tasks))[0]?.n,
      members: (await db.select({ n: count() }).from(members))[0]?.n,
      invitations: (await db.select({ n: count() }).from(invitations))[0]?.n,
    });
    const before = await counts();
    const second = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(second).toContain('contact: 0 new contact request(s), 2 already present');
    expect(second).toContain('organizations: Acme and Globex already present');
    expect(second).toContain('tasks: acme 0 new, 300 already present, globex 0 new, 60 already present');
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ contact: 2, tasks: 360, members: 5, invitations: 2 });
  });

  it('creates a demo user who can sign in with the printed password', async () => {
    const summary = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(summary).toMatch(/accounts: (sign in as demo@keel\.dev|demo@keel\.dev already present)/);
    const { headers } = await getAuth().api.signInEmail({
      body: { email: DEMO_USER.email, password: DEMO_USER.password },
      returnHeaders: true,
    });
    expect(headers.get('set-cookie')).toContain('keel.session_token=');
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
    expect(demo).toMatchObject({ emailVerified: true, name: DEMO_USER.name });
    expect(demo?.onboardedAt).toBeInstanceOf(Date);
  });

  it('gives the demo user an organization with a member in every role and open invitations in two roles, and one they belong to', async () => {
    await runSeeders(process.env.DATABASE_URL!, seeders);
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
    const theirs = await listOrganizationsOfUser(demo!.id);
    expect(theirs.map((organization) => [organization.slug, organization.role])).toEqual([
      ['acme', 'owner'],
      ['globex', 'member'],
    ]);
    const acme = theirs[0]!.id;
    const roles = (await listMembers({ userId: demo!.id, organizationId: acme })).members.map((member) => member.role);
    expect(roles).toEqual(['owner', 'admin', 'member']);
    const open = await listInvitations({ userId: demo!.id, organizationId: acme });
    expect(open.map((invitation) => [invitation.email, invitation.role, invitation.state]).sort()).toEqual([
      ['new.colleague@example.com', 'member', 'pending'],
      ['ops.lead@example.com', 'admin', 'pending'],
    ]);
  });

  it('fills Acme and Globex with tasks that read like real work: every status, overdue and unassigned ones, several for the demo user', async () => {
    await runSeeders(process.env.DATABASE_URL!, seeders);
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
    const [acme, globex] = await listOrganizationsOfUser(demo!.id);
    const today = new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD, this machine's day, as the seeder counts it
    const ninetyDaysAgo = Date.now() - 91 * 24 * 60 * 60 * 1000;

    const acmeTasks = await db.select().from(tasks).where(eq(tasks.organizationId, acme!.id));
    expect(acmeTasks).toHaveLength(300);
    expect((await db.select({ n: count() }).from(tasks).where(eq(tasks.organizationId, globex!.id)))[0]?.n).toBe(60);

    expect(new Set(acmeTasks.map((task) => task.status))).toEqual(new Set(TASK_STATUSES));
    expect(new Set(acmeTasks.map((task) => task.priority))).toEqual(new Set(TASK_PRIORITIES));
    // Titles vary, and most carry a description.
    expect(new Set(acmeTasks.map((task) => task.title)).size).toBeGreaterThan(150);
    expect(acmeTasks.filter((task) => task.description !== '').length).toBeGreaterThan(150);

    const open = acmeTasks.filter((task) => (OPEN_TASK_STATUSES as readonly string[]).includes(task.status));
    expect(open.filter((task) => task.dueDate !== null && task.dueDate < today).length).toBeGreaterThan(5);
    expect(open.filter((task) => task.dueDate !== null && task.dueDate >= today).length).toBeGreaterThan(5);
    expect(acmeTasks.filter((task) => task.assigneeId === null).length).toBeGreaterThan(10);
    expect(open.filter((task) => task.assigneeId === demo!.id).length).toBeGreaterThan(10);

    const memberIds = new Set(
      (await listMembers({ userId: demo!.id, organizationId: acme!.id })).members.map((member) => member.userId),
    );
    for (const task of acmeTasks) {
      if (task.assigneeId !== null) expect(memberIds).toContain(task.assigneeId);
      expect(task.createdAt.getTime()).toBeGreaterThan(ninetyDaysAgo);
      expect(task.updatedAt.getTime()).toBeGreaterThanOrEqual(task.createdAt.getTime());
      // Never due before the task existed.
      if (task.dueDate !== null) expect(task.dueDate >= task.createdAt.toLocaleDateString('en-CA')).toBe(true);
    }
  });

  it('puts Acme on paid per-seat Pro as a provider would have, and leaves Globex on the free plan', async () => {
    await runSeeders(process.env.DATABASE_URL!, seeders);
    const second = await runSeeders(process.env.DATABASE_URL!, seeders);
    expect(second).toContain('billing: Acme on Pro and Globex on Free already present');
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
    const [acme, globex] = await listOrganizationsOfUser(demo!.id);
    const acmeMembers = (await listMembers({ userId: demo!.id, organizationId: acme!.id })).members.length;

    const subscriptions = await db.select().from(billingSubscriptions);
    expect(subscriptions).toHaveLength(1);
    const [subscription] = subscriptions;
    expect(subscription).toMatchObject({
      organizationId: acme!.id,
      provider: 'local',
      status: 'active',
      productId: 'pro',
      planId: 'pro-monthly',
      cancelAtPeriodEnd: false,
      trialEndsAt: null,
    });
    expect(subscription!.periodEndsAt.getTime()).toBeGreaterThan(Date.now());
    const items = await db
      .select({ lineItemId: billingSubscriptionItems.lineItemId, quantity: billingSubscriptionItems.quantity })
      .from(billingSubscriptionItems)
      .where(eq(billingSubscriptionItems.subscriptionId, subscription!.id));
    expect(items).toEqual([{ lineItemId: 'seats', quantity: acmeMembers }]);

    // Keel's rows agree with the gateway's own records, as a webhook leaves them.
    const [customer] = await db
      .select()
      .from(billingCustomers)
      .where(eq(billingCustomers.id, subscription!.customerId));
    const [theirs] = await db
      .select()
      .from(localGatewaySubscriptions)
      .where(eq(localGatewaySubscriptions.id, subscription!.providerSubscriptionId));
    expect(theirs).toMatchObject({
      customerId: customer!.providerCustomerId,
      status: 'active',
      planId: 'pro-monthly',
      seats: acmeMembers,
      periodEndsAt: subscription!.periodEndsAt,
      updatedAt: subscription!.providerUpdatedAt,
    });
    expect(await db.select({ outcome: billingWebhookEvents.outcome }).from(billingWebhookEvents)).toEqual([
      { outcome: 'applied' },
    ]);
    expect(
      await db.select().from(billingSubscriptions).where(eq(billingSubscriptions.organizationId, globex!.id)),
    ).toEqual([]);
    // Demo data sends no email.
    const queued = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from graphile_worker.jobs where task_identifier like 'billing.%'`,
    );
    expect(queued.rows[0]!.count).toBe(0);
  });

  it('writes nothing when one seeder fails', async () => {
    const before = (await db.select({ n: count() }).from(contactRequests))[0]?.n;
    const failing: Seeder = {
      name: 'broken',
      run: async () => {
        throw new Error('seed data is inconsistent');
      },
    };
    const writer: Seeder = {
      name: 'writer',
      run: async (tx) => {
        await tx
          .insert(contactRequests)
          .values({ name: 'Half', email: 'half@example.com', message: 'written before the failure', locale: 'en' });
        return 'one row';
      },
    };
    await expect(runSeeders(process.env.DATABASE_URL!, [writer, failing])).rejects.toThrow('seed data is inconsistent');
    expect((await db.select({ n: count() }).from(contactRequests))[0]?.n).toBe(before);
  });
});
