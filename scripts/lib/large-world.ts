import pg from 'pg';
import { DEMO_USER } from '../../src/features/auth/server/seed';

/*
 * `npm run db:seed -- --scale large`: a world big enough to show how lists
 * behave at scale — 1,000 organizations, 3,006 users, 1,000,000 tasks — for
 * `npm run bench` and for trying the tasks list by hand. One organization,
 * Bench Co (/dashboard/bench), owned by the demo user, holds 100,000 of the
 * tasks, so deep pages exist; the other 900,000 are spread over the other 999.
 *
 * Everything is built by set-based SQL over generate_series: each value is
 * computed from the row's index (fixed ids, hashes of the index for status,
 * priority, assignee…), so two runs on two machines build the same rows, and
 * nothing travels row by row between Node.js and PostgreSQL. Rows are written
 * in creation order with the organizations interleaved, as a real table fills
 * up, so Bench Co's rows are spread over the whole table, not packed together.
 * All of it is one transaction: the world is there entirely or not at all.
 */

export interface WorldSize {
  /** Bench Co and the others (at least one other). */
  organizations: number;
  /** Every tenth is Bench Co's. */
  tasks: number;
}

export const LARGE_WORLD: WorldSize = { organizations: 1_000, tasks: 1_000_000 };

/** Bench Co's members besides the demo user. */
const BENCH_TEAMMATES = 9;
/** Users of every other organization: an owner, an admin, a member. */
const USERS_PER_ORGANIZATION = 3;

/** How many of the world's tasks Bench Co holds (100,000 in the large world). */
export function benchTaskCount(size: WorldSize): number {
  return Math.floor(size.tasks / 10);
}

/** Organization n (0 = Bench Co) has id 00000000-0000-4000-9000-<n in hex>. */
export const BENCH_ORGANIZATION = {
  id: '00000000-0000-4000-9000-000000000000',
  name: 'Bench Co',
  slug: 'bench',
} as const;

const TASK_CHUNK = 100_000;

/**
 * SQL expressions shared by the statements below (`n` an organization number, `u` a user number, `i` a task number).
 */
