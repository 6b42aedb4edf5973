import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from '../../../db/database.ts';
import type { PublicItemRow } from '../../../db/schema.ts';
import { fts5Expression, tsqueryExpression } from '../domain/match-expression.ts';
import type { SearchTerm } from '../domain/search-query.ts';
import { filterConditions, type SearchFilters } from './facet-counts.ts';

/**
 * The ranking tiers below the exact 索引号/文号 (tier 0), as disjoint sets of items that contain
 * every term: 1 every term in the title, 2 some but not every term in the title, 3 no term in the
 * title. With one term tier 2 is empty.
 */
export type Tier = 1 | 2 | 3;

export type RankedRow = PublicItemRow & { doc_id: number };

/** A tier's match condition: an FTS5 expression on SQLite, a condition on `item_search s` on PostgreSQL. */
function condition(dialect: Dialect, terms: readonly SearchTerm[], tier: Tier | 'all'): RawBuilder<unknown> {
  if (dialect === 'sqlite') {
    const all = fts5Expression(terms, 'all');
    const titleAll = fts5Expression(terms, 'title-all');
    const titleAny = fts5Expression(terms, 'title-any');
    const expression = tier === 'all' ? all : tier === 1 ? titleAll : tier === 2 ? `((${all}) AND (${titleAny})) NOT (${titleAll})` : `(${all}) NOT (${titleAny})`;
    return sql`item_search match ${expression}`;
  }
  const q = (scope: 'all' | 'title-all' | 'title-any') => sql`to_tsquery('simple', ${tsqueryExpression(terms, scope)})`;
  const title = sql`to_tsvector('simple', s.title_seg)`;
  if (tier === 'all') return sql`s.tsv @@ ${q('all')}`;
  if (tier === 1) return sql`${title} @@ ${q('title-all')}`;
  if (tier === 2) return sql`s.tsv @@ ${q('all')} and ${title} @@ ${q('title-any')} and not (${title} @@ ${q('title-all')})`;
  return sql`s.tsv @@ ${q('all')} and not (${title} @@ ${q('title-any')})`;
}

