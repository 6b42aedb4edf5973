import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Each entry of the search index gains its filter values as words (src/modules/search/domain/
 * facet-tokens.ts: `xy2023`, `xg` + hex of the 体裁 code, …), so a filtered search intersects lists
 * of the index instead of reading the public_items row of every match of its words (a common word
 * with a year filter at 100,000 items: 89 ms of joins on SQLite for its 18,073 matches; ≈ 1 s under
 * load on PostgreSQL). The words are computed here as that module computes them.
 * - SQLite: FTS5 tables cannot gain columns: `item_search` is built anew with a column `facets` and
 *   the same rowids (the entry keys of migration 202612040005).
 * - PostgreSQL: a tsvector `facets` on item_search and item_search_keys, the second column of their
 *   GIN indexes (a GIN index answers a condition on any of its columns, and both at once).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const hex = (column: string) => (dialect === 'sqlite' ? sql.raw(`lower(hex(p.${column}))`) : sql.raw(`encode(convert_to(p.${column}, 'UTF8'), 'hex')`));
  const words = sql`'xr' || ${hex('topic_root_code')} || ' xt' || ${hex('topic_code')} || ' xg' || ${hex('genre_code')}
    || ' xo' || ${hex('organ_id')} || ' xy' || p.published_year || ' xv' || ${hex('validity')}`;
  if (dialect === 'postgres') {
    for (const [table, index, column] of [['item_search', 'item_search_tsv', 'tsv'], ['item_search_keys', 'item_search_keys_title', 'title_tsv']] as const) {
      await sql`drop index ${sql.id(index)}`.execute(db);
      await sql`alter table ${sql.table(table)} add column facets tsvector not null default ''::tsvector`.execute(db);
      await sql`update ${sql.table(table)} s set facets = to_tsvector('simple', ${words}) from public_items p where p.item_id = s.item_id`.execute(db);
      await sql`create index ${sql.id(index)} on ${sql.table(table)} using gin (${sql.ref(column)}, facets)`.execute(db);
      await sql`analyze ${sql.table(table)}`.execute(db);
    }
    return;
  }
  await sql`create virtual table item_search_new using fts5(item_id unindexed, title, body, facets, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  await sql`insert into item_search_new (rowid, item_id, title, body, facets)
      select s.rowid, s.item_id, s.title, s.body, ${words}
      from item_search s join public_items p on p.item_id = s.item_id`.execute(db);
  await sql`drop table item_search`.execute(db);
  await sql`alter table item_search_new rename to item_search`.execute(db);
}
