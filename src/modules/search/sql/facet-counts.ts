import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';

/** The facets of the portal lists and of search; each narrows to public items with that value. */
export interface SearchFilters {
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

const where = (f: SearchFilters) => {
  const conditions = filterConditions(f);
  return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
};

/** Each facet is counted with every other filter but not its own, so people can switch between values. */
const BRANCHES: readonly [FacetName, string, (f: SearchFilters) => SearchFilters][] = [
  ['topicRoots', 'topic_root_code', (f) => ({ ...f, topicRootCode: undefined, topicCode: undefined })],
  ['topicLeaves', 'topic_code', (f) => ({ ...f, topicCode: undefined })],
  ['genres', 'genre_code', (f) => ({ ...f, genreCode: undefined })],
  ['organs', 'organ_id', (f) => ({ ...f, organId: undefined })],
  ['years', 'published_year', (f) => ({ ...f, year: undefined })],
  ['validities', 'validity', (f) => ({ ...f, validity: undefined })],
];

/**
 * The number of matching public items and the counts of every facet in one statement: the matches
 * (`matchingIds`, a subquery of item ids, or every public item) are materialised once and grouped
 * seven ways, so the full-text index is read once however many facets there are.
 */
export async function countFacets(db: Executor, matchingIds: RawBuilder<unknown> | undefined, filters: SearchFilters): Promise<RawFacets> {
  const matches = matchingIds ? sql`where item_id in (${matchingIds})` : sql``;
  const branches = BRANCHES.map(
    ([facet, column, without]) =>
      sql`select ${sql.lit(facet)} as facet, cast(${sql.ref(column)} as text) as value, min(organ_name) as name, count(*) as n from m ${where(without(filters))} group by ${sql.ref(column)}`,
  );
  const { rows } = await sql<{ facet: FacetName | 'total'; value: string; name: string | null; n: number }>`
    with m as materialized (
      select topic_root_code, topic_code, genre_code, organ_id, organ_name, published_year, validity from public_items ${matches}
    )
    select 'total' as facet, '' as value, '' as name, count(*) as n from m ${where(filters)}
    union all ${sql.join(branches, sql` union all `)}`.execute(db);
  const counts: RawFacets['counts'] = { topicRoots: [], topicLeaves: [], genres: [], organs: [], years: [], validities: [] };
  let total = 0;
  for (const r of rows) {
    if (r.facet === 'total') total = Number(r.n);
    else counts[r.facet].push({ value: String(r.value), name: String(r.name ?? ''), count: Number(r.n) });
  }
  return { total, counts };
}
