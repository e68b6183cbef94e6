'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useEffectEvent, useOptimistic, useState, useTransition } from 'react';
import type { FilterSpec, TableFilters, TableQuery, TableQueryDefinition, TableSort } from './table-query';
import { changeTableQuery, clearedTableQuery, type TableQueryPatch } from './table-query-change';

/** How long typing must pause before the search goes to the URL. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * A list's state — sort, page, page size, search, filters — kept in the
 * URL, so a list can be shared, reloaded and walked back with the browser's
 * Back button. Give it the table's query definition and the query the
 * server rendered (validated from the same URL); its setters navigate to
 * the new URL (built by `definition.toSearchParams`) and the server renders
 * the new page.
 *
 * - Sort, page, size and filter changes push a history entry (Back undoes
 *   them one by one); everything but a page change starts at page 1.
 * - Search is debounced while typing: the first pause of a burst pushes an
 *   entry, later ones replace it, so Back leaves the search in one step.
 * - `query` reflects a change at once (optimistically) and `pending` is true
 *   until the new page has arrived: show the table as loading meanwhile.
 */
export function useTableUrlState<S extends string, F extends Record<string, FilterSpec>>(
  definition: TableQueryDefinition<S, F>,
  serverQuery: TableQuery<S, F>,
  { searchDelayMs = SEARCH_DEBOUNCE_MS }: { searchDelayMs?: number } = {},
) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [query, showQuery] = useOptimistic(serverQuery);
  // What is in the search box while it differs from the URL (typing, or waiting for the debounce).
  const [typed, setTyped] = useState<string | null>(null);
  // Whether the current search burst already has its own history entry.
  const [searchEntry, setSearchEntry] = useState(false);

  // The URL's search changed by other means (Back, a link, "clear"): the box shows it again.
  const [seenSearch, setSeenSearch] = useState(serverQuery.search);
  if (serverQuery.search !== seenSearch) {
    setSeenSearch(serverQuery.search);
    if (typed !== null && typed.trim() !== serverQuery.search) setTyped(null);
  }

  const hrefFor = useCallback(
    (next: Partial<TableQuery<S, F>>) => {
      const search = definition.toSearchParams(next).toString();
      return search ? `${pathname}?${search}` : pathname;
    },
    [definition, pathname],
  );

  const navigate = useCallback(
    (next: TableQuery<S, F>, mode: 'push' | 'replace') => {
      startTransition(() => {
        showQuery(next);
        router[mode](hrefFor(next), { scroll: false });
      });
    },
    [hrefFor, router, showQuery],
  );

  const change = useCallback(
    (patch: TableQueryPatch<S, F>) => {
      setSearchEntry(false);
      navigate(changeTableQuery(definition, query, patch), 'push');
    },
    [definition, navigate, query],
  );

  const commitSearch = useEffectEvent((text: string) => {
    if (text.trim() === query.search) return;
    navigate(changeTableQuery(definition, query, { search: text }), searchEntry ? 'replace' : 'push');
    setSearchEntry(true);
  });

  useEffect(() => {
    if (typed === null) return;
    const timer = setTimeout(() => commitSearch(typed), searchDelayMs);
    return () => clearTimeout(timer);
  }, [typed, searchDelayMs]);

  return {
    /** The query shown: the server's, or the one just asked for while it loads. */
    query,
    /** True from a change until its page has rendered. */
    pending,
    /** The text for the search box (what is typed, else the URL's search). */
    searchText: typed ?? query.search,
    /** The address of a query on this page (for links that work before JavaScript, and sharing). */
    hrefFor,
    setSort: (sort: TableSort<S> | null) => change({ sort }),
    setPage: (page: number) => change({ page }),
    setPageSize: (pageSize: number) => change({ pageSize }),
    /** While typing: the URL follows after a pause. */
    setSearch: (text: string) => setTyped(text),
    /** Now (Enter, a submit button): the search goes to the URL without waiting. */
    submitSearch: (text: string) => {
      setTyped(text);
      if (text.trim() !== query.search) change({ search: text });
    },
    setFilter: <K extends keyof F & string>(name: K, value: TableFilters<F>[K] | undefined) =>
      change({ filters: { ...query.filters, [name]: value } as TableFilters<F> }),
    setFilters: (filters: TableFilters<F>) => change({ filters }),
    /** No search, no filters; order and page size stay. */
    clear: () => {
      setTyped(null);
      setSearchEntry(false);
      navigate(clearedTableQuery(definition, query), 'push');
    },
  };
}
