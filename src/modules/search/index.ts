/** Chinese full-text search over the public items: the service, its types and the /search page. */
export { SearchService, MAX_PAGE, MAX_PAGE_SIZE } from './search-service.ts';
export type { FacetCount, SearchFacets, SearchFilters, SearchHit, SearchOptions, SearchResult, SearchSuggestion } from './search-service.ts';
/** The cutter shared by the index and queries (one jieba per process). */
export { segmentForIndex, segmentQuery } from './segmenter.ts';
