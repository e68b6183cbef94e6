import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  isCalendarDay,
  MAX_PAGE,
  type FilterSpec,
  type SortDirection,
  type TableQuery,
  type TableQueryDefinition,
} from '@/platform/data/table-query';
import { fieldRefusal } from '@/platform/http/errors';
import type { Database, Transaction } from './client';
import { isUuid } from './uuid';

/*
 * The data loader: one page of a table from a validated `TableQuery`
 * (src/platform/data/table-query.ts). Sort columns and filter columns come
 * from the binding below — the URL only ever picks among them by name — and
 * every value reaches PostgreSQL as a bound parameter. Guide: docs/data/data-loader.md.
 */

type Executor = Database | Transaction;

/** A left join the rows need (the assignee's name, say). */
interface LoaderJoin {
  table: PgTable;
  on: SQL;
}

export interface DataLoaderBinding<S extends string, F extends Record<string, FilterSpec>> {
  /** The table the rows come from. */
  table: PgTable;
  /** What each row holds: columns of `table` or of `joins`, or SQL expressions. */
  fields: Record<string, PgColumn | SQL.Aliased | SQL>;
  joins?: LoaderJoin[];
  /** The column every query is confined to (organization_id): `load(db, query, { scope })`. */
  scopeColumn?: PgColumn;
  /** A column for each sortable name of the query. */
  sorts: Record<S, PgColumn>;
  /** A unique, non-null column that breaks ties, so pages never overlap (the primary key). */
  tiebreaker: PgColumn;
  /** A column for each filter of the query. */
  filters: Record<keyof F, PgColumn>;
  /** Columns the free-text search looks in (case-insensitive "contains"). */
  search?: PgColumn[];
  /**
   * How the search matches, given its ILIKE pattern (`%text%`, escaped), instead of `column ILIKE pattern` on
   * each `search` column: for a table under row-level security, whose tenant queries no index serves an ILIKE
   * (decision 0043; docs/performance.md#search-under-row-level-security).
   */
  searchCondition?: (pattern: string) => SQL;
}

export interface LoadOptions {
  /** The value of `scopeColumn` this load is confined to (required when the binding has one). */
  scope?: string;
  /** One more condition of the caller's ("assigned to me"). */
  where?: SQL;
  /** Keyset pages skip the total count when false (it reads every matching row). Offset pages always count. */
  count?: boolean;
}

export interface LoadedPage<Row> {
  rows: Row[];
  /** Rows matching the filters and search, on every page (null when `count: false`). */
  total: number | null;
  pageSize: number;
  /** Offset pages: the page served (clamped to the last one) and how many there are. Null for keyset pages. */
  page: number | null;
  pageCount: number | null;
  /**
   * Cursors of the neighbouring pages (keyset), null at either end; offset pages carry them too, so a client can go on
   * by cursor.
   */
  nextCursor: string | null;
  previousCursor: string | null;
}

interface Cursor {
  /** The sort it was made for (`-createdAt`): a cursor is meaningless under another. */
  s: string;
  /** Rows after this position, or before it (going back). */
  d: 'after' | 'before';
  /** The sort column's value (as PostgreSQL writes it) and the tiebreaker's. */
  v: [string | null, string];
}

/**
 * How PostgreSQL writes a timestamp: day, time, up to six decimals, and for timestamptz an offset (`+00`, `+05:30`,
 * `-04:56:02`).
 */
const TIMESTAMP_TEXT =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)?$/;
const INTEGER_TEXT = /^-?\d{1,20}$/;
const DECIMAL_TEXT = /^(?:-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|NaN|-?Infinity)$/i;

function isTimestampText(value: string): boolean {
  const match = TIMESTAMP_TEXT.exec(value);
  if (!match) return false;
  const [, day, hours, minutes, seconds, offsetHours = '0', offsetMinutes = '0', offsetSeconds = '0'] = match;
  const time = Number(hours) <= 23 && Number(minutes) <= 59 && Number(seconds) <= 59;
  const offset = Number(offsetHours) <= 15 && Number(offsetMinutes) <= 59 && Number(offsetSeconds) <= 59;
  // Date.parse will not do: it takes 2026-02-30 (as March 2) and refuses `+00`, the offset PostgreSQL writes for UTC.
  return isCalendarDay(day!) && time && offset;
}

/** An integer within ±2^(bits-1), the range of PostgreSQL's smallint, integer or bigint. */
function isIntegerWithin(value: string, bits: bigint): boolean {
  if (!INTEGER_TEXT.test(value)) return false;
  const number = BigInt(value);
  return number >= -(2n ** (bits - 1n)) && number < 2n ** (bits - 1n);
}

