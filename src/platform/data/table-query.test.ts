import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/platform/i18n/translator';
import { entriesToObject, validateInput } from '@/platform/http/validation';
import { calendarDateSchema, defineTableQuery, MAX_PAGE, SEARCH_MAX_LENGTH, type TableQuery } from './table-query';

/** A table with one filter of every kind, search and both paginations. */
const people = defineTableQuery({
  sorts: ['name', 'age', 'born'],
  defaultSort: '-born',
  filters: {
    role: { kind: 'enum', values: ['admin', 'member', 'guest'] },
    team: { kind: 'id' },
    name: { kind: 'text' },
    age: { kind: 'number', integer: true },
    score: { kind: 'number' },
    born: { kind: 'date' },
  },
  search: true,
  pageSizes: [10, 20, 50],
  defaultPageSize: 20,
  pagination: ['offset', 'keyset'],
});

/** No search, no keyset: `q` and `cursor` are not expected. */
const plain = defineTableQuery({
  sorts: ['name'],
  defaultSort: 'name',
  filters: {},
  pageSizes: [10, 30],
  pagination: ['offset'],
});

type PeopleQuery = typeof people.defaults;

const t = translatorFor('en', 'errors');
const message = (key: string, values?: Record<string, number>) => t(key as never, values as never);

/** A query string as the server reads it (repeated names become arrays). */
function read(definition: { schema: typeof people.schema | typeof plain.schema }, queryString: string) {
  return validateInput(definition.schema, entriesToObject(new URLSearchParams(queryString)), 'en');
}

function parsed(queryString: string): PeopleQuery {
  const result = read(people, queryString);
  if (!result.ok) throw new Error(`refused ${queryString}: ${JSON.stringify(result.fieldErrors)}`);
  return result.data as PeopleQuery;
}

function refusals(definition: typeof people | typeof plain, queryString: string) {
  const result = read(definition, queryString);
  if (result.ok) throw new Error(`accepted ${queryString}: ${JSON.stringify(result.data)}`);
  return result.fieldErrors;
}

const roundTrip = (query: PeopleQuery) => parsed(people.toSearchParams(query).toString());

describe('defaults', () => {
  it('asks for the first page, the default size and sort, no search and no filters', () => {
    expect(people.defaults).toEqual({
      page: 1,
      pageSize: 20,
      sort: { column: 'born', direction: 'desc' },
      search: '',
      filters: {},
      cursor: null,
    });
    expect(plain.defaults).toEqual({
      page: 1,
      pageSize: 10,
      sort: { column: 'name', direction: 'asc' },
      search: '',
      filters: {},
      cursor: null,
    });
    expect(parsed('')).toEqual(people.defaults);
  });

  it('takes the first page size as the default when none is named', () => {
    expect(plain.spec.defaultPageSize).toBe(10);
    expect(people.spec.defaultPageSize).toBe(20);
  });

  it('leaves out of the URL whatever equals the defaults', () => {
    expect(people.toSearchParams(people.defaults).toString()).toBe('');
    expect(
      people
        .toSearchParams({ page: 1, pageSize: 20, sort: { column: 'born', direction: 'desc' }, search: '', filters: {} })
        .toString(),
    ).toBe('');
    // The same column ascending is not the default.
    expect(people.toSearchParams({ ...people.defaults, sort: { column: 'born', direction: 'asc' } }).toString()).toBe(
      'sort=born',
    );
    expect(people.toSearchParams({ ...people.defaults, pageSize: 10, page: 2 }).toString()).toBe('pageSize=10&page=2');
  });
});

