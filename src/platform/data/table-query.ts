import { z } from 'zod';
import { singleLineText } from '@/platform/http/text-fields';

/*
 * What a table's URL may ask for — page, page size, sort, filters, search —
 * declared once and shared by the server (which validates every request
 * against it before any SQL is built) and the browser (which writes the same
 * URLs). The server half, which binds these names to columns, is
 * src/platform/db/data-loader.ts. Guide: docs/data/data-loader.md.
 *
 * URL scheme, for a filter named `status`:
 *   enum, id    status=todo             equals   status=todo,done  in (or repeated)
 *   text        title=Fix               equals   title.contains=fix
 *   number      points=3                equals   points.min=1&points.max=5   range
 *   date        due.from=2026-01-01&due.to=2026-01-31                           date range (inclusive days)
 *   always      q=…  search     sort=dueDate | sort=-dueDate (descending)
 *               page=2&pageSize=50  offset pages, or cursor=…  keyset pages
 */

export type FilterSpec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'number'; integer?: boolean }
  | { kind: 'date' };

type PaginationMode = 'offset' | 'keyset';

export interface TableQuerySpec<
  S extends string = string,
  F extends Record<string, FilterSpec> = Record<string, FilterSpec>,
> {
  /** Columns a user may sort by (the names the URL uses). Anything else is refused. */
  sorts: readonly S[];
  /** `name` ascending or `-name` descending. */
  defaultSort: S | `-${S}`;
  filters: F;
  /** Whether `q` (free-text search) is accepted. */
  search?: boolean;
  /** Page sizes offered; the first is the default unless `defaultPageSize` says otherwise. */
  pageSizes: readonly number[];
  defaultPageSize?: number;
  /** Which pagination this table accepts; `cursor` is refused when keyset is not listed. */
  pagination: readonly PaginationMode[];
}

export type SortDirection = 'asc' | 'desc';

export interface TableSort<S extends string = string> {
  column: S;
  direction: SortDirection;
}

type FilterValue<T extends FilterSpec> = T extends { kind: 'enum' }
  ? { in: T['values'][number][] }
  : T extends { kind: 'id' }
    ? { in: string[] }
    : T extends { kind: 'text' }
      ? { equals?: string; contains?: string }
      : T extends { kind: 'number' }
        ? { equals?: number; min?: number; max?: number }
        : { from?: string; to?: string };

export type TableFilters<F extends Record<string, FilterSpec>> = { [K in keyof F]?: FilterValue<F[K]> };

/** A validated request for one page of a table. */
export interface TableQuery<
  S extends string = string,
  F extends Record<string, FilterSpec> = Record<string, FilterSpec>,
> {
  page: number;
  pageSize: number;
  sort: TableSort<S>;
  /** Trimmed; '' for none. */
  search: string;
  filters: TableFilters<F>;
  /** Set for keyset pages: the opaque cursor of the page's neighbour. */
  cursor: string | null;
}

export const MAX_PAGE = 1_000_000;
export const SEARCH_MAX_LENGTH = 100;
const MAX_LIST_VALUES = 50;
const CURSOR_MAX_LENGTH = 2_000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function parseSort<S extends string>(value: string): TableSort<S> {
  return value.startsWith('-')
    ? { column: value.slice(1) as S, direction: 'desc' }
    : { column: value as S, direction: 'asc' };
}

export function formatSort(sort: TableSort): string {
  return sort.direction === 'desc' ? `-${sort.column}` : sort.column;
}

/** One value from a query-string field: the first of repeated ones; '' when absent. */
function single(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A list from `a,b` or repeated names (`x=a&x=b`); empty parts dropped. */
function list(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part) =>
    typeof part === 'string' ? part.split(',') : [part],
  );
  return parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '');
}

/** Whether `text` is a day that exists, written YYYY-MM-DD (no 2026-02-30; no year 0, which PostgreSQL refuses). */
export function isCalendarDay(text: string): boolean {
  if (!DATE_PATTERN.test(text) || text.startsWith('0000')) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** One value; blank (`n.min=` or `n.min=%20`) is absent — never read as 0 by a number. */
const optionalSingle = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const first = single(value);
    return typeof first === 'string' && first.trim() === '' ? undefined : first;
  }, schema.optional());

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30). One check, so a bad value gets one message. */
export const calendarDateSchema = z.string().refine(isCalendarDay, 'validation.date');

