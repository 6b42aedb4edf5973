import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Search entries keyed in 发布日期 order (src/modules/search/domain/doc-key.ts): doc_id becomes
 * day × 2^20 + sequence, so the newest matches are read first straight off the index (FTS5 rowid /
 * the doc_id primary key) and a page of a word found in most items stops after the page. Existing
 * entries are re-keyed (sequence in their old order), entries of items no longer public dropped;
 * PostgreSQL's doc_id grows to bigint. Also indexes the two columns search and lists look up
 * directly: 发文字号 (exact match ranks first) and changed_at (the last public change).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const day = dialect === 'sqlite' ? sql`cast(julianday(p.published_on) - 2440587.5 as integer)` : sql`(p.published_on::date - date '1970-01-01')::bigint`;
  const rekey = sql`select d.doc_id as old_id, ${day} * 1048576 + row_number() over (partition by p.published_on order by d.doc_id) - 1 as new_id
    from item_search_docs d join public_items p on p.item_id = d.item_id`;
  if (dialect === 'sqlite') {
    await sql`create temp table search_rekey as ${rekey}`.execute(db);
    await sql`delete from item_search where rowid not in (select old_id from search_rekey)`.execute(db);
    await sql`delete from item_search_docs where doc_id not in (select old_id from search_rekey)`.execute(db);
    // Old keys were 1…n and new ones start at 2^20 days after 1970 × 2^20: the two ranges never meet.
    await sql`insert into item_search (rowid, item_id, title, body) select r.new_id, s.item_id, s.title, s.body from item_search s join search_rekey r on r.old_id = s.rowid`.execute(db);
    await sql`delete from item_search where rowid in (select old_id from search_rekey)`.execute(db);
    await sql`update item_search_docs set doc_id = (select new_id from search_rekey where old_id = item_search_docs.doc_id)`.execute(db);
    await sql`drop table search_rekey`.execute(db);
  } else {
    await sql`alter table item_search_docs alter column doc_id type bigint`.execute(db);
    await sql`delete from item_search_docs d where not exists (select 1 from public_items p where p.item_id = d.item_id)`.execute(db);
    await sql`delete from item_search s where not exists (select 1 from public_items p where p.item_id = s.item_id)`.execute(db);
    await sql`create temp table search_rekey as ${rekey}`.execute(db);
    await sql`update item_search_docs d set doc_id = -r.new_id from search_rekey r where r.old_id = d.doc_id`.execute(db);
    await sql`update item_search_docs set doc_id = -doc_id`.execute(db);
    await sql`drop table search_rekey`.execute(db);
  }
  await db.schema.createIndex('public_items_document_number').ifNotExists().on('public_items').column('document_number').execute();
  await db.schema.createIndex('public_items_changed').ifNotExists().on('public_items').column('changed_at').execute();
}
