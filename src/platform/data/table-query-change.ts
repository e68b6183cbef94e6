import type { FilterSpec, TableFilters, TableQuery, TableQueryDefinition, TableSort } from './table-query';

/** What one control of a list changes: any of these; `sort: null` goes back to the default order. */
export interface TableQueryPatch<S extends string, F extends Record<string, FilterSpec>> {
  sort?: TableSort<S> | null;
  page?: number;
  pageSize?: number;
  search?: string;
  filters?: TableFilters<F>;
}

/**
 * The query after one change. Anything but a page change starts again at
 * page 1: another order, size or filter makes "page 4" point at other rows
 * (or none). Offset pages only: a cursor never survives a change.
 */
export function changeTableQuery<S extends string, F extends Record<string, FilterSpec>>(
  definition: TableQueryDefinition<S, F>,
  query: TableQuery<S, F>,
  patch: TableQueryPatch<S, F>,
): TableQuery<S, F> {
  const next: TableQuery<S, F> = { ...query, cursor: null };
  if (patch.sort !== undefined) next.sort = patch.sort ?? definition.defaults.sort;
  if (patch.pageSize !== undefined) next.pageSize = patch.pageSize;
  if (patch.search !== undefined) next.search = patch.search.trim();
  if (patch.filters !== undefined) next.filters = withoutEmptyFilters(patch.filters);
  const onlyPage = Object.keys(patch).every((key) => key === 'page');
  next.page = onlyPage ? Math.max(1, Math.trunc(patch.page ?? query.page)) : 1;
  return next;
}

/** The query with no search and no filters (order and page size kept). */
export function clearedTableQuery<S extends string, F extends Record<string, FilterSpec>>(
  definition: TableQueryDefinition<S, F>,
  query: TableQuery<S, F>,
): TableQuery<S, F> {
  return changeTableQuery(definition, query, { search: '', filters: {} });
}

/** Whether the query narrows the rows (a search or any filter). */
export function isFilteredTableQuery(query: Pick<TableQuery, 'search' | 'filters'>): boolean {
  return query.search !== '' || Object.keys(withoutEmptyFilters(query.filters)).length > 0;
}

/** Drops filters that ask for nothing (`{ in: [] }`, `{ from: undefined }`), so URLs and "is filtered" agree. */
function withoutEmptyFilters<F extends Record<string, FilterSpec>>(filters: TableFilters<F>): TableFilters<F> {
  return Object.fromEntries(
    Object.entries(filters as Record<string, Record<string, unknown> | undefined>).filter(
      ([, value]) =>
        value &&
        Object.values(value).some((part) =>
          Array.isArray(part) ? part.length > 0 : part !== undefined && part !== '',
        ),
    ),
  ) as TableFilters<F>;
}
