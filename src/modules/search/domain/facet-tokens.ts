
/** The filters that narrow a search (SearchFilters of sql/facet-counts.ts). */
export interface FacetFilters {
  /** A second-level 主题分类 (t11-01). */
  topicCode?: string | undefined;
  /** A top-level 主题分类 (t11): the class and all its second-level classes. */
  topicRootCode?: string | undefined;
  genreCode?: string | undefined;
  organId?: string | undefined;
  /** 发布年份. */
  year?: number | undefined;
  validity?: string | undefined;
}

/** The facet values of a public item, as `public_items` holds them. */
export interface FacetValues {
  topic_root_code: string;
  topic_code: string;
  genre_code: string;
  organ_id: string;
  published_year: number;
  validity: string;
}

/**
 * Filters as words of the index (migration 202612050001: SQLite's FTS5 column `facets`, PostgreSQL's
 * tsvector `facets` in item_search and item_search_keys, under the same GIN indexes): a filtered
 * search then intersects two lists of the index instead of looking up every match's public_items row
 * (a common word with a year filter: 89 ms → a few). One word per facet: `x`, a letter for the facet
 * and the value — the year in digits, codes and ids in lower-case hex of their UTF-8 (unicode61 keeps
 * letters and digits together, so `t11-01` must not reach it as it is). No query word can match them:
 * user terms are looked for in title and body only.
 */
const PREFIX = { topicRootCode: 'xr', topicCode: 'xt', genreCode: 'xg', organId: 'xo', year: 'xy', validity: 'xv' } as const;

const hex = (value: string) => Array.from(new TextEncoder().encode(value), (b) => b.toString(16).padStart(2, '0')).join('');

function token(facet: keyof typeof PREFIX, value: string | number): string {
  return PREFIX[facet] + (facet === 'year' ? String(value) : hex(String(value)));
}

/** The words an item's entry carries in `facets`. */
export function facetTokens(v: FacetValues): string[] {
  return [
    token('topicRootCode', v.topic_root_code),
    token('topicCode', v.topic_code),
    token('genreCode', v.genre_code),
    token('organId', v.organ_id),
    token('year', v.published_year),
    token('validity', v.validity),
  ];
}

/** The facet words of the filters that are set. */
function filterWords(filters: FacetFilters): string[] {
  const words: string[] = [];
  for (const facet of Object.keys(PREFIX) as (keyof typeof PREFIX)[]) {
    const value = filters[facet];
    if (value !== undefined && value !== '') words.push(token(facet, value));
  }
  return words;
}

/** The FTS5 expression every filter asks for (`facets : (… AND …)`), or undefined without filters. */
export function facetExpression(filters: FacetFilters): string | undefined {
  const words = filterWords(filters).map((w) => `"${w}"`);
  return words.length > 0 ? `facets : (${words.join(' AND ')})` : undefined;
}

/** The to_tsquery('simple', …) text every filter asks for (`'xy2023' & …`, matched against `facets`), or undefined without filters. */
export function facetTsquery(filters: FacetFilters): string | undefined {
  const words = filterWords(filters).map((w) => `'${w}'`);
  return words.length > 0 ? words.join(' & ') : undefined;
}

/** The filter a facet word stands for, by its prefix. */
const FILTER_OF_PREFIX = new Map<string, keyof typeof PREFIX>(Object.entries(PREFIX).map(([filter, prefix]) => [prefix, filter as keyof typeof PREFIX]));
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The facet and value a word of `facets` stands for (`xy2023` → year 2023, `xg` + hex → that 体裁
 * code): `facetTokens` read backwards, so that facets can be counted from the index's own words.
 * Undefined for anything `facetTokens` does not write.
 */
export function facetOfWord(word: string): { filter: keyof FacetFilters; value: string } | undefined {
  const filter = FILTER_OF_PREFIX.get(word.slice(0, 2));
  const rest = word.slice(2);
  if (!filter || rest === '') return undefined;
  if (filter === 'year') return /^\d+$/.test(rest) ? { filter, value: rest } : undefined;
  if (!/^(?:[0-9a-f]{2})+$/.test(rest)) return undefined;
  try {
    return { filter, value: utf8.decode(Uint8Array.from(rest.match(/../g)!, (h) => parseInt(h, 16))) };
  } catch {
    return undefined;
  }
}
