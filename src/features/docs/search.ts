import type { Options } from 'minisearch';

/**
 * Offline full-text search over the guides (decision 0050). The index is built once per language at build
 * time (the prerendered `/docs/search-index` route) and loaded by the search box on first use: searching
 * never leaves the site. Both sides read the same options, which MiniSearch needs to reload an index.
 */
export type SearchableGuide = { id: string; title: string; headings: string; text: string; section: string };
export type SearchResult = { id: string; title: string; section: string };

export const SEARCH_OPTIONS: Options<SearchableGuide> = {
  fields: ['title', 'headings', 'text'],
  storeFields: ['title', 'section'],
  searchOptions: { boost: { title: 4, headings: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
};

/** The index for one language, serialized (server side, at build time). */
export async function serializeSearchIndex(guides: SearchableGuide[]): Promise<string> {
  const { default: MiniSearch } = await import('minisearch');
  const index = new MiniSearch<SearchableGuide>(SEARCH_OPTIONS);
  index.addAll(guides);
  return JSON.stringify(index);
}

/** Reloads a serialized index and returns a search function (in the browser, or in tests). */
export async function loadSearchIndex(json: string): Promise<(query: string) => SearchResult[]> {
  const { default: MiniSearch } = await import('minisearch');
  const index = MiniSearch.loadJSON<SearchableGuide>(json, SEARCH_OPTIONS);
  return (query) =>
    index
      .search(query)
      .slice(0, 20)
      .map((hit) => ({ id: String(hit.id), title: String(hit.title), section: String(hit.section) }));
}