/**
 * Free text from a URL: one line (no NUL either, which PostgreSQL cannot hold — refused here rather than failing as a
 * server error).
 */
const urlTextSchema = singleLineText().max(SEARCH_MAX_LENGTH);

function numberSchema(integer: boolean | undefined) {
  const number = z.coerce.number().refine(Number.isFinite, 'validation.invalid');
  return integer ? number.refine(Number.isInteger, 'validation.invalid') : number;
}

function listOf(accepts: (value: string) => boolean, message: string) {
  return z.preprocess(
    list,
    z
      .array(z.string())
      .max(MAX_LIST_VALUES)
      .refine((values) => values.every(accepts), message)
      .optional(),
  );
}

/** The query-string fields one filter reads, each with its schema. */
function filterFields(name: string, filter: FilterSpec): Record<string, z.ZodType> {
  switch (filter.kind) {
    // A bad value in a list is reported on the filter's name (`status`, not `status.1`): that is the field a client
    // shows it under.
    case 'enum':
      return { [name]: listOf((value) => filter.values.includes(value), 'validation.invalidOption') };
    case 'id':
      return { [name]: listOf((value) => ID_PATTERN.test(value), 'validation.invalid') };
    case 'text':
      return {
        [name]: optionalSingle(urlTextSchema),
        [`${name}.contains`]: optionalSingle(urlTextSchema),
      };
    case 'number':
      return {
        [name]: optionalSingle(numberSchema(filter.integer)),
        [`${name}.min`]: optionalSingle(numberSchema(filter.integer)),
        [`${name}.max`]: optionalSingle(numberSchema(filter.integer)),
      };
    case 'date':
      return {
        [`${name}.from`]: optionalSingle(calendarDateSchema),
        [`${name}.to`]: optionalSingle(calendarDateSchema),
      };
  }
}

function filterValue(filter: FilterSpec, name: string, fields: Record<string, unknown>) {
  switch (filter.kind) {
    case 'enum':
    case 'id': {
      const values = fields[name] as string[] | undefined;
      return values?.length ? { in: [...new Set(values)] } : undefined;
    }
    case 'text': {
      const equals = fields[name] as string | undefined;
      const contains = fields[`${name}.contains`] as string | undefined;
      return equals || contains ? { ...(equals ? { equals } : {}), ...(contains ? { contains } : {}) } : undefined;
    }
    case 'number': {
      const [equals, min, max] = [fields[name], fields[`${name}.min`], fields[`${name}.max`]] as (number | undefined)[];
      return equals !== undefined || min !== undefined || max !== undefined ? { equals, min, max } : undefined;
    }
    case 'date': {
      const [from, to] = [fields[`${name}.from`], fields[`${name}.to`]] as (string | undefined)[];
      return from || to ? { from, to } : undefined;
    }
  }
}

/** The pairs that must not be reversed (min ≤ max, from ≤ to), as [low field, high field]. */
function rangeFields(name: string, filter: FilterSpec): [string, string] | null {
  if (filter.kind === 'number') return [`${name}.min`, `${name}.max`];
  if (filter.kind === 'date') return [`${name}.from`, `${name}.to`];
  return null;
}

/**
 * Declares a table's query and builds the zod schema that turns a query
 * string (as an object: `entriesToObject(url.searchParams)` or a page's
 * `searchParams`) into a `TableQuery`. Unknown names are ignored; a known
 * name with a bad value fails with a message for that name.
 */
