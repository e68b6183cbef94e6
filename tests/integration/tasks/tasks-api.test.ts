import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/organizations/[organization]/tasks/route';
import { tasksApiPath, TASK_PRIORITIES, TASK_STATUSES } from '@/features/tasks';
import { tasks } from '@/features/tasks/server/schema';
import type { Locale } from '@/platform/config/app-config';
import { db } from '@/platform/db/client';
import { insertUser, makeOrganization, type TestOrganization } from '../../support/organizations';
import { errorText } from '../../support/messages';
import { createVerifiedUser, type TestUser } from '../../support/users';
import { ORIGIN, Visitor } from '../../support/visitor';

/*
 * GET /api/organizations/<slug>/tasks through its exported handler, with the
 * cookies of real sessions — as Next.js would call it.
 */

let reader: TestUser;
let outsider: TestUser;
let acme: TestOrganization;
let globex: TestOrganization;
/** acme's tasks as inserted, by id. */
let acmeTasks: Map<string, { title: string; status: string; dueDate: string | null; assigneeId: string | null }>;
let globexIds: string[];

beforeAll(async () => {
  [reader, outsider] = await Promise.all([
    createVerifiedUser({ name: 'Rita Reader' }),
    createVerifiedUser({ name: 'Otto Outsider' }),
  ]);
  const colleague = await insertUser({ name: 'Cole League' });
  acme = await makeOrganization([
    [reader, 'member'],
    [colleague, 'member'],
  ]);
  globex = await makeOrganization([[outsider, 'owner']]);
  // Thirty-four tasks in one statement; creation times a microsecond apart in places, some equal, some due dates
  // missing.
  const rows = Array.from({ length: 34 }, (_, index) => ({
    organizationId: acme.id,
    title: `Task ${String(index).padStart(2, '0')}${index % 5 === 0 ? ' invoice 50%' : ''}`,
    status: TASK_STATUSES[index % TASK_STATUSES.length]!,
    priority: TASK_PRIORITIES[index % TASK_PRIORITIES.length]!,
    dueDate: index % 3 === 0 ? null : `2026-07-${String((index % 28) + 1).padStart(2, '0')}`,
    assigneeId: index % 4 === 0 ? colleague.id : index % 4 === 1 ? reader.id : null,
    createdAt:
      sql`${`2026-01-01 00:00:00.${String(Math.floor(index / 2)).padStart(6, '0')}+00`}::timestamptz` as unknown as Date,
  }));
  const inserted = await db.insert(tasks).values(rows).returning();
  acmeTasks = new Map(inserted.map((task) => [task.id, task]));
  const foreign = await db
    .insert(tasks)
    .values(
      Array.from({ length: 5 }, (_, index) => ({
        organizationId: globex.id,
        title: `Task ${index} invoice 50%`,
        status: 'todo' as const,
      })),
    )
    .returning({ id: tasks.id });
  globexIds = foreign.map((task) => task.id);
});

async function get(visitor: Visitor, slug: string, query = '', headers: Record<string, string> = {}) {
  const response = await GET(
    new Request(new URL(tasksApiPath(slug, query), ORIGIN), { headers: visitor.headers(headers) }),
    {
      params: Promise.resolve({ organization: slug }),
    },
  );
  return { status: response.status, body: await response.json() };
}

interface PageBody {
  rows: {
    id: string;
    title: string;
    status: string;
    dueDate: string | null;
    assigneeId: string | null;
    assigneeName: string | null;
  }[];
  total: number | null;
  page: number | null;
  pageCount: number | null;
  pageSize: number;
  nextCursor: string | null;
  previousCursor: string | null;
}

