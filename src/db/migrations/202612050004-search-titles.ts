import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * SQLite: the titles of the search index in an FTS5 table of their own, `item_search_titles(title,
 * facets)` under the same rowids (entry keys), as PostgreSQL has had item_search_keys since
 * 202612040006. FTS5 answers a column filter (`title : …`) by reading the words' whole lists, body
 * positions included: 科技 AND 安全 in the title (7 items) took 4.2 ms to find among the 13,103 items
 * with both words at 100,000 items; in a table of titles only, 0.3 ms.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`create virtual table item_search_titles using fts5(title, facets, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  await sql`insert into item_search_titles (rowid, title, facets) select rowid, title, facets from item_search`.execute(db);
}