export function defineTableQuery<const S extends string, const F extends Record<string, FilterSpec>>(
  spec: TableQuerySpec<S, F>,
) {
  const defaultPageSize = spec.defaultPageSize ?? spec.pageSizes[0]!;
  const sortNames = spec.sorts.flatMap((name) => [name, `-${name}`]) as [string, ...string[]];
  const filterShape = Object.fromEntries(
    Object.entries(spec.filters).flatMap(([name, filter]) => Object.entries(filterFields(name, filter))),
  );

  const schema = z
    .object({
      page: optionalSingle(z.coerce.number().int().min(1).max(MAX_PAGE)),
      pageSize: optionalSingle(
        z.coerce
          .number()
          .int()
          .refine((size) => spec.pageSizes.includes(size), 'validation.invalidOption'),
      ),
      sort: optionalSingle(z.enum(sortNames)),
      q: optionalSingle(urlTextSchema),
      cursor: optionalSingle(z.string().max(CURSOR_MAX_LENGTH)),
      ...filterShape,
    })
    .superRefine((fields, context) => {
      const values = fields as Record<string, unknown>;
      if (values.q && !spec.search)
        context.addIssue({ code: 'custom', path: ['q'], message: 'validation.unexpectedField' });
      if (values.cursor !== undefined) {
        if (!spec.pagination.includes('keyset'))
          context.addIssue({ code: 'custom', path: ['cursor'], message: 'validation.unexpectedField' });
        else if (values.page !== undefined)
          context.addIssue({ code: 'custom', path: ['page'], message: 'validation.pageWithCursor' });
      }
      for (const [name, filter] of Object.entries(spec.filters)) {
        const range = rangeFields(name, filter);
        if (!range) continue;
        const [low, high] = [values[range[0]], values[range[1]]];
        if (low !== undefined && high !== undefined && (low as number | string) > (high as number | string)) {
          context.addIssue({ code: 'custom', path: [range[1]], message: 'validation.rangeReversed' });
        }
      }
    })
    .transform((fields): TableQuery<S, F> => {
      const values = fields as Record<string, unknown>;
      const filters = Object.fromEntries(
        Object.entries(spec.filters)
          .map(([name, filter]) => [name, filterValue(filter, name, values)] as const)
          .filter(([, value]) => value !== undefined),
      ) as TableFilters<F>;
      return {
        page: (values.page as number | undefined) ?? 1,
        pageSize: (values.pageSize as number | undefined) ?? defaultPageSize,
        sort: parseSort<S>((values.sort as string | undefined) ?? spec.defaultSort),
        search: (values.q as string | undefined) ?? '',
        filters,
        cursor: (values.cursor as string | undefined) ?? null,
      };
    });

  return {
    spec: { ...spec, defaultPageSize },
    /** Validates a query string given as an object; use with `validateInput` or as a route's `query`. */
    schema,
    /** The query with nothing asked: first page, default size and sort. */
    defaults: schema.parse({}) as TableQuery<S, F>,
    /** The query string for a query, leaving out what equals the defaults (short, shareable URLs). */
    toSearchParams: (query: Partial<TableQuery<S, F>>) => toSearchParams(spec, defaultPageSize, query),
  };
}

export type TableQueryDefinition<
  S extends string = string,
  F extends Record<string, FilterSpec> = Record<string, FilterSpec>,
> = ReturnType<typeof defineTableQuery<S, F>>;

function toSearchParams<S extends string, F extends Record<string, FilterSpec>>(
  spec: TableQuerySpec<S, F>,
  defaultPageSize: number,
  query: Partial<TableQuery<S, F>>,
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  for (const [name, filter] of Object.entries(spec.filters)) {
    const value = (query.filters as Record<string, Record<string, unknown> | undefined> | undefined)?.[name];
    if (!value) continue;
    if (filter.kind === 'enum' || filter.kind === 'id') {
      if ((value.in as string[] | undefined)?.length) params.set(name, (value.in as string[]).join(','));
    } else if (filter.kind === 'text') {
      if (value.equals) params.set(name, String(value.equals));
      if (value.contains) params.set(`${name}.contains`, String(value.contains));
    } else if (filter.kind === 'number') {
      if (value.equals !== undefined) params.set(name, String(value.equals));
      if (value.min !== undefined) params.set(`${name}.min`, String(value.min));
      if (value.max !== undefined) params.set(`${name}.max`, String(value.max));
    } else {
      if (value.from) params.set(`${name}.from`, String(value.from));
      if (value.to) params.set(`${name}.to`, String(value.to));
    }
  }
  if (query.sort && formatSort(query.sort) !== spec.defaultSort) params.set('sort', formatSort(query.sort));
  if (query.pageSize && query.pageSize !== defaultPageSize) params.set('pageSize', String(query.pageSize));
  if (query.cursor) params.set('cursor', query.cursor);
  else if (query.page && query.page > 1) params.set('page', String(query.page));
  return params;
}
