import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { date, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineTableQuery } from '@/platform/data/table-query';
import { db, getPool } from '@/platform/db/client';
import { defineDataLoader, type LoadedPage } from '@/platform/db/data-loader';
import { AppError } from '@/platform/http/errors';
import { entriesToObject, validateInput } from '@/platform/http/validation';

/*
 * The data loader against a table of its own: one column of every kind the
 * loader treats differently (uuid, text, integer, nullable date, timestamptz
 * with microseconds, enum) and a scope column. Expected results are computed
 * here from the rows inserted, not read back from the loader.
 */

const KINDS = ['alpha', 'beta', 'gamma'] as const;
const itemKind = pgEnum('loader_item_kind', KINDS);
const items = pgTable('loader_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  scopeId: uuid('scope_id').notNull(),
  title: text('title').notNull(),
  points: integer('points').notNull(),
  due: date('due', { mode: 'string' }),
  // Written without an offset, so PostgreSQL reads them in its own time zone — the one the date filter's days are in.
  happenedAt: timestamp('happened_at', { withTimezone: true, mode: 'string' }).notNull(),
  kind: itemKind('kind').notNull(),
});

const itemQuery = defineTableQuery({
  sorts: ['title', 'points', 'due', 'happenedAt', 'kind'],
  defaultSort: 'title',
  filters: {
    kind: { kind: 'enum', values: KINDS },
    item: { kind: 'id' },
    title: { kind: 'text' },
    points: { kind: 'number', integer: true },
    due: { kind: 'date' },
    happened: { kind: 'date' },
  },
  search: true,
  pageSizes: [3, 5, 10, 100],
  pagination: ['offset', 'keyset'],
});
type ItemQuery = typeof itemQuery.defaults;
type ItemSort = ItemQuery['sort']['column'];

interface ItemRow {
  id: string;
  title: string;
  points: number;
  due: string | null;
  happenedAt: string;
  kind: (typeof KINDS)[number];
}

const itemPages = defineDataLoader<ItemRow, ItemSort, typeof itemQuery.spec.filters>(itemQuery, {
  table: items,
  fields: {
    id: items.id,
    title: items.title,
    points: items.points,
    due: items.due,
    happenedAt: items.happenedAt,
    kind: items.kind,
  },
  scopeColumn: items.scopeId,
  sorts: { title: items.title, points: items.points, due: items.due, happenedAt: items.happenedAt, kind: items.kind },
  tiebreaker: items.id,
  filters: {
    kind: items.kind,
    item: items.id,
    title: items.title,
    points: items.points,
    due: items.due,
    happened: items.happenedAt,
  },
  search: [items.title],
});

/** The rows as inserted (happenedAt as written, in the database's time zone). */
type Seed = Omit<ItemRow, 'id'> & { id: string; scopeId: string };

const INJECTION = "title'); drop table loader_items; --";
const TITLES = [
  'apple',
  'Banana',
  'cherry',
  '100% done',
  '100 done',
  'snake_case',
  'snakeXcase',
  'back\\slash',
  'backslash',
  INJECTION,
  'note: 1 or 1=1',
  'Done deal',
  'apple',
];
/**
 * Around the day boundaries of 2026-03-01, and three stamps a microsecond apart (a cursor rounding to milliseconds
 * would lose one).
 */
const STAMPS = [
  '2026-02-28 23:59:59.999999',
  '2026-03-01 00:00:00',
  '2026-03-01 23:59:59.999999',
  '2026-03-02 00:00:00',
  '2026-03-05 12:00:00.000001',
  '2026-03-05 12:00:00.000002',
  '2026-03-05 12:00:00.000001',
];
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function seedRows(scopeId: string, count: number, offset = 0): Seed[] {
  return Array.from({ length: count }, (_, index) => {
    const i = index + offset;
    return {
      id: randomUUID(),
      scopeId,
      title: TITLES[i % TITLES.length]!,
      points: (i * 7) % 11,
      due: i % 4 === 0 ? null : `2026-03-${pad(1 + ((i * 3) % 28))}`,
      happenedAt:
        i < STAMPS.length
          ? STAMPS[i]!
          : `2026-03-${pad(1 + (i % 20))} ${pad(i % 24)}:${pad((i * 13) % 60)}:00.${pad(i, 6)}`,
      kind: KINDS[i % KINDS.length]!,
    };
  });
}

