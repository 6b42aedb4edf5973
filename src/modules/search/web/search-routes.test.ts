import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { anItemInput } from '../../../../test/support/test-services.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';

// Far more searches than one address may make by default; the limit has its own test (feeds-and-open-data.test.ts).
process.env.PUBLIC_API_RATE_LIMIT = '0';

const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });
const decode = (html: string) => html.replace(/&amp;/g, '&');

describe.each(await testDialects())('GET /search on %s', (dialect) => {
  let t: TestApp;
  let voucherId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const publish = (on: string, overrides: object) =>
      t.services.items.importItem(t.actors.admin, anItemInput({ writtenOn: on, documentNumber: null, ...overrides }), { publishedOn: on as LocalDate });
    voucherId = (await publish('2026-11-20', { documentNumber: '县科技发〔2026〕12号' })).id;
    await publish('2025-05-06', { title: '关于公布2025年科技特派员名单的通知', genreCode: 'notice', summary: '公布名单。', bodyHtml: '<p>科技特派员名单。</p>' });
    await publish('2024-02-03', { title: '科技项目管理规定', genreCode: 'normative-document', summary: '管理规定。', bodyHtml: '<p>科技项目。</p>' });
    const repealed = await publish('2024-01-02', { title: '<em>旧版</em>科技经费管理办法', genreCode: 'normative-document', summary: '旧办法。', bodyHtml: '<p>经费。</p>' });
    await t.services.items.setValidity(t.actors.officer, repealed.id, { validity: 'repealed', on: '2026-01-01' as LocalDate });
  });
  afterAll(() => t.close());

  it('renders a portal page with the government-site meta tags and a search form that needs no JavaScript', async () => {
    const res = await get(t, '/search');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<meta name="ColumnName" content="搜索">');
    expect(res.body).toContain('<meta name="ColumnType" content="搜索">');
    expect(res.body).toMatch(/<form method="get" action="\/search" role="search"[^>]*>/);
    expect(res.body).toContain('name="q"');
    expect(res.body).toContain('全部公开信息（4 条）');
    expect(res.body).not.toContain('<script');
  });

  it('lists highlighted results linking to the content page, with 发布机构, 发布日期 and a 有效性 badge', async () => {
    const res = await get(t, `/search?q=${encodeURIComponent('科技创新券')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<a href="/xxgk/content/${voucherId}">关于开展2026年度<mark>科技创新券</mark>申报工作的通知</a>`);
    expect(res.body).toContain('发布机构：某县科学技术局');
    expect(res.body).toContain('<time datetime="2026-11-20">2026-11-20</time>');
    expect(res.body).toContain('发文字号：县科技发〔2026〕12号');

    const all = await get(t, `/search?q=${encodeURIComponent('科技')}`);
    expect(all.body).toContain('找到 4 条与“科技”相关的公开信息');
    expect(all.body).toContain('&lt;em&gt;旧版&lt;/em&gt;<mark>科技</mark>经费管理办法');
    expect(all.body).toContain('<span class="badge bad">已废止</span>');
    expect(all.body.match(/class="badge bad"/g)).toHaveLength(1);
  });

  it('offers facet links that keep the query and the other filters', async () => {
    const res = await get(t, `/search?q=${encodeURIComponent('科技')}&year=2024`);
    const html = decode(res.body);
    expect(html).toContain('找到 2 条');
    expect(html).toContain('href="/search?q=%E7%A7%91%E6%8A%80&genre=normative-document&year=2024">行政规范性文件</a> <span class="count">（2）</span>');
    // The year facet ignores the year filter: every year stays reachable, plus 不限.
    expect(html).toContain('href="/search?q=%E7%A7%91%E6%8A%80&year=2025">2025年</a>');
    expect(html).toContain('href="/search?q=%E7%A7%91%E6%8A%80">不限</a>');
    expect(html).toContain('<input type="hidden" name="year" value="2024">');

    const narrowed = await get(t, `/search?q=${encodeURIComponent('科技')}&year=2024&validity=repealed`);
    expect(narrowed.body).toContain('找到 1 条');
    const topic = decode((await get(t, `/search?q=${encodeURIComponent('科技')}&topic=t11`)).body);
    expect(topic).toContain('二级分类');
    expect(topic).toContain('href="/search?q=%E7%A7%91%E6%8A%80&topic=t11-01">科技</a>');
  });

  it('paginates with links that keep the query and the filters', async () => {
    for (let day = 1; day <= 20; day++) {
      const on = `2026-09-${String(day).padStart(2, '0')}`;
      await t.services.items.importItem(t.actors.admin, anItemInput({ title: `科技简报第${day}期`, writtenOn: on, documentNumber: null }), { publishedOn: on as LocalDate });
    }
    const first = decode((await get(t, `/search?q=${encodeURIComponent('科技')}&validity=effective`)).body);
    expect(first).toContain('找到 23 条');
    expect(first.match(/<li><a href="\/xxgk\/content\//g)).toHaveLength(20);
    expect(first).toContain('第 1 / 2 页，共 23 条');
    expect(first).toContain('href="/search?q=%E7%A7%91%E6%8A%80&validity=effective&page=2" rel="next"');
    const second = decode((await get(t, `/search?q=${encodeURIComponent('科技')}&validity=effective&page=2`)).body);
    expect(second.match(/<li><a href="\/xxgk\/content\//g)).toHaveLength(3);
    expect(second).toContain('<ol class="item-list search-results" start="21">');
    expect(second).toContain('href="/search?q=%E7%A7%91%E6%8A%80&validity=effective" rel="prev"');
    const beyond = decode((await get(t, `/search?q=${encodeURIComponent('科技')}&page=9`)).body);
    expect(beyond).toContain('本页没有内容');
    expect(beyond).toContain('href="/search?q=%E7%A7%91%E6%8A%80&page=2">最后一页</a>');
  });

  it('helps when nothing is found', async () => {
    const res = await get(t, `/search?q=${encodeURIComponent('科技特派员 火星')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('没有找到与“科技特派员 火星”相关的公开信息');
    expect(decode(res.body)).toContain('去掉“火星”后搜索<a href="/search?q=%E7%A7%91%E6%8A%80%E7%89%B9%E6%B4%BE%E5%91%98">科技特派员</a><span class="count">（1 条）</span>');
    expect(res.body).toContain('<a href="/ysqgk">依申请公开</a>');
    const filtered = await get(t, `/search?q=${encodeURIComponent('科技特派员')}&genre=normative-document`);
    expect(filtered.body).toContain('取消筛选条件，在全部信息中搜索');
    const punctuation = await get(t, `/search?q=${encodeURIComponent('？！……')}`);
    expect(punctuation.body).toContain('请输入要查找的词语');
  });

  it('serves a search page from the render cache, with an ETag, until something public changes', async () => {
    const url = `/search?q=${encodeURIComponent('缓存检索')}`;
    const first = await get(t, url);
    expect(first.body).toContain('没有找到与“缓存检索”相关的公开信息');
    expect(first.headers.etag).toMatch(/^"/);
    expect(first.headers['set-cookie']).toBeUndefined();
    // The same query spelt differently (extra spaces, an empty filter) is the same page.
    const again = await get(t, `/search?q=${encodeURIComponent(' 缓存检索 ')}&genre=`);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect((await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode).toBe(304);
    const item = await t.services.items.importItem(t.actors.admin, anItemInput({ title: '缓存检索的新文件', documentNumber: null }), { publishedOn: '2026-11-21' as LocalDate });
    const after = await get(t, url);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.body).toContain(`/xxgk/content/${item.id}`);
    await t.services.items.apply(t.actors.officer, item.id, 'retract', { reason: '测试撤回' });
    expect((await get(t, url)).body).not.toContain(item.id);
  });

  it('answers any query string with a page, never a server error (fuzz)', async () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('"', 'NEAR(', "' OR 1=1 --", '科技"', '*', 'x'.repeat(5000)));
    await fc.assert(
      fc.asyncProperty(fc.record({ q: text, topic: text, genre: text, organ: text, year: text, validity: text, page: text }, { requiredKeys: [] }), async (params) => {
        const qs = new URLSearchParams(params as Record<string, string>).toString();
        const res = await get(t, `/search?${qs}`);
        expect(res.statusCode, qs).toBe(200);
        expect(res.body).not.toMatch(/<(script|img|svg)/i);
      }),
      { numRuns: 60 },
    );
    for (const url of ['/search?q=a&q=b', '/search?page=-1', '/search?year=abc', '/search?q=%E7%A7%91%E6%8A%80%00']) expect((await get(t, url)).statusCode, url).toBeLessThan(500);
  });
});
