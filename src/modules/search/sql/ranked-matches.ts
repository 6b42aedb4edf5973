import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from '../../../db/database.ts';
import type { PublicItemRow, Schema } from '../../../db/schema.ts';
import { docKeyRange } from '../domain/doc-key.ts';
import { fts5Expression, tsqueryExpression } from '../domain/match-expression.ts';
import type { SearchTerm } from '../domain/search-query.ts';
import { filterMembership, type SearchFilters } from './facet-counts.ts';
import { pgFacets, withFacets } from './search-index.ts';

/**
 * The ranking tiers below the exact 索引号/文号 (tier 0), as disjoint sets of items that contain
 * every term: 1 every term in the title, 2 some but not every term in the title, 3 no term in the
 * title. With one term tier 2 is empty.
 */
export type Tier = 1 | 2 | 3;

export type RankedRow = PublicItemRow & { doc_id: number };

/** The matches of a search as `rankedMatches.summary` sums them up. */
export interface MatchSummary {
  /** How many (at most the limit asked for). */
  size: number;
  /** The keys of the page asked for, in ranking order. */
  pageKeys: number[];
  /** How many matches carry each facet word (domain/facet-tokens.ts). */
  words: Map<string, number>;
}

/** `words`: a facet word (PostgreSQL) or a space-separated combination of them (SQLite) and how many matches carry it. */
type SummaryRow = { part: 'size' | 'page' | 'words'; n: number | string; v: string | number | null };

/** A PostgreSQL tsquery of the terms in a scope. */
const tsquery = (terms: readonly SearchTerm[], scope: 'all' | 'title-all' | 'title-any') => sql`to_tsquery('simple', ${tsqueryExpression(terms, scope)})`;

/** PostgreSQL: what a tier asks of the title, on `keys`.title_tsv (item_search_keys). */
function titleCondition(terms: readonly SearchTerm[], tier: Tier, keys: string): RawBuilder<unknown> {
  const title = sql.ref(`${keys}.title_tsv`);
  if (tier === 1) return sql`${title} @@ ${tsquery(terms, 'title-all')}`;
  if (tier === 2) return sql`${title} @@ ${tsquery(terms, 'title-any')} and not (${title} @@ ${tsquery(terms, 'title-all')})`;
  return sql`not (${title} @@ ${tsquery(terms, 'title-any')})`;
}

/**
 * A tier's match condition with the filters' facet words: an FTS5 expression on SQLite; on
 * PostgreSQL a condition on `item_search_keys` (the title, as `keys`) and, but for tier 1,
 * `item_search s` (title and body), whose GIN index then answers words and filters together.
 */
function condition(dialect: Dialect, terms: readonly SearchTerm[], tier: Tier | 'all', filters: SearchFilters, keys = 'k'): RawBuilder<unknown> {
  if (dialect === 'sqlite') {
    const all = fts5Expression(terms, 'all');
    const titleAll = fts5Expression(terms, 'title-all');
    const titleAny = fts5Expression(terms, 'title-any');
    const expression = tier === 'all' ? all : tier === 1 ? titleAll : tier === 2 ? `((${all}) AND (${titleAny})) NOT (${titleAll})` : `(${all}) NOT (${titleAny})`;
    return sql`${sql.table(sqliteTable(tier))} match ${withFacets(expression, filters)}`;
  }
  if (tier === 'all') return sql`s.tsv @@ ${tsquery(terms, 'all')}${pgFacets(filters, 's')}`;
  if (tier === 1) return sql`${titleCondition(terms, tier, keys)}${pgFacets(filters, keys)}`;
  return sql`s.tsv @@ ${tsquery(terms, 'all')}${pgFacets(filters, 's')} and ${titleCondition(terms, tier, keys)}`;
}

/**
 * SQLite: the FTS5 table a tier's condition reads, keyed alike (rowid = entry key). Tier 1 asks only
 * of titles: the table of titles (migration 202612050004) answers it from the titles' word lists.
 * Tiers 2 and 3 need the body too, and stay one expression on item_search: written as `rowid in /
 * not in` the table of titles, they were no faster (the title sets of common words are large).
 */
function sqliteTable(tier: Tier | 'all'): 'item_search' | 'item_search_titles' {
  return tier === 1 ? 'item_search_titles' : 'item_search';
}

/**
 * PostgreSQL: the tables a tier's condition reads. Tier 1 needs only the narrow keys table (the key
 * comes with each match); the other tiers also the body's tsvector in item_search.
 */
function pgSource(tier: Tier | 'all', keys = 'k'): RawBuilder<unknown> {
  if (tier === 1) return sql`item_search_keys ${sql.id(keys)}`;
  return sql`item_search_keys ${sql.id(keys)} join item_search s on s.item_id = ${sql.ref(`${keys}.item_id`)}`;
}