const scopeA = randomUUID();
const scopeB = randomUUID();
let rowsA: Seed[];
let rowsB: Seed[];

beforeAll(async () => {
  await db.execute(
    sql.raw(`
    create type loader_item_kind as enum ('alpha', 'beta', 'gamma');
    create table loader_items (
      id uuid primary key default gen_random_uuid(),
      scope_id uuid not null,
      title text not null,
      points integer not null,
      due date,
      happened_at timestamptz not null,
      kind loader_item_kind not null
    );
  `),
  );
  rowsA = seedRows(scopeA, 47);
  rowsB = seedRows(scopeB, 11, 3);
  // One statement for all of them.
  await db.insert(items).values([...rowsA, ...rowsB]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A query string read as the API route reads it. */
function query(queryString: string): ItemQuery {
  const result = validateInput(itemQuery.schema, entriesToObject(new URLSearchParams(queryString)), 'en');
  if (!result.ok) throw new Error(`refused ${queryString}: ${JSON.stringify(result.fieldErrors)}`);
  return result.data as ItemQuery;
}

function refused(queryString: string) {
  const result = validateInput(itemQuery.schema, entriesToObject(new URLSearchParams(queryString)), 'en');
  if (result.ok) throw new Error(`accepted ${queryString}`);
  return result.fieldErrors;
}

const load = (queryString: string, options: Parameters<typeof itemPages.load>[2] = {}) =>
  itemPages.load(db, query(queryString), { scope: scopeA, ...options });
const ids = (page: LoadedPage<ItemRow>) => page.rows.map((row) => row.id);
const idsOf = (rows: Seed[]) => rows.map((row) => row.id).sort();

/** Every matching row, through offset pages of 100. */
async function allMatching(queryString: string, scope = scopeA) {
  const page = await itemPages.load(db, query(`${queryString}&pageSize=100`), { scope });
  expect(page.pageCount).toBe(1);
  return page;
}

async function expectMatches(queryString: string, expected: Seed[]) {
  const page = await allMatching(queryString);
  expect(ids(page).sort(), queryString).toEqual(idsOf(expected));
  expect(page.total, queryString).toBe(expected.length);
}

const SORT_COLUMNS: Record<ItemSort, string> = {
  title: 'title',
  points: 'points',
  due: 'due',
  happenedAt: 'happened_at',
  kind: 'kind',
};

/** The order a hand-written query gives: the column, nulls last, then the id in the same direction. */
async function referenceOrder(sort: string, scope = scopeA): Promise<string[]> {
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as ItemSort];
  const direction = descending ? 'desc' : 'asc';
  const { rows } = await db.execute<{ id: string }>(
    sql`select id from loader_items where scope_id = ${scope} order by ${sql.raw(`${column} ${direction} nulls last, id ${direction}`)}`,
  );
  return rows.map((row) => row.id);
}

/** Walks a table forwards by nextCursor from the first keyset page, page by page. */
async function walkForward(queryString: string, scope = scopeA, between?: (pageNumber: number) => Promise<void>) {
  const pages: LoadedPage<ItemRow>[] = [await itemPages.load(db, query(queryString), { scope, mode: 'keyset' })];
  while (pages.at(-1)!.nextCursor) {
    await between?.(pages.length);
    pages.push(await itemPages.load(db, query(`${queryString}&cursor=${pages.at(-1)!.nextCursor}`), { scope }));
    if (pages.length > 100) throw new Error('endless walk');
  }
  return pages;
}

/** Walks back by previousCursor from a page until there is none. */
async function walkBack(queryString: string, from: LoadedPage<ItemRow>, scope = scopeA) {
  const pages: LoadedPage<ItemRow>[] = [];
  let page = from;
  while (page.previousCursor) {
    page = await itemPages.load(db, query(`${queryString}&cursor=${page.previousCursor}`), { scope });
    pages.push(page);
    if (pages.length > 100) throw new Error('endless walk');
  }
  return pages;
}

function cursorOf(content: unknown) {
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

/** Runs `work` and proves it sent nothing to PostgreSQL. */
async function withoutSql<T>(work: () => Promise<T>): Promise<T> {
  const pool = getPool();
  const queries = vi.spyOn(pool, 'query');
  const connections = vi.spyOn(pool, 'connect');
  try {
    return await work();
  } finally {
    const [queried, connected] = [queries.mock.calls.length, connections.mock.calls.length];
    queries.mockRestore();
    connections.mockRestore();
    expect({ queried, connected }).toEqual({ queried: 0, connected: 0 });
  }
}

async function expectCursorRefused(queryString: string, options: Parameters<typeof itemPages.load>[2] = {}) {
  const attempt = withoutSql(() => load(queryString, options));
  await expect(attempt, queryString).rejects.toBeInstanceOf(AppError);
  await expect(attempt, queryString).rejects.toMatchObject({
    code: 'VALIDATION_FAILED',
    status: 400,
    fieldErrorKeys: { 'query.cursor': 'validation.cursor' },
  });
}

describe('filters', () => {
  it('equals and in, on an enum', async () => {
    await expectMatches(
      'kind=beta',
      rowsA.filter((row) => row.kind === 'beta'),
    );
    await expectMatches(
      'kind=alpha,gamma',
      rowsA.filter((row) => row.kind !== 'beta'),
    );
    await expectMatches('kind=alpha&kind=beta&kind=gamma', rowsA);
  });

  it('equals and in, on ids', async () => {
    const [first, second, third] = rowsA;
    await expectMatches(`item=${first!.id}`, [first!]);
    await expectMatches(`item=${first!.id},${third!.id}&item=${second!.id}`, [first!, second!, third!]);
    // Another scope's id matches nothing here.
    await expectMatches(`item=${rowsB[0]!.id}`, []);
  });

  it('refuses an id the column cannot hold as a field error, before any SQL (not a server error)', async () => {
    const attempt = withoutSql(() => load('item=not-a-uuid'));
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrorKeys: { 'query.item': 'validation.invalid' },
    });
  });

  it('refuses a number the integer column cannot hold, naming the field, before any SQL', async () => {
    for (const [queryString, field] of [
      ['points=99999999999', 'query.points'],
      ['points.min=1e12', 'query.points.min'],
      ['points.max=-2147483649', 'query.points.max'],
    ]) {
      const attempt = withoutSql(() => load(queryString!));
      await expect(attempt, queryString).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrorKeys: { [field!]: 'validation.invalid' },
      });
    }
    await expectMatches('points.min=-2147483648&points.max=2147483647', rowsA);
  });

  it('text equals is exact (case and all)', async () => {
    await expectMatches(
      'title=apple',
      rowsA.filter((row) => row.title === 'apple'),
    );
    await expectMatches('title=Apple', []);
    await expectMatches('title=appl', []);
  });

  it('contains ignores case and takes %, _ and \\ literally', async () => {
    const containing = (text: string) => rowsA.filter((row) => row.title.toLowerCase().includes(text.toLowerCase()));
    expect(containing('100%').map((row) => row.title)).not.toContain('100 done');
    await expectMatches(`title.contains=${encodeURIComponent('100%')}`, containing('100%'));
    await expectMatches('title.contains=%25', containing('%'));
    await expectMatches('title.contains=e_c', containing('e_c'));
    await expectMatches('title.contains=_', containing('_'));
    await expectMatches(`title.contains=${encodeURIComponent('k\\s')}`, containing('k\\s'));
    await expectMatches('title.contains=DONE', containing('done'));
    expect(containing('done').length).toBeGreaterThan(containing('100%').length);
    // Both parts of a text filter apply.
    await expectMatches(
      'title=apple&title.contains=PP',
      rowsA.filter((row) => row.title === 'apple'),
    );
    await expectMatches('title=apple&title.contains=zz', []);
  });

  it('number equals, and a range with both ends included', async () => {
    await expectMatches(
      'points=3',
      rowsA.filter((row) => row.points === 3),
    );
    await expectMatches(
      'points.min=2&points.max=4',
      rowsA.filter((row) => row.points >= 2 && row.points <= 4),
    );
    await expectMatches(
      'points.min=9',
      rowsA.filter((row) => row.points >= 9),
    );
    await expectMatches(
      'points.max=0',
      rowsA.filter((row) => row.points <= 0),
    );
    await expectMatches(
      'points.min=4&points.max=4',
      rowsA.filter((row) => row.points === 4),
    );
    expect(rowsA.some((row) => row.points === 4)).toBe(true);
  });

  it('a date range on a date column: whole days, both ends included, no rows without a date', async () => {
    const between = (from: string, to: string) =>
      rowsA.filter((row) => row.due !== null && row.due >= from && row.due <= to);
    await expectMatches('due.from=2026-03-04&due.to=2026-03-10', between('2026-03-04', '2026-03-10'));
    expect(between('2026-03-04', '2026-03-04').length).toBeGreaterThan(0);
    await expectMatches('due.from=2026-03-04&due.to=2026-03-04', between('2026-03-04', '2026-03-04'));
    await expectMatches('due.from=2026-03-20', between('2026-03-20', '9999-12-31'));
    await expectMatches('due.to=2026-03-02', between('0000-01-01', '2026-03-02'));
  });

  it('a date range on a timestamptz column runs from the first to the last microsecond of its days', async () => {
    const onDays = (from: string, to: string) =>
      rowsA.filter((row) => row.happenedAt.slice(0, 10) >= from && row.happenedAt.slice(0, 10) <= to);
    const march1 = (await allMatching('happened.from=2026-03-01&happened.to=2026-03-01')).rows.map((row) => row.id);
    const byStamp = (stamp: string) => rowsA.find((row) => row.happenedAt === stamp)!.id;
    expect(march1).toContain(byStamp('2026-03-01 00:00:00'));
    expect(march1).toContain(byStamp('2026-03-01 23:59:59.999999'));
    expect(march1).not.toContain(byStamp('2026-02-28 23:59:59.999999'));
    expect(march1).not.toContain(byStamp('2026-03-02 00:00:00'));
    await expectMatches('happened.from=2026-03-01&happened.to=2026-03-01', onDays('2026-03-01', '2026-03-01'));
    await expectMatches('happened.from=2026-03-02', onDays('2026-03-02', '9999-12-31'));
    await expectMatches('happened.to=2026-02-28', onDays('0000-01-01', '2026-02-28'));
  });

  it('search looks for the words literally, ignoring case', async () => {
    await expectMatches(
      'q=100%25',
      rowsA.filter((row) => row.title.includes('100%')),
    );
    await expectMatches(
      'q=BACK%5C',
      rowsA.filter((row) => row.title.toLowerCase().includes('back\\')),
    );
  });
});

