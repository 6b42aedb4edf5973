import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { up as searchTitles } from '../../db/migrations/202612050004-search-titles.ts';
import type { LocalDate } from '../../kernel/local-date.ts';

/**
 * SQLite's table of titles (migration 202612050004) answers the every-term-in-the-title tier: it must
 * hold exactly the titles and facet words of item_search under the same keys, whatever happens to the
 * items, or that tier would count and list what is no longer there.
 */
describe('the SQLite table of titles', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext('sqlite');
  });
  afterAll(() => t.close());

  const entries = async (table: 'item_search' | 'item_search_titles') =>
    (await sql<{ k: number; title: string; facets: string }>`select rowid as k, title, facets from ${sql.table(table)} order by rowid`.execute(t.database.db)).rows;
  const titleTier = async (q: string) => (await t.services.search.search({ q, page: 1, pageSize: 50 })).hits.map((h) => h.title);

  const publish = async (title: string, publishedOn = '2026-03-02') =>
    t.services.items.importItem(t.actors.admin, anItemInput({ title, writtenOn: publishedOn, documentNumber: null, bodyHtml: '<p>正文内容。</p>' }), { publishedOn: publishedOn as LocalDate });

  it('follows every publication, revision, 有效性 change, retraction and re-index of the index', async () => {
    const { items } = t.services;
    const { officer, leader } = t.actors;
    const kept = await publish('白茶产业发展规划');
    const revised = await publish('红茶产业发展规划', '2025-07-01');
    const retracted = await publish('绿茶产业发展规划', '2024-02-03');
    expect(await titleTier('产业 规划')).toEqual(['白茶产业发展规划', '红茶产业发展规划', '绿茶产业发展规划']);

    const revising = await items.apply(officer, revised.id, 'revise');
    await items.update(officer, revised.id, revising.version, anItemInput({ title: '黑茶加工扶持办法', writtenOn: '2025-07-01', documentNumber: null, bodyHtml: '<p>正文内容。</p>' }));
    await items.apply(officer, revised.id, 'submit');
    await items.apply(leader, revised.id, 'approve', { note: '同意' });
    await items.apply(officer, revised.id, 'publish', { changeNote: '更正标题' });
    await items.setValidity(officer, kept.id, { validity: 'expired', on: '2026-04-01' as LocalDate });
    await items.apply(officer, retracted.id, 'retract', { reason: '内容有误' });

    expect(await entries('item_search_titles')).toEqual(await entries('item_search'));
    expect(await titleTier('产业 规划')).toEqual(['白茶产业发展规划']);
    expect(await titleTier('扶持 办法')).toEqual(['黑茶加工扶持办法']);
    expect((await t.services.search.search({ q: '规划', validity: 'expired', page: 1 })).hits.map((h) => h.itemId)).toEqual([kept.id]);

    await t.services.search.reindexAll();
    expect(await entries('item_search_titles')).toEqual(await entries('item_search'));
    expect((await entries('item_search')).length).toBe((await t.services.search.search({ q: '' })).total);
  });

  it('is filled from the index by its migration', async () => {
    await publish('科技特派员服务站建设方案', '2023-05-06');
    await sql`drop table item_search_titles`.execute(t.database.db);
    await searchTitles(t.database.db, 'sqlite');
    const made = await entries('item_search_titles');
    expect(made.length).toBeGreaterThan(0);
    expect(made).toEqual(await entries('item_search'));
    expect(await titleTier('科技特派员 建设')).toEqual(['科技特派员服务站建设方案']);
  });
});