/**
 * Excluded entries (tier 0's) as an `and …` condition, and the keys of the 发布年份 filter's year
 * (entry keys run in 发布日期 order, domain/doc-key.ts): a walk along the key starts at the year's
 * end instead of skipping every newer entry (科技 公开 in 2023, at 1,000,000 items: 655 ms).
 */
function narrowing(excludedDocIds: readonly number[], docIdColumn: RawBuilder<unknown>, filters: SearchFilters = {}): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (excludedDocIds.length > 0) parts.push(sql`${docIdColumn} not in (${sql.join(excludedDocIds)})`);
  if (filters.year !== undefined && filters.year >= 1 && filters.year <= 9999) {
    const year = String(filters.year).padStart(4, '0');
    parts.push(sql`${docIdColumn} between ${docKeyRange(`${year}-01-01`)[0]} and ${docKeyRange(`${year}-12-31`)[1]}`);
  }
  return parts.length > 0 ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

/**
 * PostgreSQL: runs a query that tests item_search's tsvector in a transaction that keeps the planner
 * off sequential scans. With a LIMIT it may prefer scanning item_search and testing each row's
 * tsvector — decompressing every body's, which its costs do not count (65–120 ms for 管理 & 资金 at
 * 100k) — to the GIN index, which answers without reading a tsvector.
 */
async function withoutSeqScan<T>(db: Executor, query: RawBuilder<T>): Promise<T[]> {
  // Inside a caller's transaction the setting would outlive the query: run it as it is.
  if (db.isTransaction) return (await query.execute(db)).rows;
  return (db as Kysely<Schema>).transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return (await query.execute(trx)).rows;
  });
}

/**
 * PostgreSQL, tiers 2 and 3: the tier's page among the `window` newest entries (of the filter's year)
 * that pass the tier's title condition (fewer than `limit` rows when the window holds too few). The
 * other filters are applied after the window, not in the walk: the newest entries passing a rare
 * one may lie far back, and then collecting its few matches is cheap.
 */
async function newestRows(db: Executor, terms: readonly SearchTerm[], tier: 2 | 3, filters: SearchFilters, excludedDocIds: readonly number[], offset: number, limit: number, window: number): Promise<RankedRow[]> {
  const query = sql<RankedRow>`select p.*, page.doc_id from (
      select w.doc_id, w.item_id from (select m.doc_id, m.item_id from item_search_keys m where ${titleCondition(terms, tier, 'm')}${narrowing([], sql`m.doc_id`, filters)} order by m.doc_id desc limit ${window}) w
      join item_search s on s.item_id = w.item_id
      where s.tsv @@ ${tsquery(terms, 'all')}${pgFacets(filters, 's')}${narrowing(excludedDocIds, sql`w.doc_id`)}
      order by w.doc_id desc limit ${limit} offset ${offset}) page join public_items p on p.item_id = page.item_id order by page.doc_id desc`;
  return (await query.execute(db)).rows.map((r) => ({ ...r, doc_id: Number(r.doc_id) }));
}

/**
 * Search's bounded queries (issue #3): each tier is read newest first straight off the entry key
 * (domain/doc-key.ts: FTS5 rowid, PostgreSQL's doc_id primary key), so a page stops after the page
 * even for a word that is in most items, and counts need no sort.
 */