describe('reading a URL and writing it back', () => {
  const everything =
    'q=quarterly+report&role=admin,member&team=t-1&team=t_2&name=Ann&name.contains=an&age.min=18&age.max=65&score=2.5&born.from=2000-01-01&born.to=2000-12-31&sort=age&page=3&pageSize=50';

  it('reads every kind of filter, search, sort and page', () => {
    expect(parsed(everything)).toEqual({
      page: 3,
      pageSize: 50,
      sort: { column: 'age', direction: 'asc' },
      search: 'quarterly report',
      cursor: null,
      filters: {
        role: { in: ['admin', 'member'] },
        team: { in: ['t-1', 't_2'] },
        name: { equals: 'Ann', contains: 'an' },
        age: { equals: undefined, min: 18, max: 65 },
        score: { equals: 2.5, min: undefined, max: undefined },
        born: { from: '2000-01-01', to: '2000-12-31' },
      },
    } satisfies PeopleQuery);
  });

  it('gives back the same query from the URL it writes', () => {
    const queries: PeopleQuery[] = [
      parsed(everything),
      parsed('sort=-name&q=%25_%5C+%26+%3D%3F'),
      parsed('age=0&score.min=-1.5&born.to=2026-02-28'),
      parsed('cursor=abc-DEF_123&pageSize=10&role=guest'),
      people.defaults,
    ];
    for (const query of queries) expect(roundTrip(query)).toEqual(query);
    expect(parsed('sort=-name&q=%25_%5C+%26+%3D%3F').search).toBe('%_\\ & =?');
  });

  it('writes a canonical URL: lists joined by commas, names in a fixed order', () => {
    expect(people.toSearchParams(parsed('team=b&page=2&team=a&role=guest&role=admin')).toString()).toBe(
      'role=guest%2Cadmin&team=b%2Ca&page=2',
    );
  });

  it('writes a cursor instead of the page, never both', () => {
    const params = people.toSearchParams({ ...people.defaults, page: 4, cursor: 'xyz' });
    expect(params.get('cursor')).toBe('xyz');
    expect(params.has('page')).toBe(false);
  });
});

describe('lists (enum and id filters)', () => {
  it('reads comma lists, repeated names and both mixed, without duplicates or empty parts', () => {
    expect(parsed('role=admin,guest').filters.role).toEqual({ in: ['admin', 'guest'] });
    expect(parsed('role=admin&role=guest').filters.role).toEqual({ in: ['admin', 'guest'] });
    expect(parsed('role=admin&role=member,guest').filters.role).toEqual({ in: ['admin', 'member', 'guest'] });
    expect(parsed('role=admin,admin&role=admin').filters.role).toEqual({ in: ['admin'] });
    expect(parsed('role=,admin,,%20guest%20,').filters.role).toEqual({ in: ['admin', 'guest'] });
  });

  it('treats an empty list as no filter', () => {
    expect(parsed('role=&team=').filters).toEqual({});
    expect(parsed('role=,,').filters).toEqual({});
  });

  it('refuses a value that is not offered, naming the filter', () => {
    expect(refusals(people, 'role=admin,owner')).toEqual({ role: [message('validation.invalidOption')] });
    expect(Object.keys(refusals(people, 'role=ADMIN'))).toEqual(['role']);
  });

  it('refuses ids that are not plain identifiers, and more than 50 values', () => {
    expect(refusals(people, 'team=a%20b')).toEqual({ team: [message('validation.invalid')] });
    expect(Object.keys(refusals(people, `team=ok,${'x'.repeat(65)}`))).toEqual(['team']);
    expect(parsed(`team=${'x'.repeat(64)}`).filters.team).toEqual({ in: ['x'.repeat(64)] });
    const many = Array.from({ length: 51 }, (_, index) => `t${index}`).join(',');
    expect(Object.keys(refusals(people, `team=${many}`))).toEqual(['team']);
    expect(parsed(`team=${many.split(',').slice(0, 50).join(',')}`).filters.team?.in).toHaveLength(50);
  });
});

describe('unknown names', () => {
  it('ignores them, whatever they are called', () => {
    expect(
      parsed('password=x&role.contains=a&name.min=3&born=2020-01-01&__proto__=x&constructor=y&toString=z'),
    ).toEqual(people.defaults);
  });
});

