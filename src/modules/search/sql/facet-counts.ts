import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { facetOfWord, type FacetFilters } from '../domain/facet-tokens.ts';

/** The facets of the portal lists and of search; each narrows to public items with that value (一级/二级主题分类, 体裁, 发布机构, 发布年份, 有效性). */
export type SearchFilters = FacetFilters;

export type FacetName = 'topicRoots' | 'topicLeaves' | 'genres' | 'organs' | 'years' | 'validities';

/** Raw counts per facet value (undefined: listed, not counted); `name` only for 发布机构 (the projection's organ name). */
export interface RawFacets {
  total: number;
  counts: Record<FacetName, { value: string; name: string; count: number | undefined }[]>;
}

/** The `public_items` conditions for the filters, as SQL on the projection's column names. */
export function filterConditions(f: SearchFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.topicRootCode) out.push(sql`topic_root_code = ${f.topicRootCode}`);
  if (f.topicCode) out.push(sql`topic_code = ${f.topicCode}`);
  if (f.genreCode) out.push(sql`genre_code = ${f.genreCode}`);
  if (f.organId) out.push(sql`organ_id = ${f.organId}`);
  if (f.year !== undefined) out.push(sql`published_year = ${f.year}`);
  if (f.validity) out.push(sql`validity = ${f.validity}`);
  return out;
}

/** Each facet is counted with every other filter but not its own, so people can switch between values. */
const BRANCHES: readonly [FacetName, string, (f: SearchFilters) => SearchFilters][] = [
  ['topicRoots', 'topic_root_code', (f) => ({ ...f, topicRootCode: undefined, topicCode: undefined })],
  ['topicLeaves', 'topic_code', (f) => ({ ...f, topicCode: undefined })],
  ['genres', 'genre_code', (f) => ({ ...f, genreCode: undefined })],
  ['organs', 'organ_id', (f) => ({ ...f, organId: undefined })],
  ['years', 'published_year', (f) => ({ ...f, year: undefined })],
  ['validities', 'validity', (f) => ({ ...f, validity: undefined })],
];

export const FACET_NAMES: readonly FacetName[] = BRANCHES.map(([facet]) => facet);

/** The filters a facet is counted under: all of them but its own. */
export function facetFilters(facet: FacetName, filters: SearchFilters): SearchFilters {
  return BRANCHES.find(([name]) => name === facet)![2](filters);
}

/** A stable key of a set of filters (undefined ones left out). */
export const filtersKey = (f: SearchFilters): string => JSON.stringify(f);

/**
 * Browsing (no words): the number of public items passing `filters` and the counts of every facet,
 * in one statement. Each distinct set of filters among the facets' (at most one per active filter,
 * and the filters themselves) is materialised once from public_items and grouped by every facet
 * counted under it. (A search counts its facets from the index's facet words: `countFacetWords`.)
 */
export async function countFacets(db: Executor, filters: SearchFilters): Promise<RawFacets> {
  const sets = new Map<string, { name: string; filters: SearchFilters }>();
  const setOf = (f: SearchFilters) => {
    const key = filtersKey(f);
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { name: `m${sets.size}`, filters: f }));
    return sql.id(set.name);
  };
  const total = setOf(filters);
  const branches = BRANCHES.map(
    ([facet, column, without]) =>
      sql`select ${sql.lit(facet)} as facet, cast(${sql.ref(column)} as text) as value, min(organ_name) as name, count(*) as n from ${setOf(without(filters))} group by ${sql.ref(column)}`,
  );
  const ctes = [...sets.values()].map(
    ({ name, filters: f }) =>
      sql`${sql.id(name)} as materialized (select p.topic_root_code, p.topic_code, p.genre_code, p.organ_id, p.organ_name, p.published_year, p.validity from ${browsed(f)})`,
  );
  const { rows } = await sql<{ facet: FacetName | 'total'; value: string; name: string | null; n: number }>`
    with ${sql.join(ctes)}
    select 'total' as facet, '' as value, '' as name, count(*) as n from ${total}
    union all ${sql.join(branches, sql` union all `)}`.execute(db);
  const counts: RawFacets['counts'] = { topicRoots: [], topicLeaves: [], genres: [], organs: [], years: [], validities: [] };
  let n = 0;
  for (const r of rows) {
    if (r.facet === 'total') n = Number(r.n);
    else counts[r.facet].push({ value: String(r.value), name: String(r.name ?? ''), count: Number(r.n) });
  }
  return { total: n, counts };
}

/** The facet each filter narrows. */
const FACET_OF_FILTER: Record<keyof FacetFilters, FacetName> = { topicRootCode: 'topicRoots', topicCode: 'topicLeaves', genreCode: 'genres', organId: 'organs', year: 'years', validity: 'validities' };

/**
 * Counts of every facet's values from how many matches carry each facet word (the index's `facets`,
 * domain/facet-tokens.ts): what `countFacets` counts from public_items, read from the index.
 */
export function countFacetWords(words: ReadonlyMap<string, number>): Record<FacetName, Map<string, number>> {
  const counts: Record<FacetName, Map<string, number>> = { topicRoots: new Map(), topicLeaves: new Map(), genres: new Map(), organs: new Map(), years: new Map(), validities: new Map() };
  for (const [word, n] of words) {
    const f = facetOfWord(word);
    if (!f) continue;
    const values = counts[FACET_OF_FILTER[f.filter]];
    values.set(f.value, (values.get(f.value) ?? 0) + n);
  }
  return counts;
}

/** The filters as one condition on public_items (undefined without filters). */
export function filterMembership(f: SearchFilters): RawBuilder<unknown> | undefined {
  const conditions = filterConditions(f);
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : undefined;
}

/** Every public item passing the filters, as the `from … where …` of a select with public_items as `p`. */
function browsed(f: SearchFilters): RawBuilder<unknown> {
  const condition = filterMembership(f);
  return condition ? sql`public_items p where ${condition}` : sql`public_items p`;
}