/**
 * Whether PostgreSQL will read `value` as a value of `column`'s type, checked
 * before any SQL is sent: a value it cannot read (2026-02-30, 1.5 for an
 * integer, a NUL character) would otherwise fail as a server error, not as
 * the client's mistake.
 */
function fitsColumn(column: PgColumn, value: string): boolean {
  if (value.length > 1_000) return false;
  const type = column.columnType;
  if (type.startsWith('PgTimestamp')) return isTimestampText(value);
  if (type.startsWith('PgDate')) return isCalendarDay(value);
  if (type === 'PgUUID') return isUuid(value);
  if (column.enumValues?.length) return column.enumValues.includes(value);
  if (/^Pg(SmallInt|SmallSerial)/.test(type)) return isIntegerWithin(value, 16n);
  if (/^Pg(Integer|Serial)/.test(type)) return isIntegerWithin(value, 32n);
  if (/^Pg(BigInt|BigSerial)/.test(type)) return isIntegerWithin(value, 64n);
  if (/^Pg(Numeric|Real|Double)/.test(type)) return DECIMAL_TEXT.test(value);
  return !value.includes('\u0000');
}

/** A cursor this table did not make (edited, or from another sort): 400, before any SQL. */
const badCursor = () => fieldRefusal('VALIDATION_FAILED', 'query.cursor', 'validation.cursor');

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string, sort: string, sortColumn: PgColumn, tiebreaker: PgColumn): Cursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const candidate = cursor as Partial<Cursor> | null;
  const values = candidate?.v;
  const valid =
    candidate?.s === sort &&
    (candidate.d === 'after' || candidate.d === 'before') &&
    Array.isArray(values) &&
    values.length === 2 &&
    (values[0] === null ? !sortColumn.notNull : typeof values[0] === 'string' && fitsColumn(sortColumn, values[0])) &&
    typeof values[1] === 'string' &&
    fitsColumn(tiebreaker, values[1]);
  if (!valid) throw badCursor();
  return candidate as Cursor;
}

/**
 * `value` read as a value of `column`'s type: cursors carry PostgreSQL's own text of the value, so nothing is lost
 * (microseconds).
 */
