import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { anItemInput } from '../../../../test/support/test-services.ts';
import type { CatalogueEntryInput } from '../../catalogue/domain/catalogue-entry.ts';
import { aPublishedItem, anItemUnderRevision, facetCounts, pdfBytes, portalOnlyApp } from '../testing/portal-fixtures.ts';

const entryInput = (level2: string): CatalogueEntryInput => ({
  sortOrder: 1,
  level1: '政府信息公开',
  level2,
  content: `${level2}的内容`,
  basis: [{ type: '行政法规', title: '《中华人民共和国政府信息公开条例》' }],
  timeLimitWorkingDays: 20,
  timeLimitText: '信息形成或者变更之日起20个工作日内',
  subject: '县科技局办公室',
  channels: ['政府网站'],
  audience: ['全社会'],
  methods: ['主动'],
  levels: ['县级'],
});

const meta = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];

describe.each(await testDialects())('portal pages on %s', (dialect) => {
  let t: TestApp;
  const ids = {} as Record<'emptyEntry' | 'guideEntry' | 'guide' | 'rules' | 'report' | 'noticeA' | 'noticeB' | 'oldRule' | 'newRule' | 'withFile' | 'onRequest' | 'retracted', string>;
  const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { items, catalogueEntries } = t.services;
    const guide = await catalogueEntries.create(t.actors.officer, entryInput('政府信息公开指南'));
    const rules = await catalogueEntries.create(t.actors.officer, entryInput('政府信息公开制度'));
    ids.emptyEntry = (await catalogueEntries.create(t.actors.officer, entryInput('政务公开工作要点'))).id;
    ids.guideEntry = guide.id;
    ids.guide = (await aPublishedItem(t, { title: '县科技局政府信息公开指南（2026年修订）', genreCode: 'other-document', catalogueEntryId: guide.id })).id;
    ids.rules = (await aPublishedItem(t, { title: '关于印发《政府信息公开保密审查制度》的通知', genreCode: 'other-document', catalogueEntryId: rules.id })).id;
    ids.report = (await aPublishedItem(t, { title: '县科技局2025年政府信息公开工作年度报告', genreCode: 'annual-report', topicCode: 't02-01' })).id;
    ids.noticeA = (await aPublishedItem(t, { title: '科技创新券申报通知', genreCode: 'notice', topicCode: 't11-01' })).id;
    ids.noticeB = (await aPublishedItem(t, { title: '科普教育基地认定通知', genreCode: 'notice', topicCode: 't11-02' })).id;
    ids.oldRule = (await aPublishedItem(t, { title: '某县科技计划项目管理办法（2019年）', genreCode: 'normative-document', writtenOn: '2019-03-01', documentNumber: '县科技发〔2019〕3号' })).id;
    ids.newRule = (await anItemUnderRevision(t, { title: '某县科技计划项目管理办法', genreCode: 'normative-document' }, { title: '修订中尚未发布的标题', bodyHtml: '<p>修订中尚未发布的正文</p>' })).id;
    await items.setValidity(t.actors.officer, ids.oldRule, { validity: 'repealed', on: '2026-11-27' as never, byItemId: ids.newRule });
    ids.withFile = (await aPublishedItem(t, { title: '项目申报书模板', genreCode: 'notice' }, [{ name: '申报书.pdf', bytes: pdfBytes('PUBLIC-ATTACHMENT') }])).id;
    ids.onRequest = (await items.create(t.actors.officer, anItemInput({ title: '依申请公开的内部信息', disclosure: 'on-request', onRequestReason: '涉及特定对象' }))).id;
    ids.retracted = (await aPublishedItem(t, { title: '已撤回的通知' })).id;
    await items.apply(t.actors.officer, ids.retracted, 'retract', { reason: '名单有误', retractNotice: '该通知已撤回，更正后的名单另行公布。' });
  });
  afterAll(() => t.close());

  it.each([
    ['/', '首页', '首页'],
    ['/xxgk', '政府信息公开', '信息公开'],
    ['/xxgk/guide', '信息公开指南', '信息公开'],
    ['/xxgk/rules', '信息公开制度', '信息公开'],
    ['/xxgk/list', '法定主动公开内容', '信息公开'],
    ['/xxgk/list?column=notice', '法定主动公开内容', '通知公告'],
    ['/xxgk/annual-reports', '信息公开年报', '信息公开'],
    ['/xxgk/topics/t11', '科技、教育', '信息公开'],
    ['/ysqgk', '依申请公开', '信息公开'],
  ])('serves %s in Chinese with the government-site meta tags', async (url, columnName, columnType) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(meta(res.body, 'SiteName')).toBeTruthy();
    expect(meta(res.body, 'SiteIDCode')).toBe('3300000001');
    expect(meta(res.body, 'ColumnName')).toBe(columnName);
    expect(meta(res.body, 'ColumnType')).toBe(columnType);
    expect(res.body).toMatch(/<h1>[^<]+<\/h1>/);
    expect(res.body).not.toContain('依申请公开的内部信息');
  });

  it('organises the 专栏 home by 基本目录 rows, 主题分类 and the standard columns', async () => {
    const body = (await get('/xxgk')).body;
    expect(body).toContain(`<a href="/xxgk/catalogue/${ids.guideEntry}">政府信息公开指南</a> <span class="count">（1）</span>`);
    expect(body).toContain('政务公开工作要点（暂无）');
    expect(body).not.toContain(`/xxgk/catalogue/${ids.emptyEntry}"`);
    expect(body).toContain('<a href="/xxgk/topics/t11">科技、教育</a> <span class="count">（7）</span>');
    for (const href of ['/xxgk/guide', '/xxgk/rules', '/xxgk/list', '/xxgk/annual-reports', '/ysqgk']) expect(body).toContain(`href="${href}"`);
    expect(body).toContain('县科技局2025年政府信息公开工作年度报告');
  });

  it('generates the 指南 from organ data and shows only what is known', async () => {
    let body = (await get('/xxgk/guide')).body;
    expect(body).toContain('某县人民路1号');
    expect(body).toContain('0571-00000000');
    expect(body).toContain('机构代码/年份-5位流水号');
    expect(body).not.toContain('传真号码');
    expect(body).toContain('县科技局政府信息公开指南（2026年修订）');
    await t.services.settings.update({ id: null, name: '测试' }, { disclosureOffice: { name: '县科技局办公室', fax: '0571-00000001', officeHours: '工作日 8:30–17:00' } } as never);
    t.clock.advance(61_000);
    body = (await get('/xxgk/guide')).body;
    expect(body).toContain('<dt>传真号码</dt><dd>0571-00000001</dd>');
    expect(body).toContain('<dt>工作机构名称</dt><dd>县科技局办公室</dd>');
  });

  it('explains 依申请公开 and leads to the online form and the status check', async () => {
    const body = (await get('/ysqgk')).body;
    expect(body).toContain('href="/ysqgk/apply"');
    expect(body).toContain('href="/ysqgk/status"');
    expect(body).toContain('20个工作日');
    expect(body).not.toContain('正在建设中');
  });

  it('counts facets on the list and narrows them when one is chosen', async () => {
    const all = (await get('/xxgk/list')).body;
    expect(facetCounts(all, '体裁')).toMatchObject({ 通知公告: 3, 行政规范性文件: 2, 其他文件: 2, 年度报告: 1 });
    expect(facetCounts(all, '有效性')).toEqual({ 有效: 7, 废止: 1 });
    const notices = (await get('/xxgk/list?genre=notice')).body;
    expect(facetCounts(notices, '体裁')).toMatchObject({ 通知公告: 3, 行政规范性文件: 2 });
    expect(facetCounts(notices, '有效性')).toEqual({ 有效: 3 });
    expect(notices).toContain('共 3 条');
    const leaf = (await get('/xxgk/list?topic=t11-02')).body;
    expect(facetCounts(leaf, '科技、教育：二级分类')).toMatchObject({ 科技: 6, 教育: 1 });
    expect(leaf).toContain('共 1 条');
    expect(leaf).toContain('科普教育基地认定通知');
    const repealed = (await get('/xxgk/list?validity=repealed')).body;
    expect(repealed).toContain('某县科技计划项目管理办法（2019年）');
    expect(repealed).toContain('<span class="badge bad">已废止</span>');
  });

  it('pages through the list, 404s beyond the last page and 400s on malformed facets', async () => {
    const app = await portalOnlyApp(t, { pageSize: 3 });
    try {
      const seen = new Set<string>();
      for (let page = 1; page <= 3; page++) {
        const res = await app.inject({ method: 'GET', url: `/xxgk/list${page > 1 ? `?page=${page}` : ''}` });
        expect(res.statusCode).toBe(200);
        for (const m of res.body.matchAll(/<a href="\/xxgk\/content\/([^"]+)">/g)) seen.add(m[1]!);
      }
      expect(seen.size).toBe(8);
      expect((await app.inject({ method: 'GET', url: '/xxgk/list?page=2' })).body).toContain('rel="next"');
      expect((await app.inject({ method: 'GET', url: '/xxgk/list?page=4' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/xxgk/list?year=abc' })).statusCode).toBe(400);
      expect((await app.inject({ method: 'GET', url: '/xxgk/list?genre=%3Cscript%3E' })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('lists a 基本目录 row with the row itself, and 404s an unknown row or topic', async () => {
    const res = await get(`/xxgk/catalogue/${ids.guideEntry}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<dt>公开时限</dt><dd>信息形成或者变更之日起20个工作日内</dd>');
    expect(res.body).toContain('县科技局政府信息公开指南（2026年修订）');
    expect((await get('/xxgk/catalogue/nope')).statusCode).toBe(404);
    expect((await get('/xxgk/topics/t99')).statusCode).toBe(404);
  });

  it('lists 制度 and 年报 from their 基本目录 rows and genre', async () => {
    const rules = (await get('/xxgk/rules')).body;
    expect(rules).toContain('关于印发《政府信息公开保密审查制度》的通知');
    expect(rules).not.toContain('科技创新券申报通知');
    const reports = (await get('/xxgk/annual-reports')).body;
    expect(reports).toContain('县科技局2025年政府信息公开工作年度报告');
    expect(reports).toContain('共 1 条');
  });

  it('shows the detail header, article meta tags and attachments', async () => {
    const res = await get(`/xxgk/content/${ids.withFile}`);
    expect(res.statusCode).toBe(200);
    expect(meta(res.body, 'ArticleTitle')).toBe('项目申报书模板');
    expect(meta(res.body, 'PubDate')).toBe('2026-11-27');
    expect(meta(res.body, 'ContentSource')).toBe('某县科学技术局');
    expect(meta(res.body, 'ColumnType')).toBe('通知公告');
    expect(res.body).toMatch(/<dt>索引号<\/dt><dd>11330000MB0000001X\/2026-\d{5}<\/dd>/);
    const href = /href="(\/xxgk\/content\/[^"]+\/files\/[^"]+)"/.exec(res.body)![1]!;
    const file = await get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toContain('PUBLIC-ATTACHMENT');
    expect((await get(href, { 'if-none-match': file.headers.etag as string })).statusCode).toBe(304);
    expect((await get(href.replace(ids.withFile, ids.noticeA))).statusCode).toBe(404);
  });

  it('keeps a repealed document public, says so above the title, and links both ways with published titles only', async () => {
    const old = (await get(`/xxgk/content/${ids.oldRule}`)).body;
    expect(old).toMatch(/<div class="validity-banner" role="note"><p>本文件已废止（2026年11月27日废止），仅供查阅参考。<\/p><p>废止文件：<a href="\/xxgk\/content\/[^"]+">某县科技计划项目管理办法<\/a>/);
    expect(old).toContain('本文件已被以下文件废止：');
    expect(old).not.toContain('修订中尚未发布的标题');
    const successor = (await get(`/xxgk/content/${ids.newRule}`)).body;
    expect(successor).toContain('本文件废止了：<a href');
    expect(successor).toContain('某县科技计划项目管理办法（2019年）');
    expect(successor).not.toContain('修订中尚未发布');
  });

  it('answers 404 for items that are not public and 410 with the notice for a retracted one', async () => {
    expect((await get(`/xxgk/content/${ids.onRequest}`)).statusCode).toBe(404);
    const gone = await get(`/xxgk/content/${ids.retracted}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('该通知已撤回，更正后的名单另行公布。');
    expect(gone.body).not.toContain('已撤回的通知</h1>');
  });

  it('revalidates with ETag and Last-Modified, and stops answering 304 after a change', async () => {
    t.clock.set('2026-11-27T05:00:00Z');
    const first = await get('/xxgk/list');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(lastModified).toBe('Fri, 27 Nov 2026 02:00:00 GMT');
    const cached = await get('/xxgk/list', { 'if-none-match': etag });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect((await get('/xxgk/list', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    t.clock.set('2026-11-27T05:30:00Z');
    await aPublishedItem(t, { title: '新发布的通知' });
    t.clock.set('2026-11-27T05:31:00Z');
    const fresh = await get('/xxgk/list', { 'if-none-match': etag });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toContain('新发布的通知');
    expect((await get('/xxgk/list', { 'if-modified-since': lastModified })).statusCode).toBe(200);
  });

  it('sets no visitor cookie on cached public pages', async () => {
    const res = await get('/xxgk');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-gongkai-cached-surface']).toBeUndefined();
  });
});