const organizationId = (n: string) => `('00000000-0000-4000-9000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const userId = (u: string) => `'00000000-0000-4000-9100-' || lpad(to_hex(${u}), 12, '0')`;
/**
 * A well-mixed number in 0..modulo-1 from the task number and a per-attribute salt (hash functions PostgreSQL keeps
 * stable).
 */
const roll = (salt: number, modulo: number) => `((hashint8extended(i, ${salt}) & 1048575) % ${modulo})`;

const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Taylor',
  'Morgan',
  'Casey',
  'Riley',
  'Jamie',
  'Avery',
  'Quinn',
  'Noor',
  'Mateo',
  'Yuki',
  'Priya',
  'Lena',
  'Omar',
  'Ines',
  'Kofi',
  'Mia',
  'Arjun',
];
const LAST_NAMES = [
  'Garcia',
  'Smith',
  'Tanaka',
  'Okafor',
  'Müller',
  'Rossi',
  'Nguyen',
  'Silva',
  'Kowalski',
  'Haddad',
  'Larsen',
  'Dubois',
  'Khan',
  'Moreau',
  'Park',
  'Cohen',
  'Novak',
  'Reyes',
  'Ahmed',
  'Berg',
];
const VERBS = [
  'Fix',
  'Review',
  'Update',
  'Draft',
  'Plan',
  'Test',
  'Document',
  'Migrate',
  'Audit',
  'Prepare',
  'Clean up',
  'Investigate',
  'Design',
  'Ship',
  'Translate',
  'Refactor',
  'Benchmark',
];
const OBJECTS = [
  'the invoice export',
  'the onboarding emails',
  'the billing page',
  'the search results',
  'the API rate limits',
  'the mobile sign-in',
  'the quarterly report',
  'the pricing page',
  'the deploy checklist',
  'the backup restore',
  'the webhook retries',
  'the admin dashboard',
  'the customer import',
  'the password reset flow',
  'the audit log',
  'the release notes',
  'the support macros',
  'the invoice reminders',
  'the data retention policy',
  'the status page',
  'the Spanish translations',
  'the team permissions',
  'the CSV upload',
];
const DESCRIPTIONS = [
  'Agreed in the weekly sync.',
  'The customer asked twice already; reply before Friday.',
  'Notes are in the shared drive under Ops.',
  'Blocked until legal signs off on the wording.',
  'Pair with whoever is on support this week.',
  'Reproduce on staging, write a failing test, then fix.',
  'Split it up if it takes more than two days.',
];

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;
const sqlArray = (items: readonly string[]) => `array[${items.map(sqlText).join(', ')}]`;

/**
 * Tasks $1 to $2, with $3 today (midnight UTC), $4 the number of tasks, $5 the demo user's id, $6 the number of
 * organizations besides Bench Co.
 * Task i: every tenth belongs to Bench Co, the rest go round the other 999 (999 and 10 share no factor, so
 * evenly). Created 90 s apart (about three years in all), newest today; open work is mostly recent.
 */
const TASKS_SQL = `
      insert into tasks (id, organization_id, title, description, status, priority, due_date, assignee_id, created_by_id, created_at, updated_at)
      select id, organization_id, title, description, status::task_status, priority::task_priority,
             (created_at + due_offset * interval '1 day')::date, assignee_id, created_by_id, created_at,
             created_at + least($3::timestamptz - created_at, interval '60 days') * (update_share / 1000.0)
      from (
        select ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid as id,
               ${organizationId('n')} as organization_id,
               (${sqlArray(VERBS)})[1 + ${roll(1, VERBS.length)}] || ' ' || (${sqlArray(OBJECTS)})[1 + ${roll(2, OBJECTS.length)}] as title,
               case when ${roll(3, 10)} < 3 then '' else (${sqlArray(DESCRIPTIONS)})[1 + ${roll(4, DESCRIPTIONS.length)}] end as description,
               case when i > $4::int * 0.8
                    then case when s < 45 then 'todo' when s < 70 then 'in_progress' when s < 95 then 'done' else 'canceled' end
                    else case when s < 15 then 'todo' when s < 25 then 'in_progress' when s < 90 then 'done' else 'canceled' end
               end as status,
               case when p < 25 then 'low' when p < 70 then 'medium' when p < 92 then 'high' else 'urgent' end as priority,
               case when ${roll(6, 100)} < 20 then null else ${roll(7, 75)} end as due_offset,
               case when a < 15 then null
                    when n = 0 then case when a < 30 then $5 else ${userId(`1 + a % ${BENCH_TEAMMATES}`)} end
                    else ${userId(`${BENCH_TEAMMATES + 1} + (n - 1) * ${USERS_PER_ORGANIZATION} + a % ${USERS_PER_ORGANIZATION}`)}
               end as assignee_id,
               case when n = 0 then case when ${roll(8, 10)} < 3 then $5 else ${userId(`1 + ${roll(9, BENCH_TEAMMATES)}`)} end
                    else ${userId(`${BENCH_TEAMMATES + 1} + (n - 1) * ${USERS_PER_ORGANIZATION} + ${roll(9, USERS_PER_ORGANIZATION)}`)}
               end as created_by_id,
               $3::timestamptz - ($4::int - i) * interval '90 seconds' - ${roll(10, 60)} * interval '1 second' as created_at,
               ${roll(11, 1000)} as update_share
        from generate_series($1::int, $2::int) i,
             lateral (select case when i % 10 = 0 then 0 else 1 + i % $6::int end as n,
                             ${roll(5, 100)} as s, ${roll(12, 100)} as p, ${roll(13, 100)} as a) picked
      ) generated`;

/**
 * The tasks table's three foreign keys, checked over every row at once; throws (so the transaction rolls back) on a
 * miss.
 */
export async function checkForeignKeys(client: pg.Client) {
  const { rows } = await client.query<{ organization: number; creator: number; assignee: number }>(
    `select (select count(*)::int from tasks t where not exists (select 1 from organizations o where o.id = t.organization_id)) as organization,
            (select count(*)::int from tasks t where t.created_by_id is not null
               and not exists (select 1 from users u where u.id = t.created_by_id)) as creator,
            (select count(*)::int from tasks t where t.assignee_id is not null
               and not exists (select 1 from members m where m.organization_id = t.organization_id and m.user_id = t.assignee_id)) as assignee`,
  );
  const missing = rows[0]!;
  if (missing.organization || missing.creator || missing.assignee) {
    throw new Error(
      `The large world broke a foreign key (tasks without organization: ${missing.organization}, creator: ${missing.creator}, member assignee: ${missing.assignee}); nothing was saved.`,
    );
  }
}

export interface LargeWorldResult {
  created: boolean;
  seconds: number;
}

/** Builds the large world (or a smaller one of the same shape, for tests) unless Bench Co is already there. */
export async function seedLargeWorld(
  databaseUrl: string,
  log: (line: string) => void,
  size: WorldSize = LARGE_WORLD,
): Promise<LargeWorldResult> {
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ id: string }>('select id from organizations where lower(slug) = $1', [
      BENCH_ORGANIZATION.slug,
    ]);
    if (existing.rows[0]?.id === BENCH_ORGANIZATION.id) return { created: false, seconds: Number(elapsed()) };
    if (existing.rows[0])
      throw new Error(
        `An organization of your own already uses the slug "${BENCH_ORGANIZATION.slug}": rename it, or reset the database (npm run db:reset), before seeding the large world.`,
      );
    await client.query('begin');
    await client.query('set local client_min_messages = warning');
    // Locked (as a foreign key check would) so the demo user cannot vanish before the tasks that name them are in.
    const demo = await client.query<{ id: string }>('select id from users where email = $1 for key share', [
      DEMO_USER.email,
    ]);
    const demoId = demo.rows[0]?.id;
    if (!demoId) throw new Error(`The demo user ${DEMO_USER.email} is missing: the demo seeders run first.`);

    const others = size.organizations - 1;
    if (others < 1) throw new Error('The world needs Bench Co and at least one other organization.');
    log(
      `[large] Building the large world: ${size.organizations.toLocaleString('en')} organizations, ${size.tasks.toLocaleString('en')} tasks (a minute or more; progress below)…`,
    );
    const teammates = BENCH_TEAMMATES;
    const perOrganization = USERS_PER_ORGANIZATION;
    const userCount = teammates + others * perOrganization;
    const anchor = new Date();
    anchor.setUTCHours(0, 0, 0, 0);

    // Users 1..9 are Bench Co's teammates; users 10.. are three per other organization. No password: they never sign
    // in.
    await client.query(
      `insert into users (id, name, email, email_verified, onboarded_at, created_at, updated_at)
       select ${userId('u')},
              (${sqlArray(FIRST_NAMES)})[1 + u % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + (u / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
              'load-user-' || u || '@example.com', true, $1::timestamptz, $1::timestamptz, $1::timestamptz
       from generate_series(1, $2::int) u`,
      [anchor, userCount],
    );
    log(`[large] ${userCount.toLocaleString('en')} users (${elapsed()} s)`);

    await client.query(
      `insert into organizations (id, name, slug, created_at, updated_at)
       select ${organizationId('n')},
              case when n = 0 then $1 else 'Load Test ' || lpad(n::text, 3, '0') end,
              case when n = 0 then $2 else 'load-test-' || lpad(n::text, 3, '0') end,
              $3::timestamptz, $3::timestamptz
       from generate_series(0, $4::int) n`,
      [BENCH_ORGANIZATION.name, BENCH_ORGANIZATION.slug, anchor, others],
    );
    // Bench Co: the demo user owns it, teammate 1 is an admin, the rest members. Others: user 10+3(n-1)+k, k = owner,
    // admin, member.
    await client.query(
      `insert into members (organization_id, user_id, role, created_at)
       select ${organizationId('0')}, $1, 'owner', $2::timestamptz
       union all
       select ${organizationId('0')}, ${userId('t')}, case when t = 1 then 'admin' else 'member' end, $2::timestamptz
       from generate_series(1, $3::int) t
       union all
       select ${organizationId('n')}, ${userId(`${teammates + 1} + (n - 1) * ${perOrganization} + k`)}, (array['owner', 'admin', 'member'])[k + 1], $2::timestamptz
       from generate_series(1, $4::int) n, generate_series(0, ${perOrganization - 1}) k`,
      [demoId, anchor, teammates, others],
    );
    log(`[large] ${size.organizations.toLocaleString('en')} organizations with their members (${elapsed()} s)`);

    // PostgreSQL checks a foreign key with one query per row (three per task: a third of the time). A superuser can
    // check them once, over the whole table, instead: session_replication_role = replica skips the per-row checks in
    // this transaction only, and checkForeignKeys runs the same three constraints as anti-joins before the commit.
    // Nothing is dropped; another role gets the per-row checks, and a slower seed.
    const superuser = (
      await client.query<{ super: boolean }>('select rolsuper as super from pg_roles where rolname = current_user')
    ).rows[0]?.super;
    if (superuser) await client.query('set local session_replication_role = replica');
    for (let first = 1; first <= size.tasks; first += TASK_CHUNK) {
      const last = Math.min(first + TASK_CHUNK - 1, size.tasks);
      await client.query(TASKS_SQL, [first, last, anchor, size.tasks, demoId, others]);
      log(`[large] tasks ${last.toLocaleString('en')} / ${size.tasks.toLocaleString('en')} (${elapsed()} s)`);
    }
    if (superuser) {
      await client.query('set local session_replication_role = origin');
      await checkForeignKeys(client);
      log(`[large] foreign keys of every task checked at once (${elapsed()} s)`);
    }
    await client.query('commit');

    // VACUUM as well as ANALYZE: the planner's statistics, and the visibility map that lets counts read indexes alone
    // (what autovacuum would do a little later on its own).
    await client.query('vacuum (analyze) users, organizations, members, tasks');
    log(`[large] vacuum and analyze done (${elapsed()} s)`);
    return { created: true, seconds: Number(elapsed()) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