describe('counts', () => {
  it('count what the filters and the search match, on every page', async () => {
    const expected = rowsA.filter(
      (row) => row.kind !== 'gamma' && row.points >= 1 && row.title.toLowerCase().includes('a'),
    );
    expect(expected.length).toBeGreaterThan(5);
    const filters = 'kind=alpha,beta&points.min=1&q=A';
    const seen: string[] = [];
    for (let pageNumber = 1; pageNumber <= Math.ceil(expected.length / 5); pageNumber++) {
      const page = await load(`${filters}&pageSize=5&page=${pageNumber}`);
      expect(page).toMatchObject({
        total: expected.length,
        pageCount: Math.ceil(expected.length / 5),
        page: pageNumber,
        pageSize: 5,
      });
      seen.push(...ids(page));
    }
    expect(seen.sort()).toEqual(idsOf(expected));
    const keyset = await load(`${filters}&pageSize=5`, { mode: 'keyset' });
    expect(keyset).toMatchObject({ total: expected.length, page: null, pageCount: null });
  });

  it('an empty result is one empty page', async () => {
    expect(await load('title=nothing-like-this&page=7')).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pageCount: 1,
      pageSize: 3,
      nextCursor: null,
      previousCursor: null,
    });
  });

  it('keyset pages skip the count when asked', async () => {
    expect((await load('pageSize=5', { mode: 'keyset', count: false })).total).toBeNull();
  });
});