async function page(query = ''): Promise<PageBody> {
  const { status, body } = await get(reader.visitor, acme.slug, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as PageBody;
}

const idsOf = (body: PageBody) => body.rows.map((row) => row.id);

describe('a member', () => {
  it('gets this organization’s tasks only, as a page with its count', async () => {
    const body = await page('pageSize=100');
    expect(idsOf(body).sort()).toEqual([...acmeTasks.keys()].sort());
    expect(idsOf(body).some((id) => globexIds.includes(id))).toBe(false);
    expect(body).toMatchObject({
      total: 34,
      page: 1,
      pageCount: 1,
      pageSize: 100,
      nextCursor: null,
      previousCursor: null,
    });
    // What a list row holds, and nothing more (no description, no organization).
    expect(Object.keys(body.rows[0]!).sort()).toEqual([
      'assigneeId',
      'assigneeName',
      'createdAt',
      'dueDate',
      'id',
      'priority',
      'status',
      'title',
      'updatedAt',
    ]);
  });

  it('gets the default page: 25, newest first', async () => {
    const body = await page();
    expect(body).toMatchObject({ total: 34, page: 1, pageCount: 2, pageSize: 25, previousCursor: null });
    const titles = body.rows.map((row) => row.title);
    expect(titles[0]).toMatch(/^Task 3[23]/);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('filters, searches and sorts as the URL says', async () => {
    const body = await page('status=todo,done&q=50%25&sort=dueDate&pageSize=100');
    const expected = [...acmeTasks].filter(
      ([, task]) => ['todo', 'done'].includes(task.status) && task.title.includes('50%'),
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(idsOf(body).sort()).toEqual(expected.map(([id]) => id).sort());
    expect(body.total).toBe(expected.length);
    const dates = body.rows.map((row) => row.dueDate);
    const firstNull = dates.indexOf(null);
    expect(dates.slice(0, firstNull === -1 ? undefined : firstNull)).toEqual(
      [...dates.slice(0, firstNull === -1 ? undefined : firstNull)].sort(),
    );

    const mine = await page(`assignee=${reader.id}&pageSize=100`);
    expect(mine.rows.every((row) => row.assigneeId === reader.id && row.assigneeName === 'Rita Reader')).toBe(true);
    expect(mine.total).toBe([...acmeTasks.values()].filter((task) => task.assigneeId === reader.id).length);
  });

  it('walks every task by keyset, from the first page’s cursor to the end and back', async () => {
    for (const sort of ['', 'sort=dueDate&', 'sort=-title&']) {
      const all = idsOf(await page(`${sort}pageSize=100`));
      const pages = [await page(`${sort}pageSize=10`)];
      while (pages.at(-1)!.nextCursor) pages.push(await page(`${sort}pageSize=10&cursor=${pages.at(-1)!.nextCursor}`));
      expect(pages.flatMap(idsOf), sort).toEqual(all);
      expect(pages).toHaveLength(4);
      expect(pages.slice(1).every((body) => body.page === null && body.total === 34)).toBe(true);

      const back = [pages.at(-1)!];
      while (back.at(-1)!.previousCursor)
        back.push(await page(`${sort}pageSize=10&cursor=${back.at(-1)!.previousCursor}`));
      expect(back.map(idsOf), sort).toEqual(pages.map(idsOf).reverse());
    }
  });
});

describe('who may read', () => {
  it('answers 401 to the signed-out', async () => {
    const { status, body } = await get(new Visitor(), acme.slug);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: errorText('en', 'UNAUTHENTICATED') } });
  });

  it('answers 404 alike to a non-member and for an unknown organization', async () => {
    const notMine = await get(outsider.visitor, acme.slug);
    const unknown = await get(outsider.visitor, 'no-such-organization');
    expect(notMine.status).toBe(404);
    expect(unknown.status).toBe(404);
    const { requestId: _first, ...notMineError } = notMine.body.error;
    const { requestId: _second, ...unknownError } = unknown.body.error;
    expect(notMineError).toEqual(unknownError);
    expect(notMineError).toEqual({ code: 'NOT_FOUND', status: 404, message: errorText('en', 'NOT_FOUND') });
    // The outsider's own organization answers, with its own tasks only.
    const own = await get(outsider.visitor, globex.slug, 'pageSize=100');
    expect((own.body as PageBody).rows.map((row) => row.id).sort()).toEqual([...globexIds].sort());
  });
});

describe('a bad parameter', () => {
  const cases: [string, string, string, Record<string, number>?][] = [
    ['sort=password', 'query.sort', 'validation.invalidOption'],
    ['status=nope', 'query.status', 'validation.invalidOption'],
    ['page=0', 'query.page', 'validation.tooSmall', { minimum: 1 }],
    ['pageSize=7', 'query.pageSize', 'validation.invalidOption'],
    ['due.from=2026-13-01', 'query.due.from', 'validation.date'],
    ['due.from=2026-03-02&due.to=2026-03-01', 'query.due.to', 'validation.rangeReversed'],
    ['page=2&cursor=abc', 'query.page', 'validation.pageWithCursor'],
    ['cursor=garbage', 'query.cursor', 'validation.cursor'],
    [
      `cursor=${Buffer.from(JSON.stringify({ s: '-createdAt', d: 'after', v: ['2026-02-30 00:00:00+00', '00000000-0000-0000-0000-000000000000'] })).toString('base64url')}`,
      'query.cursor',
      'validation.cursor',
    ],
    ['assignee=1%20or%201%3D1', 'query.assignee', 'validation.invalid'],
  ];

  for (const locale of ['en', 'es'] as Locale[]) {
    it(`is a 400 naming query.<field>, in ${locale === 'en' ? 'English' : 'Spanish'}`, async () => {
      for (const [query, field, key, values] of cases) {
        const { status, body } = await get(reader.visitor, acme.slug, query, { 'accept-language': locale });
        expect(status, query).toBe(400);
        expect(body.error, query).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: errorText(locale, 'VALIDATION_FAILED'),
        });
        expect(body.error.fieldErrors, query).toEqual({ [field]: [errorText(locale, key, values)] });
      }
    });
  }

  it('a cursor made for another sort is refused', async () => {
    const { nextCursor } = await page('sort=title&pageSize=10');
    const { status, body } = await get(reader.visitor, acme.slug, `sort=dueDate&pageSize=10&cursor=${nextCursor}`);
    expect(status).toBe(400);
    expect(body.error.fieldErrors).toEqual({ 'query.cursor': [errorText('en', 'validation.cursor')] });
  });
});

describe('its rate limit', () => {
  it('refuses a session’s 301st read in a minute, counted without a database write (decision 0044)', async () => {
    const heavy = await createVerifiedUser({ name: 'Hugo Heavy' });
    const organization = await makeOrganization([[heavy, 'member']]);
    for (let read = 0; read < 300; read += 1) {
      expect((await get(heavy.visitor, organization.slug, 'pageSize=10')).status).toBe(200);
    }
    const refused = await GET(
      new Request(new URL(tasksApiPath(organization.slug, 'pageSize=10'), ORIGIN), {
        headers: heavy.visitor.headers(),
      }),
      { params: Promise.resolve({ organization: organization.slug }) },
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const rows = await db.execute(sql`select key from rate_limit_buckets where key like 'tasks-read%'`);
    expect(rows.rows).toEqual([]);
  }, 120_000);
});
