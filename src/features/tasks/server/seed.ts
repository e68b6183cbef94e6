import { asc, eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { users } from '@/features/auth/server/schema';
import { members, organizations } from '@/features/organizations/server/schema';
import type { Seeder } from '@/platform/db/seed';
import { TASK_PRIORITIES, type TaskPriority, type TaskStatus } from '../task-fields';
import { tasks } from './schema';

/*
 * Demo tasks for Acme and Globex (created by the organizations seeder): a few
 * hundred rows that read like a real team's work, so the list, its filters,
 * sorts and pages have something to show. Every value comes from a seeded
 * pseudo-random sequence, and every task has a fixed id, so a second run
 * inserts nothing. Dates are placed around the day the seed runs: some tasks
 * are overdue, some due this week, most created over the last 90 days.
 */

const DEMO_EMAIL = 'demo@keel.dev';
const DAY = 24 * 60 * 60 * 1000;

interface OrganizationPlan {
  slug: string;
  count: number;
  /** Distinguishes this organization's fixed ids: 00000000-0000-4000-8000-0000000<prefix><index>. */
  idPrefix: string;
  seed: number;
}

const PLANS: OrganizationPlan[] = [
  { slug: 'acme', count: 300, idPrefix: 'd', seed: 0xac3e },
  { slug: 'globex', count: 60, idPrefix: 'e', seed: 0x610b },
];

/** mulberry32: a tiny, well-mixed PRNG; the same seed gives the same demo data on every machine. */
function randomSequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** One of `items`, chosen with the given weights (same order). */
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let roll = next() * weights.reduce((sum, weight) => sum + weight, 0);
      for (let index = 0; index < items.length; index++) {
        roll -= weights[index]!;
        if (roll < 0) return items[index]!;
      }
      return items.at(-1)!;
    },
  };
}

const CUSTOMERS = [
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Retail',
  'Hooli',
  'Vandelay Imports',
  'Soylent Foods',
  'Cyberdyne',
  'Tyrell Labs',
  'Wonka Sweets',
];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const AREAS = [
  'billing',
  'onboarding',
  'search',
  'the mobile app',
  'the admin area',
  'notifications',
  'reporting',
  'the public API',
  'sign-in',
  'exports',
];
const VERSIONS = ['2.4', '2.5', '2.6', '3.0', '3.1'];

/** Titles with {customer}, {quarter}, {month}, {area} and {version} slots; each is used once per organization. */
const TITLES = [
  'Renew the TLS certificate for the API',
  'Draft the {quarter} board update',
  'Prepare the {month} invoice run',
  'Call {customer} about their renewal',
  'Send {customer} the revised quote',
  'Fix the flaky checkout test in {area}',
  'Write release notes for {version}',
  'Plan the {version} release',
  'Review the pull request for {area}',
  'Update the privacy policy for {area}',
  'Migrate {area} to the new design system',
  'Investigate slow queries in {area}',
  'Add an empty state to {area}',
  'Translate {area} into Spanish',
  'Audit accessibility of {area}',
  'Interview candidates for the support role',
  'Onboard {customer} onto the team plan',
  'Reconcile the {month} Stripe payouts',
  'Book the venue for the {quarter} offsite',
  'Collect feedback from {customer} on {area}',
  'Rotate the database credentials',
  'Upgrade PostgreSQL on staging',
  'Set up alerts for failed webhooks',
  "Archive last year's support tickets",
  'Write the postmortem for the {month} outage',
  'Clean up unused feature flags',
  'Refresh the screenshots on the pricing page',
  'Answer the security questionnaire from {customer}',
  'Benchmark {area} with a million rows',
  'Document the deploy checklist',
  'Order new laptops for the design team',
  'Prepare the demo for {customer}',
  'Fix the date picker in {area} on Safari',
  'Reduce the bundle size of {area}',
  'Run the {quarter} access review',
  'Update the onboarding emails',
  'Check the {month} churn numbers',
  'Renegotiate the hosting contract',
  'Design the new invite flow',
  'Write tests for {area}',
  'Remove the legacy export endpoint',
  'Schedule the {quarter} planning session',
  'Publish the {month} changelog',
  'Move {customer} to annual billing',
  'Triage the bug backlog for {area}',
  'Sketch the dashboard for {area}',
  'Verify backups restore cleanly',
  'Review the {quarter} marketing budget',
  'Fix the typo in the welcome email',
  'Localize currency formats in {area}',
];

const DESCRIPTIONS = [
  'Agreed in the weekly sync. Keep it small: one pull request if possible.',
  'The customer asked twice already; reply before Friday.',
  'Notes from the last attempt are in the shared drive under Ops.',
  'Blocked until legal signs off on the wording.',
  'Pair with whoever is on support this week.',
  'Steps:\n1. Reproduce on staging\n2. Write a failing test\n3. Fix and deploy',
  'Low effort, high visibility. A good first task for a new teammate.',
  'Check the numbers against last quarter before sending anything out.',
  'Split into smaller tasks if it takes more than two days.',
  'See the thread in #product for the background.',
];