describe('sort', () => {
  it('orders by each declared name, both ways, nulls last, ties by id', async () => {
    for (const sort of [
      'title',
      '-title',
      'points',
      '-points',
      'due',
      '-due',
      'happenedAt',
      '-happenedAt',
      'kind',
      '-kind',
    ]) {
      expect(ids(await load(`sort=${sort}&pageSize=100`)), sort).toEqual(await referenceOrder(sort));
    }
  });

  it('refuses a name that is not declared, as a validation failure naming sort', () => {
    for (const sort of ['id', 'scope_id', 'scopeId', 'title desc', 'title;drop table loader_items', '-points,title']) {
      expect(Object.keys(refused(`sort=${encodeURIComponent(sort)}`)), sort).toEqual(['sort']);
    }
  });

  it('refuses a hand-made query with an undeclared sort before any SQL', async () => {
    const forged = { ...query(''), sort: { column: 'scopeId', direction: 'asc' } } as unknown as ItemQuery;
    const attempt = withoutSql(() => itemPages.load(db, forged, { scope: scopeA }));
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrorKeys: { 'query.sort': 'validation.invalidOption' },
    });
  });
});

describe('injection attempts', () => {
  async function tableIsIntact() {
    const { rows } = await db.execute<{ count: number }>(sql`select count(*)::int as count from loader_items`);
    expect(rows[0]!.count).toBe(rowsA.length + rowsB.length);
  }

  it('a text filter matches the attempt literally: only the row titled with it', async () => {
    await expectMatches(
      `title=${encodeURIComponent(INJECTION)}`,
      rowsA.filter((row) => row.title === INJECTION),
    );
    expect(rowsA.some((row) => row.title === INJECTION)).toBe(true);
    await expectMatches(`title=${encodeURIComponent("x' or '1'='1")}`, []);
    await expectMatches(`title.contains=${encodeURIComponent("%' or '1'='1")}`, []);
    await expectMatches(
      `title.contains=${encodeURIComponent("'); drop table loader_items; --")}`,
      rowsA.filter((row) => row.title === INJECTION),
    );
    await tableIsIntact();
  });

  it('a search matches the attempt literally', async () => {
    await expectMatches(
      `q=${encodeURIComponent('1 or 1=1')}`,
      rowsA.filter((row) => row.title.includes('1 or 1=1')),
    );
    await expectMatches(`q=${encodeURIComponent("' or ''='")}`, []);
    await expectMatches(
      `q=${encodeURIComponent('drop table loader_items')}`,
      rowsA.filter((row) => row.title === INJECTION),
    );
    await tableIsIntact();
  });

  it('shaped values (sort, enum, id, number, date) are refused by validation', async () => {
    const attempts = [
      ['sort', "title'); drop table loader_items; --"],
      ['kind', "alpha' or '1'='1"],
      ['item', '1 or 1=1'],
      ['points', '1 or 1=1'],
      ['points.min', '0; drop table loader_items'],
      ['due.from', "2026-01-01' or '1'='1"],
    ];
    for (const [name, value] of attempts) {
      expect(Object.keys(refused(`${name}=${encodeURIComponent(value!)}`))[0], name).toMatch(
        new RegExp(`^${name!.replace('.', '\\.')}`),
      );
    }
    await tableIsIntact();
  });

  it('a cursor carrying SQL in a text position is only a position', async () => {
    const cursor = cursorOf({ s: 'title', d: 'after', v: ["cherry'); drop table loader_items; --", randomUUID()] });
    const page = ids(await load(`cursor=${cursor}&pageSize=100`));
    const order = await referenceOrder('title');
    // Some rows, and exactly the ones from a point of the title order onwards.
    expect(page.length).toBeGreaterThan(0);
    expect(page.length).toBeLessThan(order.length);
    expect(page).toEqual(order.slice(order.length - page.length));
    await tableIsIntact();
  });
});

