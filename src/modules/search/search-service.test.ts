import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import type { ItemInput } from '../catalogue/item-service.ts';
import type { Item } from '../catalogue/sql/item-rows.ts';
import type { SearchOptions } from './search-service.ts';

describe.each(await testDialects())('search on %s', (dialect) => {
  let t: TestContext;
  const ids: Record<string, Item> = {};

  /** A 主动公开 item published on `publishedOn` (imported in one step). */
  const published = (publishedOn: string, overrides: Partial<ItemInput>) =>
    t.services.items.importItem(t.actors.admin, anItemInput({ writtenOn: publishedOn, documentNumber: null, ...overrides }), { publishedOn: publishedOn as LocalDate });

  const search = (options: Partial<SearchOptions>) => t.services.search.search({ page: 1, pageSize: 50, ...options });
  const titles = async (q: string, options: Partial<SearchOptions> = {}) => (await search({ q, ...options })).hits.map((h) => h.title);
  const found = async (q: string) => (await search({ q })).hits.map((h) => h.itemId);

  beforeAll(async () => {
    t = await createTestContext(dialect);
    ids.voucher = await published('2026-11-20', { documentNumber: '县科技发〔2026〕12号' });
    ids.report = await published('2025-03-01', { title: '县科学技术局2025年政府信息公开工作年度报告', topicCode: 't02-01', genreCode: 'annual-report', summary: '本报告依据《中华人民共和国政府信息公开条例》编制。', bodyHtml: '<p>全年主动公开政府信息120条。</p>' });
    ids.envoys = await published('2023-06-01', { title: '关于印发《科技特派员管理办法》的通知', documentNumber: '县科技发〔2023〕12号', genreCode: 'normative-document', summary: '印发管理办法。', bodyHtml: '<p>现将《科技特派员管理办法》印发给你们，请认真贯彻执行。</p>' });
    ids.citing = await published('2026-10-01', { title: '关于科技特派员选派工作的补充通知', summary: '补充通知。', bodyHtml: `<p>根据县科技发〔2023〕12号文件精神，现补充通知如下。</p>` });
    ids.bodyOnly = await published('2026-11-25', { title: '关于做好年度统计工作的通知', topicCode: 't03-03', genreCode: 'statistics', summary: '统计工作安排。', bodyHtml: '<p>请各单位配合科技统计调查，做好行政审批事项目录的公开工作。</p>' });
    ids.apart = await published('2026-11-26', { title: '关于规范行政事项的通知', topicCode: 't02-01', summary: '行政事项。', bodyHtml: '<p>行政事项的审批应当依法进行。</p>' });
    ids.script = await published('2026-11-10', { title: '<script>alert(1)</script>科技宣传周通知', summary: '宣传周 <b>活动</b> 安排', bodyHtml: '<p>科技宣传周活动。</p>' });
  });
  afterAll(() => t.close());

  it('finds two-character words in titles and bodies (科技, 公开)', async () => {
    expect(await found('科技')).toEqual(expect.arrayContaining([ids.voucher!.id, ids.envoys!.id, ids.citing!.id, ids.bodyOnly!.id, ids.script!.id]));
    expect(await found('科技')).not.toContain(ids.apart!.id);
    // 公开 inside 政府信息公开 (a whole word in the dictionary) and inside 主动公开 in the body.
    expect(await found('公开')).toEqual(expect.arrayContaining([ids.report!.id, ids.bodyOnly!.id]));
    expect(await found('公开')).not.toContain(ids.voucher!.id);
  });

  it('ANDs all words and treats quoted text as a phrase', async () => {
    expect(await found('行政 审批')).toEqual(expect.arrayContaining([ids.bodyOnly!.id, ids.apart!.id]));
    expect(await found('"行政 审批"')).toEqual([ids.bodyOnly!.id]);
    expect(await found('“行政审批”')).toEqual([ids.bodyOnly!.id]);
    expect(await found('"科技创新券"')).toEqual([ids.voucher!.id]);
    expect(await found('科技 统计 宣传周')).toEqual([]);
  });

  it('ranks an exact 发文字号 first, above newer items that cite it, in any bracket style', async () => {
    for (const q of ['县科技发〔2023〕12号', '县科技发[2023]12号', '县科技发（2023）12号']) {
      const hits = await found(q);
      expect(hits[0], q).toBe(ids.envoys!.id);
      expect(hits).toContain(ids.citing!.id);
      expect(hits).not.toContain(ids.voucher!.id); // 〔2026〕12号 shares the 机关代字 and serial, not the year
    }
    expect(await found('县科技发')).toEqual(expect.arrayContaining([ids.envoys!.id, ids.voucher!.id, ids.citing!.id]));
  });

  it('ranks an exact 索引号 first and finds it by its parts', async () => {
    const indexNumber = ids.envoys!.indexNumber;
    await published('2026-11-27', { title: '关于转发有关文件的通知', summary: '转发。', bodyHtml: `<p>详见索引号${indexNumber}。</p>` });
    const hits = await search({ q: indexNumber });
    expect(hits.hits[0]!.itemId).toBe(ids.envoys!.id);
    expect(hits.total).toBe(2);
    expect((await search({ q: indexNumber.toLowerCase() })).hits[0]!.itemId).toBe(ids.envoys!.id);
  });

  it('ranks title matches above body-only matches, then newest first', async () => {
    const hits = await titles('科技');
    expect(hits.indexOf('关于做好年度统计工作的通知')).toBe(hits.length - 1);
    const inTitle = (await search({ q: '科技' })).hits.slice(0, -1).map((h) => h.publishedOn);
    expect(inTitle).toEqual([...inTitle].sort().reverse());
  });

  it('counts facets over the matching public items, each without its own filter, and filters narrow', async () => {
    const all = await search({ q: '通知' });
    const byGenre = Object.fromEntries(all.facets.genres.map((f) => [f.value, f.count]));
    const expected: Record<string, number> = {};
    for (const h of all.hits) expected[h.genreCode] = (expected[h.genreCode] ?? 0) + 1;
    expect(byGenre).toEqual(expected);
    expect(all.facets.genres.find((f) => f.value === 'normative-document')).toMatchObject({ name: '行政规范性文件', count: 1 });
    expect(all.facets.years.map((f) => f.value)).toEqual(['2026', '2023']);
    expect(all.facets.topicRoots.find((f) => f.value === 't11')).toMatchObject({ name: '科技、教育' });

    const notices = await search({ q: '通知', genreCode: 'notice' });
    expect(notices.total).toBe(byGenre.notice);
    expect(notices.hits.every((h) => h.genreCode === 'notice')).toBe(true);
    expect(notices.facets.genres).toEqual(all.facets.genres); // the genre facet ignores the genre filter
    expect(notices.facets.years.reduce((n, f) => n + (f.count ?? 0), 0)).toBe(notices.total);

    const y2023 = await search({ q: '通知', year: 2023 });
    expect(y2023.hits.map((h) => h.itemId)).toEqual([ids.envoys!.id]);
    const leaf = await search({ q: '通知', topicRootCode: 't02', topicCode: 't02-01' });
    expect(leaf.hits.map((h) => h.itemId)).toEqual([ids.apart!.id]);
    expect(leaf.facets.topicLeaves.map((f) => f.value)).toEqual(['t02-01']);
  });

  it('browses every public item newest first when the query is empty', async () => {
    const browse = await search({ q: '  ' });
    const publicCount = await t.database.db.selectFrom('public_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(browse.total).toBe(Number(publicCount.n));
    const dates = browse.hits.map((h) => h.publishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(browse.facets.validities.reduce((n, f) => n + (f.count ?? 0), 0)).toBe(browse.total);
  });

  it('follows 有效性 without re-indexing and reports it on hits and facets', async () => {
    await t.services.items.setValidity(t.actors.officer, ids.envoys!.id, { validity: 'repealed', on: '2026-11-01' as LocalDate });
    const hit = (await search({ q: '科技特派员' })).hits.find((h) => h.itemId === ids.envoys!.id);
    expect(hit?.validity).toBe('repealed');
    const repealed = await search({ q: '科技特派员', validity: 'repealed' });
    expect(repealed.hits.map((h) => h.itemId)).toEqual([ids.envoys!.id]);
    expect(repealed.facets.validities).toEqual([
      { value: 'effective', name: '有效', count: 1 },
      { value: 'repealed', name: '废止', count: 1 },
    ]);
  });

  it('escapes titles and snippets and marks only the matched words', async () => {
    const hit = (await search({ q: '科技 宣传周' })).hits.find((h) => h.itemId === ids.script!.id)!;
    expect(hit.titleHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>科技</mark><mark>宣传周</mark>通知');
    expect(hit.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.snippetHtml).toContain('<mark>宣传周</mark>');
    const voucher = (await search({ q: '科技创新券 申报' })).hits[0]!;
    expect(voucher.titleHtml).toContain('<mark>科技创新券</mark>');
    expect(voucher.snippetHtml).toContain('<mark>申报</mark>');
  });

  it('never finds retracted, unpublished, on-request or exempt items, nor unpublished revision text', async () => {
    const { items } = t.services;
    const { editor, leader, officer } = t.actors;
    const retracted = await published('2026-11-01', { title: '蓝鲸计划实施方案' });
    expect(await found('蓝鲸')).toEqual([retracted.id]);
    await items.apply(officer, retracted.id, 'retract', { reason: '内容有误' });

    await items.create(editor, anItemInput({ title: '白鹭湿地保护草稿', documentNumber: null }));
    const approved = await items.create(editor, anItemInput({ title: '已审未发的丹顶鹤监测通知', documentNumber: null }));
    await items.apply(editor, approved.id, 'submit');
    await items.apply(leader, approved.id, 'approve', { note: '同意' });
    await items.create(editor, anItemInput({ title: '依申请公开的黑颈鹤信息', disclosure: 'on-request', onRequestReason: '涉及特定对象', documentNumber: null }));
    await items.create(editor, anItemInput({ title: '不予公开的东方白鹳记录', disclosure: 'exempt', exemption: { basis: 'process-information', reason: '内部讨论' }, documentNumber: null }));

    const revised = await published('2026-11-02', { title: '湿地巡护工作通知', bodyHtml: '<p>巡护安排。</p>' });
    const revising = await items.apply(officer, revised.id, 'revise');
    await items.update(officer, revised.id, revising.version, anItemInput({ title: '朱鹮栖息地巡护工作通知', documentNumber: null, bodyHtml: '<p>新增金丝猴监测。</p>' }));

    for (const q of ['蓝鲸', '白鹭', '丹顶鹤', '黑颈鹤', '东方白鹳', '白鹳', '朱鹮', '金丝猴', '实施方案']) expect(await found(q), q).toEqual([]);
    expect(await found('湿地巡护')).toEqual([revised.id]);
    const browse = await search({ q: '', pageSize: 100 });
    expect(browse.hits.map((h) => h.itemId)).not.toContain(retracted.id);
    expect(JSON.stringify(browse)).not.toMatch(/蓝鲸|白鹭|丹顶鹤|黑颈鹤|白鹳|朱鹮|金丝猴/);
    // Not merely hidden by the join with public_items: the index itself holds none of it.
    const indexed = await t.database.db.selectFrom('item_search_docs').select(['item_id', 'body_text']).execute();
    expect(indexed.map((r) => r.item_id)).not.toContain(retracted.id);
    expect(JSON.stringify(indexed)).not.toMatch(/蓝鲸|白鹭|丹顶鹤|黑颈鹤|白鹳|朱鹮|金丝猴/);
  });

  it('re-indexes everything and drops entries that are not public', async () => {
    const before = await search({ q: '通知', pageSize: 100 });
    const result = await t.services.search.reindexAll();
    expect(result).toEqual({ indexed: (await search({ q: '' })).total, removed: 0 });
    const after = await search({ q: '通知', pageSize: 100 });
    expect(after.hits.map((h) => h.itemId)).toEqual(before.hits.map((h) => h.itemId));
  });

  it('suggests what would find something when nothing matches', async () => {
    const none = await search({ q: '科技特派员 火星' });
    expect(none.total).toBe(0);
    expect(none.suggestions).toEqual([{ kind: 'drop-term', q: '科技特派员', dropped: '火星', total: 2 }]);
    const three = await search({ q: '科技特派员 宣传周 火星' });
    expect(three.suggestions).toEqual([
      { kind: 'drop-term', q: '科技特派员 宣传周', dropped: '火星', total: 0 },
      { kind: 'term', q: '科技特派员', total: 2 },
      { kind: 'term', q: '宣传周', total: 1 },
    ].filter((s) => s.total > 0));
    const filtered = await search({ q: '科技特派员', year: 2019 });
    expect(filtered.suggestions).toEqual([{ kind: 'without-filters', q: '科技特派员', total: 2 }]);
    expect((await search({ q: '!!! ??? ' })).total).toBe(0);
  });

  it('never fails on any input (fuzz), whatever its quotes, operators or length', async () => {
    const pieces = fc.constantFrom('"', '“', '”', "'", '*', '^', ':', '(', ')', '-', '+', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '&', '|', '!', '<->', '\\', '%', '_', ';', "' OR 1=1 --", '"; DROP TABLE items; --', 'title:', '{title}', '科技', '公开', '〔2023〕', '12号', '县科技发', ' ', '\u0000', '\u202e', '\ud800', '😀', 'é', 'Ⅻ', '²');
    const query = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), fc.string({ minLength: 150, maxLength: 400 }));
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const result = await search({ q, pageSize: 5 });
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(Array.from(result.query.text).length).toBeLessThanOrEqual(100);
        for (const h of result.hits) expect(h.titleHtml + h.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
        // The same text as every filter, and nonsense paging, must not fail either.
        expect((await search({ q: '科技', topicCode: q, topicRootCode: q, genreCode: q, organId: q, validity: q })).total).toBeGreaterThanOrEqual(0);
        expect((await search({ q, page: Number.NaN, pageSize: -3, year: Number.POSITIVE_INFINITY })).pageSize).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
