import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { up as searchTitleKeys } from '../../db/migrations/202612040006-search-title-keys.ts';
import type { LocalDate } from '../../kernel/local-date.ts';

/** Migration 202612040006 on a PostgreSQL index made before it: no item_search_keys, the title's expression index. */
describe.each((await testDialects()).filter((d) => d === 'postgres'))('the narrow title keys on %s', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    for (const [i, d] of ['2026-03-01', '2024-05-20', '2025-01-02'].entries())
      await t.services.items.importItem(t.actors.admin, anItemInput({ title: `茶叶文件${i}`, writtenOn: d, documentNumber: null, bodyHtml: '<p>正文。</p>' }), { publishedOn: d as LocalDate });
    await t.services.items.importItem(t.actors.admin, anItemInput({ title: '农业工作要点', writtenOn: '2026-04-01', documentNumber: null, bodyHtml: '<p>茶叶种植。</p>' }), { publishedOn: '2026-04-01' as LocalDate });
    await sql`drop table item_search_keys`.execute(t.database.db);
    await sql`create index item_search_title on item_search using gin (to_tsvector('simple', title_seg))`.execute(t.database.db);
  });
  afterAll(() => t.close());

  it('holds one row per entry with the entry key and title, and search ranks and pages as before', async () => {
    await searchTitleKeys(t.database.db, dialect);
    const keys = await sql<{ doc_id: string; item_id: string; title_seg: string }>`select doc_id, item_id, title_seg from item_search_keys order by doc_id`.execute(t.database.db);
    const docs = await t.database.db.selectFrom('item_search_docs').select(['doc_id', 'item_id']).orderBy('doc_id').execute();
    expect(keys.rows.map((k) => [Number(k.doc_id), k.item_id])).toEqual(docs.map((d) => [Number(d.doc_id), d.item_id]));
    expect(keys.rows.every((k) => k.title_seg.length > 0)).toBe(true);
    const result = await t.services.search.search({ q: '茶叶', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.title)).toEqual(['茶叶文件0', '茶叶文件2', '茶叶文件1', '农业工作要点']);
    // Later changes keep the keys table in step: a retraction removes the entry, a new item adds one.
    await t.services.items.apply(t.actors.officer, result.hits[0]!.itemId, 'retract', { reason: '测试撤回' });
    expect((await t.services.search.search({ q: '茶叶', page: 1, pageSize: 10 })).hits.map((h) => h.title)).toEqual(['茶叶文件2', '茶叶文件1', '农业工作要点']);
    expect(Number((await sql<{ n: string }>`select count(*) as n from item_search_keys`.execute(t.database.db)).rows[0]!.n)).toBe(3);
  });
});