describe('offset pages', () => {
  it('clamp a page past the end to the last page', async () => {
    const last = await load('sort=points&pageSize=10&page=5');
    const clamped = await load('sort=points&pageSize=10&page=999999');
    expect(clamped).toMatchObject({ page: 5, pageCount: 5, total: 47 });
    expect(ids(clamped)).toEqual(ids(last));
    expect(clamped.rows).toHaveLength(7);
    expect(clamped.nextCursor).toBeNull();
  });

  it('refuse page 0, a negative page and a huge one', () => {
    for (const page of ['0', '-1', '1000001', '99999999999999999999'])
      expect(Object.keys(refused(`page=${page}`)), page).toEqual(['page']);
  });

  it('carry cursors that continue from them by keyset', async () => {
    const sort = 'sort=-due&pageSize=5';
    const [first, second, third] = await Promise.all([1, 2, 3].map((n) => load(`${sort}&page=${n}`)));
    expect(first!.previousCursor).toBeNull();
    const next = await load(`${sort}&cursor=${second!.nextCursor}`);
    const previous = await load(`${sort}&cursor=${second!.previousCursor}`);
    expect(ids(next)).toEqual(ids(third!));
    expect(ids(previous)).toEqual(ids(first!));
    // From the first page the previous cursor of the page before is gone.
    expect(previous.previousCursor).toBeNull();
  });
});