describe('page and page size', () => {
  it('accepts pages 1 to MAX_PAGE and refuses the rest, naming page', () => {
    expect(parsed('page=1').page).toBe(1);
    expect(parsed(`page=${MAX_PAGE}`).page).toBe(MAX_PAGE);
    for (const page of ['0', '-1', '1.5', 'two', String(MAX_PAGE + 1), '1e309']) {
      expect(Object.keys(refusals(people, `page=${page}`)), page).toEqual(['page']);
    }
    expect(refusals(people, 'page=0')).toEqual({ page: [message('validation.tooSmall', { minimum: 1 })] });
  });

  it('reads the first of repeated values, and an empty one as absent', () => {
    expect(parsed('page=2&page=3').page).toBe(2);
    expect(parsed('page=').page).toBe(1);
    expect(parsed('page=%20%20').page).toBe(1);
  });

  it('accepts only the page sizes offered', () => {
    expect(parsed('pageSize=50').pageSize).toBe(50);
    for (const size of ['7', '0', '-10', '100', '10.5', 'all']) {
      expect(Object.keys(refusals(people, `pageSize=${size}`)), size).toEqual(['pageSize']);
    }
    expect(refusals(people, 'pageSize=7')).toEqual({ pageSize: [message('validation.invalidOption')] });
  });
});

describe('sort', () => {
  it('reads a declared name ascending, or descending with a leading dash', () => {
    expect(parsed('sort=name').sort).toEqual({ column: 'name', direction: 'asc' });
    expect(parsed('sort=-age').sort).toEqual({ column: 'age', direction: 'desc' });
  });

  it('refuses anything not offered, naming sort', () => {
    for (const sort of [
      'password',
      'Name',
      '--name',
      '-',
      '+name',
      'name desc',
      'name;drop table people',
      'name,age',
      '(select 1)',
    ]) {
      expect(refusals(people, `sort=${encodeURIComponent(sort)}`), sort).toEqual({
        sort: [message('validation.invalidOption')],
      });
    }
  });
});

describe('ranges', () => {
  it('refuses a number range whose minimum is above its maximum, on the maximum', () => {
    expect(refusals(people, 'age.min=10&age.max=9')).toEqual({ 'age.max': [message('validation.rangeReversed')] });
    // Compared as numbers, not as text ("9" > "10").
    expect(parsed('age.min=9&age.max=10').filters.age).toEqual({ equals: undefined, min: 9, max: 10 });
    expect(parsed('score.min=2.5&score.max=2.5').filters.score).toMatchObject({ min: 2.5, max: 2.5 });
  });

  it('refuses a date range that ends before it starts, on its end', () => {
    expect(refusals(people, 'born.from=2026-03-02&born.to=2026-03-01')).toEqual({
      'born.to': [message('validation.rangeReversed')],
    });
    expect(parsed('born.from=2026-03-01&born.to=2026-03-01').filters.born).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(parsed('born.from=2026-03-01').filters.born).toEqual({ from: '2026-03-01', to: undefined });
  });

  it('reads only integers for an integer filter, and only finite numbers', () => {
    expect(Object.keys(refusals(people, 'age=1.5'))).toEqual(['age']);
    expect(Object.keys(refusals(people, 'age.min=abc'))).toEqual(['age.min']);
    expect(Object.keys(refusals(people, 'score=Infinity'))).toEqual(['score']);
    expect(parsed('score=-0.25').filters.score).toMatchObject({ equals: -0.25 });
    expect(parsed('age=0').filters.age).toMatchObject({ equals: 0 });
  });

  it('treats a blank number as absent, not as zero', () => {
    expect(parsed('age=%20&age.min=%20%20&score.max=').filters).toEqual({});
  });
});