/** Filters and excluded entries as `and …` conditions. */
function narrowing(filters: SearchFilters, excludedDocIds: readonly number[], docIdColumn: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = filterConditions(filters);
  if (excludedDocIds.length > 0) parts.push(sql`${docIdColumn} not in (${sql.join(excludedDocIds)})`);
  return parts.length > 0 ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

/**
 * Search's bounded queries (issue #3): each tier is read newest first straight off the entry key
 * (domain/doc-key.ts: FTS5 rowid, PostgreSQL's doc_id primary key), so a page stops after the page
 * even for a word that is in most items, and counts need no sort.
 */
export const rankedMatches = {
  /**
   * How many public items of the tier (or containing every term: 'all') pass the filters, entries in
   * `excludedDocIds` left out — counted only up to `cap` (the answer is then `cap`), so that a word
   * in most items costs no more than `cap` rows on either engine.
   */
  async count(db: Executor, dialect: Dialect, terms: readonly SearchTerm[], tier: Tier | 'all', filters: SearchFilters, excludedDocIds: readonly number[], cap: number): Promise<number> {
    const filtered = filterConditions(filters).length > 0;
    let matches: RawBuilder<unknown>;
    if (dialect === 'sqlite')
      matches = filtered
        ? sql`select 1 from item_search join item_search_docs d on d.doc_id = item_search.rowid join public_items p on p.item_id = d.item_id
            where ${condition(dialect, terms, tier)}${narrowing(filters, excludedDocIds, sql`item_search.rowid`)}`
        : sql`select 1 from item_search where ${condition(dialect, terms, tier)}${narrowing({}, excludedDocIds, sql`rowid`)}`;
    else
      matches = sql`select 1 from item_search s${excludedDocIds.length > 0 ? sql` join item_search_docs d on d.item_id = s.item_id` : sql``}${filtered ? sql` join public_items p on p.item_id = s.item_id` : sql``}
        where ${condition(dialect, terms, tier)}${narrowing(filters, excludedDocIds, sql`d.doc_id`)}`;
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from (${matches} limit ${cap}) capped`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  /**
   * The tier's public items passing the filters, newest entry first, `limit` after `offset`.
   * `fewMatches` (the tier was counted below its cap) lets PostgreSQL collect the matches first and
   * sort them; otherwise it walks the key backwards and stops after the page. Left to itself its
   * planner walks the key for words in one item in a hundred too, reading most of the index (1.7 s
   * at 1,000,000 items); SQLite's FTS5 reads the matches in key order either way.
   */
  async rows(db: Executor, dialect: Dialect, terms: readonly SearchTerm[], tier: Tier, filters: SearchFilters, excludedDocIds: readonly number[], offset: number, limit: number, fewMatches: boolean): Promise<RankedRow[]> {
    let query;
    if (dialect === 'sqlite')
      query = sql<RankedRow>`select p.*, d.doc_id from item_search join item_search_docs d on d.doc_id = item_search.rowid join public_items p on p.item_id = d.item_id
            where ${condition(dialect, terms, tier)}${narrowing(filters, excludedDocIds, sql`item_search.rowid`)}
            order by item_search.rowid desc limit ${limit} offset ${offset}`;
    else if (fewMatches)
      query = sql<RankedRow>`with m as materialized (select s.item_id from item_search s where ${condition(dialect, terms, tier)})
            select p.*, d.doc_id from m join item_search_docs d on d.item_id = m.item_id join public_items p on p.item_id = m.item_id
            where true${narrowing(filters, excludedDocIds, sql`d.doc_id`)}
            order by d.doc_id desc limit ${limit} offset ${offset}`;
    else
      query = sql<RankedRow>`select p.*, d.doc_id from item_search_docs d join item_search s on s.item_id = d.item_id join public_items p on p.item_id = d.item_id
            where ${condition(dialect, terms, tier)}${narrowing(filters, excludedDocIds, sql`d.doc_id`)}
            order by d.doc_id desc limit ${limit} offset ${offset}`;
    return (await query.execute(db)).rows.map((r) => ({ ...r, doc_id: Number(r.doc_id) }));
  },

  /**
   * Tier 0: public items whose 索引号 or 发文字号 is what was typed, among those containing every
   * term and passing the filters, newest entry first.
   */
  async exact(db: Executor, dialect: Dialect, terms: readonly SearchTerm[], identifiers: { indexNumbers: readonly string[]; documentNumbers: readonly string[] }, filters: SearchFilters): Promise<RankedRow[]> {
    const candidates = (
      await sql<RankedRow>`select p.*, d.doc_id from public_items p join item_search_docs d on d.item_id = p.item_id
        where (p.index_number in (${sql.join(identifiers.indexNumbers)}) or p.document_number in (${sql.join(identifiers.documentNumbers)}))${narrowing(filters, [], sql`d.doc_id`)}
        order by d.doc_id desc limit 50`.execute(db)
    ).rows.map((r) => ({ ...r, doc_id: Number(r.doc_id) }));
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.doc_id);
    const matching =
      dialect === 'sqlite'
        ? sql<{ k: number }>`select rowid as k from item_search where item_search match ${fts5Expression(terms, 'all')} and rowid in (${sql.join(ids)})`
        : sql<{ k: number }>`select d.doc_id as k from item_search s join item_search_docs d on d.item_id = s.item_id where s.tsv @@ to_tsquery('simple', ${tsqueryExpression(terms, 'all')}) and d.doc_id in (${sql.join(ids)})`;
    const found = new Set((await matching.execute(db)).rows.map((r) => Number(r.k)));
    return candidates.filter((c) => found.has(c.doc_id));
  },
};