describe('scope', () => {
  it('confines every load to its scope', async () => {
    const b = await allMatching('', scopeB);
    expect(ids(b).sort()).toEqual(idsOf(rowsB));
    expect(b.total).toBe(rowsB.length);
    const a = await allMatching('');
    expect(ids(a).sort()).toEqual(idsOf(rowsA));
    expect(ids(await itemPages.load(db, query(`title=apple&pageSize=100`), { scope: scopeB })).sort()).toEqual(
      idsOf(rowsB.filter((row) => row.title === 'apple')),
    );
    expect(await itemPages.load(db, query(''), { scope: randomUUID() })).toMatchObject({ rows: [], total: 0 });
  });

  it('insists on a scope when the binding has one', async () => {
    await expect(itemPages.load(db, query(''))).rejects.toThrow(/scope/);
  });

  it('adds the caller’s own condition', async () => {
    await expectMatchesWhere(
      eq(items.kind, 'gamma'),
      rowsA.filter((row) => row.kind === 'gamma'),
    );
    await expectMatchesWhere(
      and(eq(items.kind, 'gamma'), eq(items.points, 0)),
      rowsA.filter((row) => row.kind === 'gamma' && row.points === 0),
    );
  });

  async function expectMatchesWhere(where: SQL | undefined, expected: Seed[]) {
    const page = await itemPages.load(db, query('pageSize=100'), { scope: scopeA, where });
    expect(ids(page).sort()).toEqual(idsOf(expected));
    expect(page.total).toBe(expected.length);
  }
});