describe('dates', () => {
  it('refuses days that do not exist and other spellings, with the date message', () => {
    for (const day of [
      '0000-01-01',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2025-02-29',
      '2026-1-01',
      '20260101',
      '2026-01-01T00:00',
      '01/02/2026',
      'today',
    ]) {
      expect(refusals(people, `born.from=${encodeURIComponent(day)}`), day).toEqual({
        'born.from': [message('validation.date')],
      });
    }
    expect(parsed('born.to=2024-02-29').filters.born).toEqual({ from: undefined, to: '2024-02-29' });
  });

  it('exports the same check for forms', () => {
    expect(calendarDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(calendarDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(calendarDateSchema.safeParse('2026-02-28 ').success).toBe(false);
  });
});

describe('search', () => {
  it('trims it and keeps it verbatim otherwise', () => {
    expect(parsed('q=%20%20invoice%2042%20').search).toBe('invoice 42');
    expect(parsed('q=%20').search).toBe('');
  });

  it('refuses q where the table has no search, naming q', () => {
    expect(refusals(plain, 'q=anything')).toEqual({ q: [message('validation.unexpectedField')] });
    // Blank is no search at all.
    expect(read(plain, 'q=%20').ok).toBe(true);
  });
});

describe('cursor', () => {
  it('is kept as given, with the first page', () => {
    expect(parsed('cursor=eyJzIjoiLWJvcm4ifQ')).toMatchObject({ cursor: 'eyJzIjoiLWJvcm4ifQ', page: 1 });
  });

  it('is refused where the table has no keyset pages, naming cursor', () => {
    expect(refusals(plain, 'cursor=abc')).toEqual({ cursor: [message('validation.unexpectedField')] });
  });

  it('is refused together with a page number, naming page', () => {
    expect(refusals(people, 'page=2&cursor=abc')).toEqual({ page: [message('validation.pageWithCursor')] });
    expect(refusals(people, 'page=1&cursor=abc')).toEqual({ page: [message('validation.pageWithCursor')] });
  });
});

describe('length limits', () => {
  it('accepts a search and a text filter up to the limit and refuses one character more', () => {
    const longest = 'x'.repeat(SEARCH_MAX_LENGTH);
    expect(parsed(`q=${longest}&name.contains=${longest}&name=${longest}`)).toMatchObject({
      search: longest,
      filters: { name: { equals: longest, contains: longest } },
    });
    const tooLong = message('validation.tooLong', { maximum: SEARCH_MAX_LENGTH });
    expect(refusals(people, `q=${longest}x`)).toEqual({ q: [tooLong] });
    expect(refusals(people, `name.contains=${longest}x`)).toEqual({ 'name.contains': [tooLong] });
    expect(refusals(people, `name=${longest}x`)).toEqual({ name: [tooLong] });
  });

  it('refuses a cursor longer than 2000 characters', () => {
    expect(parsed(`cursor=${'a'.repeat(2000)}`).cursor).toHaveLength(2000);
    expect(Object.keys(refusals(people, `cursor=${'a'.repeat(2001)}`))).toEqual(['cursor']);
  });
});

describe('values that look like SQL', () => {
  it('keeps text filters and search verbatim (they reach the database as bound values)', () => {
    const attack = "x'); drop table people; --";
    expect(parsed(`name=${encodeURIComponent(attack)}&q=${encodeURIComponent('1 or 1=1')}`)).toMatchObject({
      search: '1 or 1=1',
      filters: { name: { equals: attack } },
    });
  });

  it('refuses them everywhere the value has a shape (enum, id, number, date, sort)', () => {
    const attempts: [string, string][] = [
      ['role', "admin' or '1'='1"],
      ['team', '1 or 1=1'],
      ['team', "x';--"],
      ['age', '1 or 1=1'],
      ['score.min', '0; drop table people'],
      ['born.from', "2026-01-01' or '1'='1"],
      ['sort', 'name; drop table people'],
    ];
    for (const [name, value] of attempts) {
      const errors = refusals(people, `${name}=${encodeURIComponent(value)}`);
      expect(Object.keys(errors), `${name}=${value}`).toEqual([name]);
    }
  });

  it('refuses a NUL character in text (PostgreSQL cannot store it; it would fail as a server error)', () => {
    expect(Object.keys(refusals(people, 'q=a%00b'))).toEqual(['q']);
    expect(Object.keys(refusals(people, 'name.contains=%00'))).toEqual(['name.contains']);
    expect(Object.keys(refusals(people, 'name=a%00'))).toEqual(['name']);
  });
});

describe('types', () => {
  it('gives a TableQuery a server can pass to its loader', () => {
    const query: TableQuery<'name' | 'age' | 'born'> = parsed('sort=name');
    expect(query.sort.column).toBe('name');
  });
});