function asColumnValue(column: PgColumn, value: string): SQL {
  return sql`cast(${value} as ${sql.raw(column.getSQLType())})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

function containing(column: PgColumn, text: string): SQL {
  return sql`${column} ilike ${containsPattern(text)}`;
}

/**
 * Refuses a filter value the column cannot hold (`item=abc` on a uuid column,
 * `points=1e12` on an integer one) as the client's mistake, naming its field.
 */
function assertFits(column: PgColumn, field: string, values: unknown[]) {
  for (const value of values) {
    if (value !== undefined && !fitsColumn(column, String(value)))
      throw fieldRefusal('VALIDATION_FAILED', `query.${field}`, 'validation.invalid');
  }
}

function filterCondition(
  name: string,
  filter: FilterSpec,
  column: PgColumn,
  value: Record<string, unknown>,
): SQL | undefined {
  switch (filter.kind) {
    case 'enum':
    case 'id': {
      const values = value.in as string[];
      assertFits(column, name, values);
      return values.length === 1 ? eq(column, values[0]) : inArray(column, values);
    }
    case 'text':
      return and(
        value.equals !== undefined ? eq(column, value.equals) : undefined,
        value.contains !== undefined ? containing(column, value.contains as string) : undefined,
      );
    case 'number':
      assertFits(column, name, [value.equals]);
      assertFits(column, `${name}.min`, [value.min]);
      assertFits(column, `${name}.max`, [value.max]);
      return and(
        value.equals !== undefined ? eq(column, value.equals) : undefined,
        value.min !== undefined ? gte(column, value.min) : undefined,
        value.max !== undefined ? lte(column, value.max) : undefined,
      );
    case 'date': {
      // Whole days: a timestamp column matches from the start of `from` to the end of `to` (in the database's time
      // zone).
      const isDate = column.columnType.startsWith('PgDate');
      return and(
        value.from !== undefined
          ? isDate
            ? gte(column, value.from)
            : sql`${column} >= cast(${value.from} as date)`
          : undefined,
        value.to !== undefined
          ? isDate
            ? lte(column, value.to)
            : sql`${column} < cast(${value.to} as date) + 1`
          : undefined,
      );
    }
  }
}

type Comparison = '>' | '<';

/**
 * Rows strictly past (value, tie) in the order (column op, tiebreaker op), nulls placed last (`nullsLast`) or first.
 */
function pastPosition(
  column: PgColumn,
  tiebreaker: PgColumn,
  op: Comparison,
  position: Cursor['v'],
  nullsLast: boolean,
): SQL {
  const [value, tie] = position;
  const tieValue = asColumnValue(tiebreaker, tie);
  const pastTie = sql`${tiebreaker} ${sql.raw(op)} ${tieValue}`;
  if (column.notNull)
    return sql`(${column}, ${tiebreaker}) ${sql.raw(op)} (${asColumnValue(column, value!)}, ${tieValue})`;
  if (value === null) {
    // Among the nulls: later ties; and, when nulls come first, every non-null row.
    return nullsLast ? sql`(${column} is null and ${pastTie})` : sql`(${column} is not null or ${pastTie})`;
  }
  const pastValue = sql`(${column} is not null and (${column}, ${tiebreaker}) ${sql.raw(op)} (${asColumnValue(column, value)}, ${tieValue}))`;
  return nullsLast ? sql`(${pastValue} or ${column} is null)` : pastValue;
}

function orderBy(column: PgColumn, direction: SortDirection, nullsLast: boolean): SQL {
  const ordered = direction === 'asc' ? asc(column) : desc(column);
  return column.notNull ? ordered : sql`${ordered} ${sql.raw(nullsLast ? 'nulls last' : 'nulls first')}`;
}

const SORT_KEY = '__sortKey';
const TIE_KEY = '__tieKey';

/**
 * Binds a table query to a table and returns `load(db, query, options)`:
 *
 * const taskPages = defineDataLoader(taskQuery, { table: tasks, fields: {...}, sorts: {...}, filters: {...},
 * tiebreaker: tasks.id });
 *   const page = await taskPages.load(tx, query, { scope: organizationId });
 *
 * Offset pages (`query.page`) count the matching rows and clamp the page to
 * the last one; keyset pages (`query.cursor`, or `mode: 'keyset'`) start
 * from a position instead of skipping rows, so page 500 costs what page 1
 * does. Sorting is by one column then the tiebreaker, nulls last.
 */
export function defineDataLoader<Row, S extends string, F extends Record<string, FilterSpec>>(
  definition: TableQueryDefinition<S, F>,
  binding: DataLoaderBinding<S, F>,
) {
  const { spec } = definition;
  const joinedColumns = [...Object.values<PgColumn>(binding.filters), ...(binding.search ?? [])];
  const countNeedsJoins = joinedColumns.some((column) => column.table !== binding.table);

  function conditions(query: TableQuery<S, F>, options: LoadOptions): SQL | undefined {
    if (binding.scopeColumn && options.scope === undefined)
      throw new Error('defineDataLoader: this table is scoped; pass { scope }');
    const parts: (SQL | undefined)[] = [
      binding.scopeColumn ? eq(binding.scopeColumn, options.scope) : undefined,
      options.where,
    ];
    for (const [name, value] of Object.entries(query.filters) as [
      keyof F & string,
      Record<string, unknown> | undefined,
    ][]) {
      if (value) parts.push(filterCondition(name, spec.filters[name]!, binding.filters[name], value));
    }
    if (query.search && binding.searchCondition) parts.push(binding.searchCondition(containsPattern(query.search)));
    else if (query.search && binding.search?.length)
      parts.push(or(...binding.search.map((column) => containing(column, query.search))));
    return and(...parts);
  }

  function select(db: Executor, fields: Record<string, PgColumn | SQL.Aliased | SQL>, withJoins: boolean) {
    let builder = db.select(fields).from(binding.table).$dynamic();
    if (withJoins) for (const join of binding.joins ?? []) builder = builder.leftJoin(join.table, join.on);
    return builder;
  }

  async function countRows(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await select(db, { total: sql<number>`count(*)::int` }, countNeedsJoins).where(where);
    return Number((row as { total: number }).total);
  }

  /** A query typed as valid may still be hand-made: what reaches SQL as a name or a bound is checked once more. */
  function assertWithinSpec(query: TableQuery<S, F>) {
    if (!Object.hasOwn(binding.sorts, query.sort.column) || !['asc', 'desc'].includes(query.sort.direction)) {
      throw fieldRefusal('VALIDATION_FAILED', 'query.sort', 'validation.invalidOption');
    }
    if (!spec.pageSizes.includes(query.pageSize))
      throw fieldRefusal('VALIDATION_FAILED', 'query.pageSize', 'validation.invalidOption');
    if (!Number.isInteger(query.page) || query.page < 1 || query.page > MAX_PAGE)
      throw fieldRefusal('VALIDATION_FAILED', 'query.page', 'validation.invalid');
  }

  async function load(
    db: Executor,
    query: TableQuery<S, F>,
    options: LoadOptions & { mode?: 'offset' | 'keyset' } = {},
  ): Promise<LoadedPage<Row>> {
    assertWithinSpec(query);
    const where = conditions(query, options);
    const sortColumn = binding.sorts[query.sort.column];
    const tiebreaker = binding.tiebreaker;
    const keyset = query.cursor !== null || options.mode === 'keyset';

    const sortText = query.sort.direction === 'desc' ? `-${query.sort.column}` : query.sort.column;
    const fields = {
      ...binding.fields,
      [SORT_KEY]: sql<string | null>`${sortColumn}::text`,
      [TIE_KEY]: sql<string>`${tiebreaker}::text`,
    };

    if (!keyset) {
      const total = await countRows(db, where);
      const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
      const page = Math.min(query.page, pageCount);
      const order = [
        orderBy(sortColumn, query.sort.direction, true),
        query.sort.direction === 'asc' ? asc(tiebreaker) : desc(tiebreaker),
      ];
      // The rows to skip are counted off in the index alone (sort column, tiebreaker: an index-only scan where an
      // index fits), and only the page's own rows are then read and joined: skipping 24,950 whole rows read most
      // of the table and sorted it on disk (docs/data/data-loader.md#indexes).
      const pageKeys = select(db, { key: tiebreaker }, countNeedsJoins || sortColumn.table !== binding.table)
        .where(where)
        .orderBy(...order)
        .limit(query.pageSize)
        .offset((page - 1) * query.pageSize);
      const fetched = await select(db, fields, true)
        .where(and(where, inArray(tiebreaker, pageKeys)))
        .orderBy(...order);
      // Cursors too, so a client can go on from a numbered page without skipping rows (infinite lists).
      return {
        ...withCursors(fetched, sortText, page < pageCount, page > 1),
        total,
        page,
        pageCount,
        pageSize: query.pageSize,
      };
    }

    const cursor = query.cursor ? decodeCursor(query.cursor, sortText, sortColumn, tiebreaker) : null;
    const backwards = cursor?.d === 'before';
    // Going back reads the same order reversed (nulls first), then turns the rows round.
    const direction: SortDirection = backwards
      ? query.sort.direction === 'asc'
        ? 'desc'
        : 'asc'
      : query.sort.direction;
    const op: Comparison = direction === 'asc' ? '>' : '<';
    const [fetched, total] = await Promise.all([
      select(db, fields, true)
        .where(and(where, cursor ? pastPosition(sortColumn, tiebreaker, op, cursor.v, !backwards) : undefined))
        .orderBy(orderBy(sortColumn, direction, !backwards), direction === 'asc' ? asc(tiebreaker) : desc(tiebreaker))
        .limit(query.pageSize + 1),
      options.count === false ? Promise.resolve(null) : countRows(db, where),
    ]);
    const more = fetched.length > query.pageSize;
    const page = fetched.slice(0, query.pageSize);
    if (backwards) page.reverse();
    // Forwards: a next page if one more row came back; a previous one if we started from a cursor. Backwards: the
    // mirror.
    const hasNext = backwards ? true : more;
    const hasPrevious = backwards ? more : cursor !== null;
    return {
      ...withCursors(page, sortText, hasNext, hasPrevious),
      total,
      page: null,
      pageCount: null,
      pageSize: query.pageSize,
    };
  }

  /** The rows without their position columns, and the cursors of the pages either side. */
  function withCursors(fetched: Record<string, unknown>[], sortText: string, hasNext: boolean, hasPrevious: boolean) {
    const positionOf = (row: Record<string, unknown> | undefined): Cursor['v'] | null =>
      row ? [(row[SORT_KEY] as string | null) ?? null, row[TIE_KEY] as string] : null;
    const first = positionOf(fetched[0]);
    const last = positionOf(fetched.at(-1));
    return {
      rows: fetched.map(({ [SORT_KEY]: _sort, [TIE_KEY]: _tie, ...row }) => row as Row),
      nextCursor: hasNext && last ? encodeCursor({ s: sortText, d: 'after', v: last }) : null,
      previousCursor: hasPrevious && first ? encodeCursor({ s: sortText, d: 'before', v: first }) : null,
    };
  }

  return { query: definition, load };
}
