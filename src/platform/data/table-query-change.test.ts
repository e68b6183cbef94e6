import { describe, expect, it } from 'vitest';
import { defineTableQuery } from './table-query';
import { changeTableQuery, clearedTableQuery, isFilteredTableQuery } from './table-query-change';

const books = defineTableQuery({
  sorts: ['title', 'published'],
  defaultSort: '-published',
  filters: { genre: { kind: 'enum', values: ['poetry', 'novel', 'essay'] }, published: { kind: 'date' } },
  search: true,
  pageSizes: [10, 25, 50],
  defaultPageSize: 25,
  pagination: ['offset', 'keyset'],
});

/** The query a URL asks for, as the server validates it. */
const from = (search: string) => books.schema.parse(Object.fromEntries(new URLSearchParams(search)));
/** The URL of a query, as the browser writes it. */
const url = (query: Parameters<typeof books.toSearchParams>[0]) => books.toSearchParams(query).toString();

describe('changeTableQuery', () => {
  const onPage3 = from('genre=poetry,essay&q=moon&sort=title&pageSize=10&page=3');

  it('changes the page alone, keeping everything else', () => {
    expect(url(changeTableQuery(books, onPage3, { page: 4 }))).toBe(
      'q=moon&genre=poetry%2Cessay&sort=title&pageSize=10&page=4',
    );
  });

  it('starts again at page 1 after another sort, size, search or filter', () => {
    expect(url(changeTableQuery(books, onPage3, { sort: { column: 'published', direction: 'asc' } }))).toBe(
      'q=moon&genre=poetry%2Cessay&sort=published&pageSize=10',
    );
    expect(changeTableQuery(books, onPage3, { pageSize: 50 }).page).toBe(1);
    expect(changeTableQuery(books, onPage3, { search: 'sun' }).page).toBe(1);
    expect(changeTableQuery(books, onPage3, { filters: { genre: { in: ['novel'] } } }).page).toBe(1);
    expect(changeTableQuery(books, onPage3, { page: 2, pageSize: 50 }).page).toBe(1);
  });

  it('goes back to the default order for a removed sort, which the URL then leaves out', () => {
    const unsorted = changeTableQuery(books, onPage3, { sort: null });
    expect(unsorted.sort).toEqual({ column: 'published', direction: 'desc' });
    expect(url(unsorted)).toBe('q=moon&genre=poetry%2Cessay&pageSize=10');
  });

  it('trims the search and drops filters that ask for nothing', () => {
    const next = changeTableQuery(books, onPage3, {
      search: '  sun ',
      filters: { genre: { in: [] }, published: { from: '2020-01-01', to: undefined } },
    });
    expect(next.search).toBe('sun');
    expect(next.filters).toEqual({ published: { from: '2020-01-01', to: undefined } });
    expect(url(next)).toBe('q=sun&published.from=2020-01-01&sort=title&pageSize=10');
  });

  it('never keeps a cursor', () => {
    const keyset = from('cursor=abc&sort=title');
    expect(changeTableQuery(books, keyset, { page: 2 }).cursor).toBeNull();
    expect(url(changeTableQuery(books, keyset, { page: 2 }))).toBe('sort=title&page=2');
  });

  it('writes URLs the server reads back as the same query', () => {
    const next = changeTableQuery(books, onPage3, {
      filters: { genre: { in: ['novel'] }, published: { from: '2020-01-01', to: '2020-12-31' } },
    });
    expect(from(url(next))).toEqual(next);
  });
});

describe('clearedTableQuery and isFilteredTableQuery', () => {
  it('clears search and filters, keeping order and size', () => {
    const query = from('genre=poetry&q=moon&sort=title&pageSize=10&page=3');
    expect(isFilteredTableQuery(query)).toBe(true);
    const cleared = clearedTableQuery(books, query);
    expect(url(cleared)).toBe('sort=title&pageSize=10');
    expect(isFilteredTableQuery(cleared)).toBe(false);
    expect(isFilteredTableQuery(from('sort=title&page=2'))).toBe(false);
    expect(isFilteredTableQuery(from('published.to=2020-01-01'))).toBe(true);
  });
});