describe('keyset pages', () => {
  const SORTS = ['title', '-title', 'points', '-points', 'due', '-due', 'happenedAt', '-happenedAt', 'kind', '-kind'];

  it('walking forward gives exactly the offset order, for every sort', async () => {
    for (const sort of SORTS) {
      const pages = await walkForward(`sort=${sort}&pageSize=5`);
      expect(pages.flatMap(ids), sort).toEqual(ids(await load(`sort=${sort}&pageSize=100`)));
      expect(
        pages.map((page) => page.rows.length),
        sort,
      ).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 2]);
      expect(pages[0]!.previousCursor).toBeNull();
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.every((page) => page.page === null && page.total === 47)).toBe(true);
    }
  });

  it('walking back from the last page gives the same pages in reverse', async () => {
    for (const sort of ['title', '-points', 'due', '-due', '-happenedAt']) {
      const forward = await walkForward(`sort=${sort}&pageSize=3`);
      const back = await walkBack(`sort=${sort}&pageSize=3`, forward.at(-1)!);
      expect(back.map(ids), sort).toEqual(forward.slice(0, -1).reverse().map(ids));
      // Where the walk back ends, the walk forward can start again.
      expect(ids(await load(`sort=${sort}&pageSize=3&cursor=${back.at(-1)!.nextCursor}`))).toEqual(ids(forward[1]!));
    }
  });

  it('keeps rows without a date last in both directions, losing and repeating none', async () => {
    for (const sort of ['due', '-due']) {
      const walked = (await walkForward(`sort=${sort}&pageSize=3`)).flatMap((page) => page.rows);
      expect(walked.map((row) => row.id).sort()).toEqual(idsOf(rowsA));
      const firstNull = walked.findIndex((row) => row.due === null);
      expect(firstNull).toBe(rowsA.filter((row) => row.due !== null).length);
      expect(walked.slice(firstNull).every((row) => row.due === null)).toBe(true);
      const dates = walked.slice(0, firstNull).map((row) => row.due!);
      expect(dates).toEqual([...dates].sort((a, b) => (sort === 'due' ? a.localeCompare(b) : b.localeCompare(a))));
    }
  });

  it('keeps microseconds in a timestamp cursor', async () => {
    const stamps = rowsA.filter((row) => row.happenedAt.startsWith('2026-03-05 12:00:00.00000'));
    expect(stamps).toHaveLength(3);
    const pages = await walkForward('sort=happenedAt&pageSize=3&happened.from=2026-03-05&happened.to=2026-03-05');
    expect(pages.flatMap(ids)).toEqual(
      ids(await load('sort=happenedAt&pageSize=100&happened.from=2026-03-05&happened.to=2026-03-05')),
    );
    expect(pages.flatMap(ids)).toEqual(expect.arrayContaining(stamps.map((row) => row.id)));
    // A page ends on one of the rows a microsecond apart, so the next one starts from its exact value.
    const positions = pages.map(
      (page) => page.nextCursor && JSON.parse(Buffer.from(page.nextCursor, 'base64url').toString()).v[0],
    );
    expect(positions.some((value) => /12:00:00\.00000[12]/.test(value ?? ''))).toBe(true);
  });

  it('sees each row that existed exactly once when rows are added between pages', async () => {
    const scope = randomUUID();
    const before = seedRows(scope, 20);
    await db.insert(items).values(before);
    let added = 0;
    const pages = await walkForward('sort=title&pageSize=5', scope, async () => {
      // New rows everywhere: before the walk's position, after it and level with it.
      const [at] = await db
        .select({ title: items.title })
        .from(items)
        .where(eq(items.scopeId, scope))
        .orderBy(items.title)
        .limit(1)
        .offset(5 * added + 2);
      const extra = ['0 first', 'zzz last', at?.title ?? 'apple'].map((title) => ({
        ...seedRows(scope, 1)[0]!,
        title,
      }));
      await db.insert(items).values(extra);
      added++;
    });
    expect(added).toBeGreaterThan(3);
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(seen.length);
    for (const row of before)
      expect(
        seen.filter((id) => id === row.id),
        row.title,
      ).toHaveLength(1);
  });
});

