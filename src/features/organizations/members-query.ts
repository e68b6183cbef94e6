import { dashboardPath } from './paths';

/**
 * The members page keeps its search and page in the URL (?q=…&page=…), so a
 * search can be shared, reloaded and used before JavaScript loads.
 */
export interface MembersQuery {
  /** What to look for in names and emails; '' for everyone. */
  search: string;
  /** Starting at 1. The list clamps it to the last page that exists. */
  page: number;
}

/** As long as the list accepts (listMembers reads at most this much of a search). */
export const MEMBER_SEARCH_MAX_LENGTH = 100;
const MAX_PAGE = 100_000;

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads ?q= and ?page= leniently: anything odd means "no search" or "the first page", never an error page. */
export function parseMembersQuery(params: SearchParams): MembersQuery {
  const search = first(params.q).trim().slice(0, MEMBER_SEARCH_MAX_LENGTH);
  const pageText = first(params.page).trim();
  const page = /^\d{1,6}$/.test(pageText) ? Math.min(Math.max(Number(pageText), 1), MAX_PAGE) : 1;
  return { search, page };
}

/** The members page's URL for a search and page; defaults are left out (?page=1, an empty search). */
export function membersPageHref(slug: string, query: Partial<MembersQuery> = {}): string {
  const params = new URLSearchParams();
  const search = query.search?.trim();
  if (search) params.set('q', search);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const queryString = params.toString();
  return `${dashboardPath(slug, 'members')}${queryString ? `?${queryString}` : ''}`;
}