function fillTitle(template: string, random: ReturnType<typeof randomSequence>): string {
  return template
    .replace('{customer}', random.pick(CUSTOMERS))
    .replace('{quarter}', random.pick(QUARTERS))
    .replace('{month}', random.pick(MONTHS))
    .replace('{area}', random.pick(AREAS))
    .replace('{version}', random.pick(VERSIONS));
}

/**
 * `count` different titles for one organization: a real team does not file
 * the same task twice. Drawn from their own sequence, so the other fields of
 * the demo world stay as they were. A template without slots is used once; a
 * draw that repeats a title is drawn again.
 */
function uniqueTitles(plan: OrganizationPlan): string[] {
  const random = randomSequence(plan.seed ^ 0x7171e5);
  const titles = new Set<string>();
  for (let draws = 0; titles.size < plan.count; draws++) {
    if (draws > plan.count * 100) throw new Error(`The seed has too few task titles for ${plan.count} tasks.`);
    titles.add(fillTitle(random.pick(TITLES), random));
  }
  return [...titles];
}

/** Each demo organization's task titles, in seeding order (for tests). */
export function demoTaskTitles(): Record<string, string[]> {
  return Object.fromEntries(PLANS.map((plan) => [plan.slug, uniqueTitles(plan)]));
}

/** A calendar day (YYYY-MM-DD, this machine's time zone) `days` from today. */
function dayFromToday(today: Date, days: number): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function taskId(plan: OrganizationPlan, index: number): string {
  return `00000000-0000-4000-8000-0000000${plan.idPrefix}${(index + 1).toString(16).padStart(4, '0')}`;
}

type NewTask = typeof tasks.$inferInsert;

/** The plan's tasks, from its seed: the same list on every run (dates relative to `now`). */
function demoTasks(
  plan: OrganizationPlan,
  organizationId: string,
  memberIds: string[],
  demoUserId: string,
  now: Date,
): NewTask[] {
  const random = randomSequence(plan.seed);
  const titles = uniqueTitles(plan);
  const others = memberIds.filter((id) => id !== demoUserId);
  const rows: NewTask[] = [];
  for (let index = 0; index < plan.count; index++) {
    const ageDays = random.next() * 90;
    const createdAt = new Date(now.getTime() - ageDays * DAY - random.integer(0, 3600) * 1000);
    const old = ageDays > 45;
    const status = random.weighted<TaskStatus>(
      ['todo', 'in_progress', 'done', 'canceled'],
      old ? [25, 10, 55, 10] : [50, 25, 20, 5],
    );
    const open = status === 'todo' || status === 'in_progress';
    const priority = random.weighted<TaskPriority>(TASK_PRIORITIES, [25, 45, 22, 8]);
    // Open work is due from two weeks ago (overdue) to six weeks ahead, finished work within a month of its
    // creation; never before the task existed.
    const createdDaysAgo = Math.floor(ageDays);
    const dueInDays = open
      ? Math.max(random.integer(-14, 45), -createdDaysAgo + random.integer(3, 20))
      : -createdDaysAgo + random.integer(0, 30);
    const dueDate = random.next() < 0.8 ? dayFromToday(now, dueInDays) : null;
    // Some unassigned; of the rest, a good share for the demo user, so "my open tasks" has rows.
    const assigneeRoll = random.next();
    const assigneeId =
      assigneeRoll < 0.15 ? null : assigneeRoll < 0.5 || others.length === 0 ? demoUserId : random.pick(others);
    const sinceCreated = now.getTime() - createdAt.getTime();
    const updatedAt = new Date(
      createdAt.getTime() + (open ? random.next() * 0.5 : 0.5 + random.next() * 0.5) * sinceCreated,
    );
    rows.push({
      id: taskId(plan, index),
      organizationId,
      title: titles[index]!,
      description: random.next() < 0.7 ? random.pick(DESCRIPTIONS) : '',
      status,
      priority,
      dueDate,
      assigneeId,
      createdById: random.pick(memberIds),
      createdAt,
      updatedAt,
    });
  }
  return rows;
}

export const tasksSeeder: Seeder = {
  name: 'tasks',
  async run(db: NodePgDatabase) {
    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
    if (!demo) return 'no demo user, nothing to add';
    const now = new Date();
    const summaries: string[] = [];
    for (const plan of PLANS) {
      const [organization] = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, plan.slug));
      if (!organization) continue;
      const memberIds = (
        await db
          .select({ userId: members.userId })
          .from(members)
          .where(eq(members.organizationId, organization.id))
          .orderBy(asc(members.userId))
      ).map((member) => member.userId);
      if (!memberIds.includes(demo.id)) continue;
      const rows = demoTasks(plan, organization.id, memberIds, demo.id, now);
      const inserted = await db
        .insert(tasks)
        .values(rows)
        .onConflictDoNothing({ target: tasks.id })
        .returning({ id: tasks.id });
      summaries.push(`${plan.slug} ${inserted.length} new, ${rows.length - inserted.length} already present`);
    }
    return summaries.join(', ') || 'no demo organizations, nothing to add';
  },
};
