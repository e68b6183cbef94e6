import { describe, expect, it } from 'vitest';
import { MEMBER_SEARCH_MAX_LENGTH, membersPageHref, parseMembersQuery } from './members-query';

describe('parseMembersQuery', () => {
  it('reads the search and the page', () => {
    expect(parseMembersQuery({ q: '  ada ', page: '3' })).toEqual({ search: 'ada', page: 3 });
  });

  it('defaults to everyone, first page', () => {
    expect(parseMembersQuery({})).toEqual({ search: '', page: 1 });
  });

  it('treats odd pages as the first one', () => {
    for (const page of ['0', '-2', 'two', '1.5', '1e3', '', ' ', '9999999999']) {
      expect(parseMembersQuery({ page }).page, page).toBe(1);
    }
  });

  it('takes the first of repeated parameters', () => {
    expect(parseMembersQuery({ q: ['grace', 'linus'], page: ['2', '5'] })).toEqual({ search: 'grace', page: 2 });
  });

  it('cuts a long search to what the list reads', () => {
    expect(parseMembersQuery({ q: 'x'.repeat(500) }).search).toHaveLength(MEMBER_SEARCH_MAX_LENGTH);
  });
});

describe('membersPageHref', () => {
  it('leaves out the defaults', () => {
    expect(membersPageHref('acme')).toBe('/dashboard/acme/members');
    expect(membersPageHref('acme', { search: ' ', page: 1 })).toBe('/dashboard/acme/members');
  });

  it('encodes the search and keeps the page', () => {
    expect(membersPageHref('acme', { search: 'ada & co', page: 2 })).toBe(
      '/dashboard/acme/members?q=ada+%26+co&page=2',
    );
  });

  it('reads back what it wrote', () => {
    const href = membersPageHref('acme', { search: 'o’brien', page: 4 });
    const params = Object.fromEntries(new URL(href, 'http://localhost').searchParams);
    expect(parseMembersQuery(params)).toEqual({ search: 'o’brien', page: 4 });
  });
});
