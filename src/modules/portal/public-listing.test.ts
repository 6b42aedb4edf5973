import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { PublicListing } from './public-listing.ts';
import { aPublishedItem, anItemUnderRevision } from './testing/portal-fixtures.ts';

describe.each(await testDialects())('public listing on %s', (dialect) => {
  let t: TestContext;
  let listing: PublicListing;
  const ids = {} as Record<'old' | 'edu' | 'norm' | 'tax' | 'revised', string>;

  beforeAll(async () => {
    t = await createTestContext(dialect, { now: '2025-03-02T02:00:00Z' });
    listing = new PublicListing(t.database.db);
    ids.old = (await aPublishedItem(t, { title: '2024年科技计划项目验收通知', writtenOn: '2024-12-02', topicCode: 't11-01', genreCode: 'notice', documentNumber: null })).id;
    t.clock.set('2026-05-06T02:00:00Z');
    ids.edu = (await aPublishedItem(t, { title: '关于教育经费100%_到位的通知', writtenOn: '2026-05-01', topicCode: 't11-02', genreCode: 'notice', documentNumber: null })).id;
    ids.norm = (await aPublishedItem(t, { title: '某县科技创新券管理办法', writtenOn: '2026-05-01', topicCode: 't11-01', genreCode: 'normative-document', documentNumber: null })).id;
    ids.tax = (await aPublishedItem(t, { title: '财政专项资金公开', writtenOn: '2026-05-01', topicCode: 't04-01', genreCode: 'other-document', documentNumber: null })).id;
    await t.services.items.setValidity(t.actors.officer, ids.norm, { validity: 'repealed', on: '2026-05-06' as never });
    ids.revised = (await anItemUnderRevision(t, { title: '已发布的标题', writtenOn: '2026-05-01', documentNumber: null }, { title: '尚未发布的修订标题' })).id;
    await t.services.items.create(t.actors.officer, anItemInput({ title: '依申请公开的信息', writtenOn: '2026-05-01', documentNumber: null, disclosure: 'on-request', onRequestReason: '涉及特定对象' }));
  });
  afterAll(() => t.close());

  it('lists public items newest first with totals, and pages through them', async () => {
    const first = await listing.browse({}, { page: 1, pageSize: 3 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.publishedOn)).toEqual(['2026-05-06', '2026-05-06', '2026-05-06']);
    const second = await listing.browse({}, { page: 2, pageSize: 3 });
    expect(second.items.map((i) => i.title)).toContain('2024年科技计划项目验收通知');
    expect(second.items.at(-1)!.title).toBe('2024年科技计划项目验收通知');
    expect(new Set([...first.items, ...second.items].map((i) => i.itemId)).size).toBe(5);
    expect([...first.items, ...second.items].map((i) => i.title)).not.toContain('尚未发布的修订标题');
  });

  it('filters by a top-level 主题分类 (its subtree) or a second-level one, and by the other facets', async () => {
    expect((await listing.browse({ topicRoot: 't11' }, { page: 1, pageSize: 10 })).total).toBe(4);
    expect((await listing.browse({ topicRoot: 't11', topic: 't11-02' }, { page: 1, pageSize: 10 })).items.map((i) => i.itemId)).toEqual([ids.edu]);
    expect(await listing.count({ genre: 'notice', year: 2026 })).toBe(2);
    expect(await listing.count({ genre: 'notice', year: 2025 })).toBe(1);
    expect(await listing.count({ validity: 'repealed' })).toBe(1);
    expect(await listing.count({ column: 'policy' })).toBe(2);
  });

  it('counts each facet with the other filters applied but not its own', async () => {
    const f = await listing.facets({ topicRoot: 't11', genre: 'notice' });
    expect(Object.fromEntries(f.genres.map((c) => [c.value, c.count]))).toEqual({ notice: 3, 'normative-document': 1 });
    expect(Object.fromEntries(f.topicRoots.map((c) => [c.value, c.count]))).toEqual({ t11: 3 });
    expect(Object.fromEntries(f.topicLeaves.map((c) => [c.value, c.count]))).toEqual({ 't11-01': 2, 't11-02': 1 });
    expect(f.years).toEqual([{ value: '2026', count: 2 }, { value: '2025', count: 1 }]);
    expect(f.organs).toEqual([{ value: t.organId, name: '某县科学技术局', count: 3 }]);
    expect((await listing.facets({})).topicLeaves).toEqual([]);
  });

  it('matches titles literally: % and _ are characters, not wildcards', async () => {
    expect((await listing.browse({ titleContains: '100%_' }, { page: 1, pageSize: 10 })).items.map((i) => i.itemId)).toEqual([ids.edu]);
    expect(await listing.count({ titleContains: '%' })).toBe(1);
    expect(await listing.count({ titleContains: '修订标题' })).toBe(0);
  });

  it('takes an OR of genres and 基本目录 rows, and nothing for an empty scope', async () => {
    expect(await listing.count({ anyOf: { genres: ['notice', 'other-document'] } })).toBe(4);
    expect(await listing.count({ anyOf: { entries: [] } })).toBe(0);
  });

  it('looks up by 索引号 and by ids, dropping what is not public and keeping the given order', async () => {
    const tax = (await listing.findByItemIds([ids.tax]))[0]!;
    expect((await listing.findByIndexNumber(tax.indexNumber))?.itemId).toBe(ids.tax);
    expect((await listing.findByItemIds([ids.old, 'no-such-item', ids.tax])).map((i) => i.itemId)).toEqual([ids.old, ids.tax]);
    expect((await listing.countBy('topic_root_code')).get('t11')).toBe(4);
  });

  it('moves the last change forward when an item is retracted, although its row disappears', async () => {
    const before = await listing.lastChangedAt();
    t.clock.set('2026-05-07T03:00:00Z');
    await t.services.items.apply(t.actors.officer, ids.tax, 'retract', { reason: '信息有误' });
    expect(await listing.lastChangedAt()).toBe('2026-05-07T03:00:00.000Z');
    expect(before! < (await listing.lastChangedAt())!).toBe(true);
    const page = await listing.changes(0, 100);
    expect(page.map((c) => c.itemId)).not.toContain(ids.tax);
    expect(page).toHaveLength(4);
  });
});