describe('cursors that were not made here', () => {
  const goodCursor = async (sort: string) => (await load(`sort=${sort}&pageSize=3`, { mode: 'keyset' })).nextCursor!;

  it('garbage and truncated cursors are refused before any SQL, naming query.cursor', async () => {
    const cursor = await goodCursor('title');
    for (const garbage of [
      'x',
      'not-a-cursor',
      cursorOf(null),
      cursorOf(42),
      cursorOf([]),
      cursorOf({}),
      cursor.slice(0, 20),
      `${cursor}AAAA`,
      cursorOf('title'),
    ]) {
      await expectCursorRefused(`sort=title&cursor=${garbage}`);
    }
  });

  it('a cursor made for another sort is refused', async () => {
    await expectCursorRefused(`sort=points&cursor=${await goodCursor('title')}`);
    await expectCursorRefused(`sort=-title&cursor=${await goodCursor('title')}`);
  });

  it('an edited cursor is refused unless every value fits its column', async () => {
    const id = rowsA[0]!.id;
    const edits: [string, unknown][] = [
      ['title', { s: 'title', d: 'sideways', v: ['apple', id] }],
      ['title', { s: 'title', d: 'after', v: ['apple'] }],
      ['title', { s: 'title', d: 'after', v: ['apple', id, 'extra'] }],
      ['title', { s: 'title', d: 'after', v: ['apple', 'not-a-uuid'] }],
      ['title', { s: 'title', d: 'after', v: ['apple', 42] }],
      ['title', { s: 'title', d: 'after', v: [null, id] }],
      ['title', { s: 'title', d: 'after', v: ['a\u0000b', id] }],
      ['points', { s: 'points', d: 'after', v: ['1 or 1=1', id] }],
      ['points', { s: 'points', d: 'after', v: [3, id] }],
      ['points', { s: 'points', d: 'after', v: ['1.5', id] }],
      ['points', { s: 'points', d: 'after', v: ['99999999999', id] }],
      ['kind', { s: 'kind', d: 'after', v: ['delta', id] }],
      ['due', { s: 'due', d: 'after', v: ['2026-02-30', id] }],
      ['due', { s: 'due', d: 'after', v: ['2026-13-01', id] }],
      ['happenedAt', { s: 'happenedAt', d: 'after', v: ['2026-02-30 10:00:00+00', id] }],
      ['happenedAt', { s: 'happenedAt', d: 'after', v: ['2026-03-01 25:00:00+00', id] }],
      ['happenedAt', { s: 'happenedAt', d: 'after', v: ['yesterday', id] }],
      ['happenedAt', { s: 'happenedAt', d: 'after', v: [null, id] }],
    ];
    for (const [sort, content] of edits) await expectCursorRefused(`sort=${sort}&cursor=${cursorOf(content)}`);
  });

  it('a well-formed edited cursor is only a position', async () => {
    const page = await load(
      `sort=points&pageSize=100&cursor=${cursorOf({ s: 'points', d: 'after', v: ['5', '00000000-0000-0000-0000-000000000000'] })}`,
    );
    expect(ids(page).sort()).toEqual(idsOf(rowsA.filter((row) => row.points >= 5)));
    const nulls = await load(
      `sort=due&pageSize=100&cursor=${cursorOf({ s: 'due', d: 'after', v: [null, '00000000-0000-0000-0000-000000000000'] })}`,
    );
    expect(ids(nulls).sort()).toEqual(idsOf(rowsA.filter((row) => row.due === null)));
  });
});
