import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from '../../../db/database.ts';
import { facetExpression, facetTsquery } from '../domain/facet-tokens.ts';
import type { SearchFilters } from './facet-counts.ts';
import { docKeyRange, isKeyOfDay, nextDocKey } from '../domain/doc-key.ts';

/** One item's entry: space-joined tokens of title and body, and the text for snippets. */
export interface IndexEntry {
  itemId: string;
  editionNo: number;
  /** 发布日期 of the indexed edition: it decides the entry's key, hence its place among equals. */
  publishedOn: string;
  titleTokens: readonly string[];
  bodyTokens: readonly string[];
  /** The item's filter values as index words (domain/facet-tokens.ts). */
  facetTokens: readonly string[];
  snippetSource: string;
}

/** PostgreSQL: `and <alias>.facets @@ …` asking for every filter's facet word (nothing without filters). */
export function pgFacets(filters: SearchFilters, alias: string): RawBuilder<unknown> {
  const query = facetTsquery(filters);
  return query ? sql` and ${sql.ref(`${alias}.facets`)} @@ to_tsquery('simple', ${query})` : sql``;
}

/** SQLite: an FTS5 expression narrowed to entries with every filter's facet word. */
export function withFacets(expression: string, filters: SearchFilters): string {
  const facets = facetExpression(filters);
  return facets ? `(${expression}) AND ${facets}` : expression;
}

/** SQLite: an entry's rows in the index and in its table of titles (migration 202612050004). */
async function removeSqliteEntry(db: Executor, docId: number): Promise<void> {
  await sql`delete from item_search where rowid = ${docId}`.execute(db);
  await sql`delete from item_search_titles where rowid = ${docId}`.execute(db);
}

/**
 * Storage of the search index on either engine (see migration 202611290006). Callers inside a
 * transaction pass it as `db`: SQLite has one connection.
 */
export const searchIndex = {
  /** The edition an item is indexed at and its entry's facet words (sorted), if it is indexed. */
  async findIndexed(db: Executor, dialect: Dialect, itemId: string): Promise<{ editionNo: number; facets: string[] } | undefined> {
    const row = await db.selectFrom('item_search_docs').select(['doc_id', 'edition_no']).where('item_id', '=', itemId).executeTakeFirst();
    if (!row) return undefined;
    const words =
      dialect === 'sqlite'
        ? ((await sql<{ facets: string }>`select facets from item_search where rowid = ${Number(row.doc_id)}`.execute(db)).rows[0]?.facets ?? '').split(' ')
        : ((await sql<{ words: string[] }>`select tsvector_to_array(facets) as words from item_search_keys where item_id = ${itemId}`.execute(db)).rows[0]?.words ?? []);
    return { editionNo: Number(row.edition_no), facets: words.filter((w) => w !== '').sort() };
  },

  /**
   * Writes an item's entry under a key of its 发布日期 (domain/doc-key.ts): the key is kept while
   * the date is the same, else the entry moves to the next free key of the new date.
   */
  async upsert(db: Executor, dialect: Dialect, e: IndexEntry): Promise<void> {
    const title = e.titleTokens.join(' ');
    const body = e.bodyTokens.join(' ');
    const existing = await db.selectFrom('item_search_docs').select('doc_id').where('item_id', '=', e.itemId).executeTakeFirst();
    let docId = existing ? Number(existing.doc_id) : undefined;
    if (docId !== undefined && !isKeyOfDay(docId, e.publishedOn)) {
      await searchIndex.remove(db, dialect, e.itemId);
      docId = undefined;
    }
    const isNew = docId === undefined;
    if (docId === undefined) {
      const [first, last] = docKeyRange(e.publishedOn);
      // Two instances publishing on the same day would both read the same highest key: on PostgreSQL the day's
      // key range is locked until commit, so the second waits and then sees the first's row (SQLite has one writer).
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${first})`.execute(db);
      const highest = await db.selectFrom('item_search_docs').select((eb) => eb.fn.max('doc_id').as('k')).where('doc_id', '>=', first).where('doc_id', '<=', last).executeTakeFirst();
      docId = nextDocKey(e.publishedOn, highest?.k === null || highest?.k === undefined ? undefined : Number(highest.k));
    }
    if (isNew) await db.insertInto('item_search_docs').values({ doc_id: docId, item_id: e.itemId, edition_no: e.editionNo, body_text: e.snippetSource }).execute();
    else await db.updateTable('item_search_docs').set({ edition_no: e.editionNo, body_text: e.snippetSource }).where('doc_id', '=', docId).execute();
    const facets = e.facetTokens.join(' ');
    if (dialect === 'postgres') {
      await sql`insert into item_search (item_id, title_seg, body_seg, facets) values (${e.itemId}, ${title}, ${body}, to_tsvector('simple', ${facets}))
        on conflict (item_id) do update set title_seg = excluded.title_seg, body_seg = excluded.body_seg, facets = excluded.facets`.execute(db);
      await sql`insert into item_search_keys (doc_id, item_id, title_seg, facets) values (${docId}, ${e.itemId}, ${title}, to_tsvector('simple', ${facets}))
        on conflict (item_id) do update set doc_id = excluded.doc_id, title_seg = excluded.title_seg, facets = excluded.facets`.execute(db);
      return;
    }
    if (!isNew) await removeSqliteEntry(db, docId);
    await sql`insert into item_search (rowid, item_id, title, body, facets) values (${docId}, ${e.itemId}, ${title}, ${body}, ${facets})`.execute(db);
    await sql`insert into item_search_titles (rowid, title, facets) values (${docId}, ${title}, ${facets})`.execute(db);
  },

  async remove(db: Executor, dialect: Dialect, itemId: string): Promise<void> {
    if (dialect === 'postgres') {
      await db.deleteFrom('item_search').where('item_id', '=', itemId).execute();
      await db.deleteFrom('item_search_keys').where('item_id', '=', itemId).execute();
    } else {
      const existing = await db.selectFrom('item_search_docs').select('doc_id').where('item_id', '=', itemId).executeTakeFirst();
      if (existing) await removeSqliteEntry(db, Number(existing.doc_id));
    }
    await db.deleteFrom('item_search_docs').where('item_id', '=', itemId).execute();
  },

  /** Ids of indexed items that are no longer public (left behind by a repair or an old bug). */
  async listOrphans(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('item_search_docs as d')
      .leftJoin('public_items as p', 'p.item_id', 'd.item_id')
      .select('d.item_id')
      .where('p.item_id', 'is', null)
      .execute();
    return rows.map((r) => r.item_id);
  },

  /** Snippet sources of the given items. */
  async snippetSources(db: Executor, itemIds: readonly string[]): Promise<Map<string, string>> {
    if (itemIds.length === 0) return new Map();
    const rows = await db.selectFrom('item_search_docs').select(['item_id', 'body_text']).where('item_id', 'in', [...itemIds]).execute();
    return new Map(rows.map((r) => [r.item_id, r.body_text]));
  },
};
