import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { up as searchOrder } from '../../db/migrations/202612040005-search-order.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import { docKeyRange } from './domain/doc-key.ts';

/** Migration 202612040005 on a database whose entries still have the old keys 1…n. */
describe.each(await testDialects())('re-keying the search index in 发布日期 order on %s', (dialect) => {
  let t: TestContext;
  const dates = ['2026-03-01', '2024-05-20', '2026-03-01', '2025-01-02'];

  beforeAll(async () => {
    t = await createTestContext(dialect);
    for (const [i, d] of dates.entries())
      await t.services.items.importItem(t.actors.admin, anItemInput({ title: `升级前的茶叶文件${i}`, writtenOn: d, documentNumber: null }), { publishedOn: d as LocalDate });
    // Put the entries back the way the first search migration keyed them: 1, 2, 3, … in indexing order.
    const { db } = t.database;
    const docs = await db.selectFrom('item_search_docs').select(['doc_id', 'item_id']).orderBy('doc_id').execute();
    for (const [i, d] of docs.entries()) {
      if (dialect === 'sqlite') {
        await sql`insert into item_search (rowid, item_id, title, body) select ${i + 1}, item_id, title, body from item_search where rowid = ${d.doc_id}`.execute(db);
        await sql`delete from item_search where rowid = ${d.doc_id}`.execute(db);
      }
      await db.updateTable('item_search_docs').set({ doc_id: i + 1 }).where('item_id', '=', d.item_id).execute();
    }
  });
  afterAll(() => t.close());

  it('gives every entry a key of its 发布日期, keeps the index whole, and search finds the newest first', async () => {
    await searchOrder(t.database.db, dialect);
    const rows = await t.database.db
      .selectFrom('item_search_docs as d')
      .innerJoin('public_items as p', 'p.item_id', 'd.item_id')
      .select(['d.doc_id', 'p.published_on'])
      .execute();
    expect(rows).toHaveLength(dates.length);
    for (const r of rows) {
      const [first, last] = docKeyRange(r.published_on);
      expect(Number(r.doc_id)).toBeGreaterThanOrEqual(first);
      expect(Number(r.doc_id)).toBeLessThanOrEqual(last);
    }
    expect(new Set(rows.map((r) => Number(r.doc_id))).size).toBe(dates.length);
    if (dialect === 'sqlite') {
      const fts = await sql<{ k: number }>`select rowid as k from item_search order by rowid`.execute(t.database.db);
      expect(fts.rows.map((r) => Number(r.k))).toEqual(rows.map((r) => Number(r.doc_id)).sort((a, b) => a - b));
    }
    const result = await t.services.search.search({ q: '茶叶', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.publishedOn)).toEqual(['2026-03-01', '2026-03-01', '2025-01-02', '2024-05-20']);
    // New entries after the upgrade take the next key of their day.
    await t.services.items.importItem(t.actors.admin, anItemInput({ title: '升级后的茶叶文件', writtenOn: '2026-03-01', documentNumber: null }), { publishedOn: '2026-03-01' as LocalDate });
    const after = await t.services.search.search({ q: '茶叶', page: 1, pageSize: 10 });
    expect(after.hits[0]!.title).toBe('升级后的茶叶文件');
  });
});
