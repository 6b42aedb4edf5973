import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { anItemInput } from '../../../../test/support/test-services.ts';
import { aPublishedItem, anItemUnderRevision, pdfBytes, portalOnlyApp } from '../testing/portal-fixtures.ts';
import { buildGongkaiApp } from '../../../web-app.ts';
import { DEFAULT_PORTAL_OPTIONS } from '../portal-options.ts';

// The API is exercised far beyond the default per-address budget here; limiting has its own test below.
process.env.PUBLIC_API_RATE_LIMIT = '0';

const itemUrls = (body: string) => new Set([...body.matchAll(/\/xxgk\/content\/([0-9a-z]+)</g)].map((m) => m[1]!));

describe.each(await testDialects())('feeds, sitemap and open data on %s', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const index: Record<string, string> = {};
  const get = (url: string, headers: Record<string, string> = {}, app: FastifyInstance = t.app): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url, headers });
  const publicIds = () => new Set([ids.special, ids.finance, ids.repealed, ids.withFile, ids.revised]);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2025-06-03T02:00:00Z');
    ids.finance = (await aPublishedItem(t, { title: '2025年部门预算公开', writtenOn: '2025-06-01', documentNumber: null, topicCode: 't04-01', genreCode: 'other-document' })).id;
    t.clock.set('2026-11-27T02:00:00Z');
    ids.special = (await aPublishedItem(t, { title: '关于<科技>&“蓝鲸”的通知', genreCode: 'notice' })).id;
    ids.repealed = (await aPublishedItem(t, { title: '旧的规范性文件', genreCode: 'normative-document' })).id;
    await t.services.items.setValidity(t.actors.officer, ids.repealed, { validity: 'repealed', on: '2026-11-27' as never });
    ids.withFile = (await aPublishedItem(t, { title: '带附件的通知', summary: '附件为申报书。' }, [{ name: '申报书.pdf', bytes: pdfBytes('FEED-TEST-ATTACHMENT') }])).id;
    ids.revised = (await anItemUnderRevision(t, { title: '已发布版本的标题' }, { title: '未发布的修订标题' })).id;
    ids.onRequest = (await t.services.items.create(t.actors.officer, anItemInput({ title: '依申请公开的文件', disclosure: 'on-request', onRequestReason: '涉及特定对象' }))).id;
    ids.draft = (await t.services.items.create(t.actors.officer, anItemInput({ title: '草稿中的文件' }))).id;
    for (const [key, id] of Object.entries(ids)) index[key] = (await t.services.items.get(id)).indexNumber;
  });
  afterAll(() => t.close());

  it('uses the request host for absolute links while no 网站域名 is set', async () => {
    const res = await get('/feed.xml', { host: 'gk.test:8080' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).toContain('<id>tag:gk.test,2019:/feed.xml</id>');
    expect(res.body).toContain(`<link rel="alternate" type="text/html" href="http://gk.test:8080/xxgk/content/${ids.special}"/>`);
  });

  it('feeds every public item with escaped text, tag ids and the configured domain, and nothing else', async () => {
    await t.services.settings.update({ id: null, name: '测试' }, { siteDomain: 'kjj.example.gov.cn' });
    const body = (await get('/feed.xml')).body;
    expect(itemUrls(body)).toEqual(publicIds());
    expect(body).toContain('<title type="text">关于&lt;科技&gt;&amp;“蓝鲸”的通知</title>');
    expect(body).toContain(`<id>tag:kjj.example.gov.cn,2026-11-27:/xxgk/content/${ids.special}</id>`);
    expect(body).toContain(`href="http://kjj.example.gov.cn/xxgk/content/${ids.special}"`);
    expect(body).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">\n<id>tag:kjj.example.gov.cn,2019:\/feed.xml<\/id>/);
    expect(body).toContain('<updated>2026-11-27T02:00:00.000Z</updated>');
    expect(body).toContain('【已废止】');
    for (const hidden of ['未发布的修订标题', '依申请公开的文件', '草稿中的文件', index.onRequest!, index.draft!]) expect(body).not.toContain(hidden);
  });

  it('feeds per 主题分类 (a class with its subtree) and per 栏目类型, and 404s unknown ones', async () => {
    expect(itemUrls((await get('/feeds/topics/t04.xml')).body)).toEqual(new Set([ids.finance]));
    expect(itemUrls((await get('/feeds/topics/t04-01.xml')).body)).toEqual(new Set([ids.finance]));
    expect(itemUrls((await get('/feeds/topics/t11.xml')).body)).toEqual(new Set([ids.special, ids.repealed, ids.withFile, ids.revised]));
    expect(itemUrls((await get('/feeds/columns/policy.xml')).body)).toEqual(new Set([ids.finance, ids.repealed]));
    expect((await get('/feeds/columns/policy.xml')).body).toContain('<title type="text">政府信息公开：政策文件</title>');
    expect((await get('/feeds/topics/t99.xml')).statusCode).toBe(404);
    expect((await get('/feeds/columns/gossip.xml')).statusCode).toBe(404);
  });

  it('maps every public item and column page with lastmod, splitting into an index when large', async () => {
    const map = (await get('/sitemap.xml')).body;
    expect(map).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(itemUrls(map)).toEqual(publicIds());
    expect(map).toContain('<url><loc>http://kjj.example.gov.cn/xxgk/guide</loc><lastmod>2026-11-27T02:00:00.000Z</lastmod></url>');
    expect(map).toContain('<loc>http://kjj.example.gov.cn/xxgk/topics/t04</loc>');
    const app = await portalOnlyApp(t, { sitemapUrlsPerFile: 4 });
    try {
      const idx = (await get('/sitemap.xml', {}, app)).body;
      const files = [...idx.matchAll(/<loc>http:\/\/kjj.example.gov.cn(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
      expect(idx).toContain('<sitemapindex');
      expect(files.length).toBeGreaterThan(2);
      const union = new Set<string>();
      for (const f of files) for (const id of itemUrls((await get(f, {}, app)).body)) union.add(id);
      expect(union).toEqual(publicIds());
      expect((await get('/sitemaps/99.xml', {}, app)).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('lists public items as JSON with filters and pagination', async () => {
    const res = await get('/api/v1/public/items?pageSize=2');
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const first = res.json();
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(Object.keys(first.items[0]).sort()).toEqual(['documentNumber', 'genre', 'genreCode', 'indexNumber', 'organName', 'publishedOn', 'summary', 'title', 'topic', 'topicCode', 'url', 'validity', 'validityLabel', 'writtenOn'].sort());
    const all = [];
    for (let page = 1; page <= 3; page++) all.push(...(await get(`/api/v1/public/items?pageSize=2&page=${page}`)).json().items);
    expect(new Set(all.map((i: { indexNumber: string }) => i.indexNumber))).toEqual(new Set([index.special, index.finance, index.repealed, index.withFile, index.revised]));
    const titles = (url: string) => get(url).then((r) => r.json().items.map((i: { title: string }) => i.title));
    expect(await titles('/api/v1/public/items?topic=t04')).toEqual(['2025年部门预算公开']);
    expect(await titles('/api/v1/public/items?year=2025')).toEqual(['2025年部门预算公开']);
    expect(await titles('/api/v1/public/items?validity=repealed')).toEqual(['旧的规范性文件']);
    expect(await titles('/api/v1/public/items?genre=normative-document')).toEqual(['旧的规范性文件']);
    expect((await titles(`/api/v1/public/items?organ=${t.organId}`)).length).toBe(5);
    expect(await titles(`/api/v1/public/items?q=${encodeURIComponent('蓝鲸')}`)).toEqual(['关于<科技>&“蓝鲸”的通知']);
    expect(await titles(`/api/v1/public/items?q=${encodeURIComponent('未发布的修订')}`)).toEqual([]);
    expect(await titles(`/api/v1/public/items?q=${encodeURIComponent('蓝鲸')}&column=notice`)).toEqual(['关于<科技>&“蓝鲸”的通知']);
    const bad = await get('/api/v1/public/items?validity=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-input');
  });

  it('ranks by services.search when it exists and never returns a hit that is not public', async () => {
    const services = t.services as unknown as { search?: unknown };
    const real = services.search;
    const calls: unknown[] = [];
    services.search = {
      search: async (opts: unknown) => {
        calls.push(opts);
        return { total: 2, hits: [{ itemId: ids.onRequest }, { itemId: ids.withFile }], facets: {} };
      },
    };
    try {
      const res = (await get('/api/v1/public/items?q=%E7%94%B3%E6%8A%A5%E4%B9%A6&topic=t11-01&genre=notice&pageSize=5')).json();
      expect(calls).toEqual([{ q: '申报书', topicRootCode: 't11', topicCode: 't11-01', genreCode: 'notice', organId: undefined, year: undefined, validity: undefined, page: 1, pageSize: 5 }]);
      expect(res.items.map((i: { title: string }) => i.title)).toEqual(['带附件的通知']);
      expect(JSON.stringify(res)).not.toContain('依申请公开的文件');
      // Without a search module, titles are matched with LIKE.
      delete services.search;
      expect((await get('/api/v1/public/items?q=%E6%B3%95%E5%BE%8B%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97')).json().total).toBe(0);
      expect((await get('/api/v1/public/items?q=%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97')).json().items.map((i: { title: string }) => i.title)).toEqual(['2025年部门预算公开']);
    } finally {
      services.search = real;
    }
  });

  it('returns the full record by 索引号, encoded or not, and 404s what is not public', async () => {
    const encoded = await get(`/api/v1/public/items/${encodeURIComponent(index.withFile!)}`);
    expect(encoded.statusCode).toBe(200);
    const record = encoded.json();
    expect(record).toMatchObject({ indexNumber: index.withFile, title: '带附件的通知', summary: '附件为申报书。', editionNo: 1, validity: 'effective' });
    expect(record.bodyHtml).toContain('<p>');
    expect(record.attachments).toEqual([{ filename: '申报书.pdf', mediaType: 'application/pdf', sizeBytes: pdfBytes('FEED-TEST-ATTACHMENT').byteLength, url: expect.stringMatching(/^http:\/\/kjj\.example\.gov\.cn\/xxgk\/content\/.+\/files\/.+$/) }]);
    expect((await get(new URL(record.attachments[0].url).pathname)).body).toContain('FEED-TEST-ATTACHMENT');
    expect((await get(`/api/v1/public/items/${index.withFile}`)).json().title).toBe('带附件的通知');
    expect((await get(`/api/v1/public/items/${encodeURIComponent(index.revised!)}`)).json().title).toBe('已发布版本的标题');
    for (const hidden of [index.onRequest!, index.draft!, 'no-such-index']) {
      const res = await get(`/api/v1/public/items/${encodeURIComponent(hidden)}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('unknown-index-number');
      expect(res.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('answers CORS preflights and 304s for the API', async () => {
    const pre = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/public/items', headers: { origin: 'https://data.example.org', 'access-control-request-method': 'GET' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(pre.headers['access-control-allow-headers']).toContain('If-None-Match');
    const first = await get('/api/v1/public/items');
    expect(first.headers['access-control-expose-headers']).toContain('ETag');
    expect((await get('/api/v1/public/items', { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    const feed = await get('/feed.xml');
    expect((await get('/feed.xml', { 'if-none-match': feed.headers.etag as string })).statusCode).toBe(304);
  });

  it('describes the public routes in the OpenAPI document under 公开数据', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/v1/public/items', '/api/v1/public/items/{indexNumber}', '/feed.xml', '/sitemap.xml', '/xxgk/list']) {
      expect(doc.paths[path]?.get?.tags, path).toContain('公开数据');
      expect(doc.paths[path].get.security, path).toEqual([]);
    }
    expect(doc.paths['/api/v1/public/items'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'page', 'pageSize', 'topic', 'genre', 'organ', 'year', 'validity']));
  });

  it('limits each address on the API with 429, Retry-After and a Chinese message, but not the pages', async () => {
    const app = await portalOnlyApp(t, { rateLimit: { requestsPerMinute: 60, burst: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await get('/api/v1/public/items', {}, app)).statusCode).toBe(200);
      const refused = await get('/api/v1/public/items', {}, app);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['access-control-allow-origin']).toBe('*');
      expect(refused.json().error).toMatchObject({ code: 'too-many-requests', message: '访问过于频繁，请在 1 秒后重试。' });
      expect((await app.inject({ method: 'GET', url: '/api/v1/public/items', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
      expect((await get('/xxgk/list', {}, app)).statusCode).toBe(200);
      t.clock.advance(1_000);
      expect((await get('/api/v1/public/items', {}, app)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses the search page with a Chinese 429 page, sharing the address budget with the API', async () => {
    const app = await buildGongkaiApp(t.services, { portal: { ...DEFAULT_PORTAL_OPTIONS, rateLimit: { requestsPerMinute: 1, burst: 2 } } });
    try {
      expect((await get('/search?q=x', {}, app)).statusCode).toBe(200);
      // The same address again: the cached page is not a way around the limit (the fast path does not serve it).
      expect((await get('/search?q=x', {}, app)).statusCode).toBe(200);
      const refused = await get('/search?q=x', {}, app);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refused.body).toContain('访问过于频繁，请在 60 秒后重试。');
      expect((await get('/api/v1/public/items', {}, app)).statusCode).toBe(429);
      expect((await get('/xxgk/list', {}, app)).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/search?q=x', remoteAddress: '10.0.0.3' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