export const rankedMatches = {
  /** PostgreSQL: how many of the newest entries a page of tier 2 or 3 looks through before collecting all its matches instead (tests lower it). */
  walkWindow: 500,

  /**
   * How many public items of the tier (or containing every term: 'all') pass the filters, entries in
   * `excludedDocIds` left out — counted only up to `cap` (the answer is then `cap`), so that a word
   * in most items costs no more than `cap` rows on either engine.
   */
  async count(db: Executor, dialect: Dialect, terms: readonly SearchTerm[], tier: Tier | 'all', filters: SearchFilters, excludedDocIds: readonly number[], cap: number): Promise<number> {
    let matches: RawBuilder<unknown>;
    // The filters are facet words of the index (domain/facet-tokens.ts): a count reads the index only.
    if (dialect === 'sqlite') matches = sql`select 1 from ${sql.table(sqliteTable(tier))} where ${condition(dialect, terms, tier, filters)}${narrowing(excludedDocIds, sql`rowid`, filters)}`;
    else if (tier === 'all' && excludedDocIds.length === 0) matches = sql`select 1 from item_search s where ${condition(dialect, terms, tier, filters)}`;
    else matches = sql`select 1 from ${pgSource(tier)} where ${condition(dialect, terms, tier, filters)}${narrowing(excludedDocIds, sql`k.doc_id`, filters)}`;
    const query = sql<{ n: number | string }>`select count(*) as n from (${matches} limit ${cap}) capped`;
    const rows = dialect === 'postgres' && tier !== 1 ? await withoutSeqScan(db, query) : (await query.execute(db)).rows;
    return Number(rows[0]?.n ?? 0);
  },

  /**
   * SQLite: the keys of the tier's public items passing the filters, newest first, at most `limit`
   * (FTS5 reads the matches in key order and stops there).
   */
  async tierKeys(db: Executor, terms: readonly SearchTerm[], tier: Tier, filters: SearchFilters, excludedDocIds: readonly number[], limit: number): Promise<number[]> {
    const table = sqliteTable(tier);
    const { rows } = await sql<{ k: number }>`select rowid as k from ${sql.table(table)} where ${condition('sqlite', terms, tier, filters)}${narrowing(excludedDocIds, sql`rowid`, filters)}
      order by rowid desc limit ${limit}`.execute(db);
    return rows.map((r) => Number(r.k));
  },

  /**
   * PostgreSQL: the tier's public items passing the filters, newest entry first, `limit` after
   * `offset`. The page's keys are chosen first and only those 20 rows joined to public_items (joined
   * before the limit, the planner walked the key backwards for a three-word title query with 6,802
   * matches: 768 ms instead of 21 ms at 1,000,000 items); `fewMatches` (the tier was counted below
   * its cap) makes it collect the matches and sort them rather than walk the key, which for tiers
   * read through item_search would fetch one wide row per entry walked.
   */
  async rows(db: Executor, terms: readonly SearchTerm[], tier: Tier, filters: SearchFilters, excludedDocIds: readonly number[], offset: number, limit: number, fewMatches: boolean): Promise<RankedRow[]> {
    const window = rankedMatches.walkWindow;
    if (tier !== 1 && !fewMatches && offset + limit <= window / 4) {
      // Walking the key through item_search fetches a wide row per entry: walk the newest entries only, and collect instead if they hold too few matches.
      const walked = await newestRows(db, terms, tier, filters, excludedDocIds, offset, limit, window);
      if (walked.length === limit) return walked;
    }
    if (tier !== 1) fewMatches = true;
    const matches = fewMatches
      ? sql`with m as materialized (select k.doc_id, k.item_id from ${pgSource(tier)} where ${condition('postgres', terms, tier, filters)}) select m.doc_id, m.item_id from m`
      : sql`select m.doc_id, m.item_id from ${pgSource(tier, 'm')}`;
    const where = fewMatches ? sql`true` : condition('postgres', terms, tier, filters, 'm');
    const query = sql<RankedRow>`select p.*, page.doc_id from (${matches} where ${where}${narrowing(excludedDocIds, sql`m.doc_id`, filters)}
          order by m.doc_id desc limit ${limit} offset ${offset}) page join public_items p on p.item_id = page.item_id order by page.doc_id desc`;
    return (await query.execute(db)).rows.map((r) => ({ ...r, doc_id: Number(r.doc_id) }));
  },

  /**
   * The matches of the terms passing the filters, at most `limit` of them, summed up inside the
   * engine: how many (`size`, at most `limit`), the keys of one page of them in ranking order
   * (tier 1–3, then the newest key; `page`'s keys excluded: tier 0's) and how many carry each facet
   * word. A result of up to a few thousand is thus ranked, paged and its facets counted in one
   * statement, where reading it tier by tier, counting each and grouping public_items rows read the
   * matches up to five times (600 searches never asked before, one after another, at 100,000 items
   * on SQLite: 25–30 ms each before, 11–14 ms so). The matches never reach JavaScript: a few
   * thousand objects per search grew the heap by 100–200 MB under load (RSS budget of issue #3).
   */
  async summary(db: Executor, dialect: Dialect, terms: readonly SearchTerm[], filters: SearchFilters, limit: number, page?: { excluded: readonly number[]; offset: number; limit: number }): Promise<MatchSummary> {
    // A result of `limit` matches or more is read again tier by tier: its page and facet words are not worked out.
    const small = sql`(select count(*) from m) < ${limit}`;
    const notExcluded = (column: RawBuilder<unknown>) => (page && page.excluded.length > 0 ? sql` and ${column} not in (${sql.join(page.excluded)})` : sql``);
    const pageLimit = page ? page.limit : 0;
    const pageOffset = page ? page.offset : 0;
    let query: RawBuilder<SummaryRow>;
    if (dialect === 'postgres') {
      const tier = page ? sql`case when k.title_tsv @@ ${tsquery(terms, 'title-all')} then 1 when k.title_tsv @@ ${tsquery(terms, 'title-any')} then 2 else 3 end` : sql`3`;
      query = sql<SummaryRow>`with m as materialized (select k.doc_id, s.facets, ${tier} as tier from ${pgSource('all')} where ${condition(dialect, terms, 'all', filters)} limit ${limit})
        select 'size' as part, count(*) as n, null as v from m
        union all (select 'page', tier, doc_id::text from m where ${small}${notExcluded(sql`doc_id`)} order by tier, doc_id desc limit ${pageLimit} offset ${pageOffset})
        union all select 'words', count(*), w from m, unnest(tsvector_to_array(m.facets)) w where ${small} group by w`;
    } else {
      // The tiers from the table of titles (its word lists hold titles only); the facet words from its narrow rows
      // (item_search's hold the body), counted per distinct combination (split in JavaScript: fewer rows than matches).
      const titled = (scope: 'title-all' | 'title-any') =>
        sql`k in (select rowid from item_search_titles where item_search_titles match ${withFacets(fts5Expression(terms, scope), filters)}${narrowing([], sql`rowid`, filters)})`;
      const tier = page ? sql`case when ${titled('title-all')} then 1 when ${terms.length > 1 ? titled('title-any') : sql`0`} then 2 else 3 end` : sql`3`;
      query = sql<SummaryRow>`with m as materialized (select item_search.rowid as k, t.facets from item_search join item_search_titles t on t.rowid = item_search.rowid
          where ${condition(dialect, terms, 'all', filters)}${narrowing([], sql`item_search.rowid`, filters)} limit ${limit})
        select 'size' as part, count(*) as n, null as v from m
        union all select * from (select 'page', ${tier} as tier, k from m where ${small}${notExcluded(sql`k`)} order by tier, k desc limit ${pageLimit} offset ${pageOffset})
        union all select 'words', count(*), facets from m where ${small} group by facets`;
    }
    const rows = dialect === 'postgres' ? await withoutSeqScan(db, query) : (await query.execute(db)).rows;
    const summary: MatchSummary = { size: 0, pageKeys: [], words: new Map() };
    for (const r of rows)
      if (r.part === 'size') summary.size = Number(r.n);
      else if (r.part === 'page') summary.pageKeys.push(Number(r.v));
      else for (const word of String(r.v).split(' ')) summary.words.set(word, (summary.words.get(word) ?? 0) + Number(r.n));
    return summary;
  },

  /** Public items with their entry keys, in the order of `docIds`. */
  async byKeys(db: Executor, docIds: readonly number[]): Promise<RankedRow[]> {
    if (docIds.length === 0) return [];
    const { rows } = await sql<RankedRow>`select p.*, d.doc_id from item_search_docs d join public_items p on p.item_id = d.item_id where d.doc_id in (${sql.join(docIds)})`.execute(db);
    const byKey = new Map(rows.map((r) => [Number(r.doc_id), { ...r, doc_id: Number(r.doc_id) }]));
    return docIds.flatMap((k) => byKey.get(k) ?? []);
  },

  /**
   * Tier 0: public items whose 索引号 or 发文字号 is what was typed, among those containing every
   * term and passing the filters, newest entry first.
   */
  async exact(db: Executor, dialect: Dialect, terms: readonly SearchTerm[], identifiers: { indexNumbers: readonly string[]; documentNumbers: readonly string[] }, filters: SearchFilters): Promise<RankedRow[]> {
    const filtered = filterMembership(filters);
    const candidates = (
      await sql<RankedRow>`select p.*, d.doc_id from public_items p join item_search_docs d on d.item_id = p.item_id
        where (p.index_number in (${sql.join(identifiers.indexNumbers)}) or p.document_number in (${sql.join(identifiers.documentNumbers)}))${filtered ? sql` and ${filtered}` : sql``}
        order by d.doc_id desc limit 50`.execute(db)
    ).rows.map((r) => ({ ...r, doc_id: Number(r.doc_id) }));
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.doc_id);
    const matching =
      dialect === 'sqlite'
        ? sql<{ k: number }>`select rowid as k from item_search where item_search match ${fts5Expression(terms, 'all')} and rowid in (${sql.join(ids)})`
        : sql<{ k: number }>`select d.doc_id as k from item_search s join item_search_docs d on d.item_id = s.item_id where s.tsv @@ ${tsquery(terms, 'all')} and d.doc_id in (${sql.join(ids)})`;
    const found = new Set((await matching.execute(db)).rows.map((r) => Number(r.k)));
    return candidates.filter((c) => found.has(c.doc_id));
  },
};
