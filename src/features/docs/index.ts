/**
 * The docs site (/docs, decision 0050), client-safe face: links and the search box. Data comes from
 * `@/features/docs/server`; pages and components from `@/features/docs/components/<file>`.
 */
export { docsHref, localizeGuideLinks } from './paths';
export { serializeSearchIndex, loadSearchIndex, SEARCH_OPTIONS, type SearchResult } from './search';
