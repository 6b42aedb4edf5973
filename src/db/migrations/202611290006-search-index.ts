import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The full-text index of public items (search module). Text is cut into words by jieba in Node and
 * stored space-joined, so both engines only split on spaces (dependencies.md §3–§4):
 * - SQLite: FTS5 `item_search(item_id UNINDEXED, title, body)` with unicode61, whose rowid is
 *   `item_search_docs.doc_id` (FTS5 cannot look rows up by item_id).
 * - PostgreSQL: `item_search` with the segmented title and body and a generated tsvector, the title
 *   weighted A and the rest B, under a GIN index; a second GIN index covers the title alone.
 * `item_search_docs` (both) holds the indexed edition and the plain text snippets are taken from.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    // remove_diacritics 0: PostgreSQL's 'simple' keeps accents, so FTS5 must too for equal results.
    await sql`create virtual table item_search using fts5(item_id unindexed, title, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    await db.schema
      .createTable('item_search_docs')
      .addColumn('doc_id', 'integer', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().unique().references('items.id'))
      .addColumn('edition_no', 'integer', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .execute();
    return;
  }
  await db.schema
    .createTable('item_search')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id'))
    .addColumn('title_seg', 'text', (c) => c.notNull())
    .addColumn('body_seg', 'text', (c) => c.notNull())
    .addColumn('tsv', sql`tsvector`, (c) =>
      c.notNull().generatedAlwaysAs(sql`setweight(to_tsvector('simple', title_seg), 'A') || setweight(to_tsvector('simple', body_seg), 'B')`).stored(),
    )
    .execute();
  await sql`create index item_search_tsv on item_search using gin (tsv)`.execute(db);
  // Ranking asks "are the terms in the title?": its own small index answers without rechecking
  // each candidate's whole tsvector, which a weight-A restriction on tsv would need.
  await sql`create index item_search_title on item_search using gin (to_tsvector('simple', title_seg))`.execute(db);
  await db.schema
    .createTable('item_search_docs')
    .addColumn('doc_id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('item_id', 'text', (c) => c.notNull().unique().references('items.id'))
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .execute();
}
