import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/database.ts';
import { createTestDatabase, isPostgresAvailable, testDialects, type TestDatabase } from '../../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../../test/support/test-services.ts';
import { aPublishedItem } from '../testing/portal-fixtures.ts';
import { buildGongkaiApp } from '../../../web-app.ts';

process.env.PUBLIC_API_RATE_LIMIT = '0';

/** Every cached surface an item can appear on. */
const SURFACES = ['/', '/xxgk', '/xxgk/list', '/xxgk/list?genre=normative-document', '/xxgk/topics/t11', '/feed.xml', '/feeds/columns/policy.xml', '/sitemap.xml', '/api/v1/public/items', '/search?genre=normative-document'];

async function fetchAll(app: FastifyInstance, itemId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const url of [...SURFACES, `/xxgk/content/${itemId}`]) {
    const res = await app.inject({ method: 'GET', url });
    out[url] = `${res.statusCode} ${res.body}`;
  }
  return out;
}

function expectOnEverySurface(pages: Record<string, string>, item: { id: string; title: string }, present: boolean): void {
  for (const [url, page] of Object.entries(pages)) {
    // The detail page is checked by status; the 专栏 home shows counts, not titles; the sitemap has URLs only.
    if (url.startsWith('/xxgk/content/') || url === '/xxgk') continue;
    if (present) expect(page, url).toContain(url === '/sitemap.xml' ? item.id : item.title);
    else for (const text of [item.id, item.title]) expect(page, url).not.toContain(text);
  }
}

/** Publish, 有效性 change and 撤回 as seen through `reader` right after `writer` made them. */
async function publishRepealRetract(writer: TestContext, reader: FastifyInstance, title: string): Promise<void> {
  const publicCount = (pages: Record<string, string>) => Number(/共有主动公开信息 (\d+) 条/.exec(pages['/xxgk']!)?.[1]);
  const before = publicCount(await fetchAll(reader, 'none'));
  const item = await aPublishedItem(writer, { title, genreCode: 'normative-document' });
  let pages = await fetchAll(reader, item.id);
  expectOnEverySurface(pages, { id: item.id, title }, true);
  expect(publicCount(pages)).toBe(before + 1);
  expect(pages[`/xxgk/content/${item.id}`]).toMatch(/^200 /);
  expect(pages[`/xxgk/content/${item.id}`]).not.toContain('validity-banner');

  await writer.services.items.setValidity(writer.actors.officer, item.id, { validity: 'repealed', on: '2026-11-27' as never });
  pages = await fetchAll(reader, item.id);
  expect(pages[`/xxgk/content/${item.id}`]).toContain('本文件已废止');
  expect(pages['/xxgk/list']).toContain('已废止</span>');
  expect(pages['/api/v1/public/items']).toContain('"validity":"repealed"');
  expect(pages['/feed.xml']).toContain(`【已废止】`);
  expect(pages['/search?genre=normative-document']).toContain('已废止</span>');

  await writer.services.items.apply(writer.actors.officer, item.id, 'retract', { reason: '发布有误' });
  pages = await fetchAll(reader, item.id);
  expectOnEverySurface(pages, { id: item.id, title }, false);
  expect(publicCount(pages)).toBe(before);
  expect(pages[`/xxgk/content/${item.id}`]).toMatch(/^404 /);
}

describe.each(await testDialects())('render cache freshness on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildGongkaiApp(t.services);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('serves cached pages until the public version moves, and only then', async () => {
    const item = await aPublishedItem(t, { title: '缓存中的原标题' });
    expect((await app.inject({ method: 'GET', url: '/xxgk/list' })).body).toContain('缓存中的原标题');
    // A write that bypasses the projection's version is invisible: the page really comes from the cache.
    await t.database.db.updateTable('public_items').set({ title: '绕过版本号的改动' }).where('item_id', '=', item.id).execute();
    expect((await app.inject({ method: 'GET', url: '/xxgk/list' })).body).toContain('缓存中的原标题');
    await t.database.db.transaction().execute((trx) => t.services.publicProjection.update(trx, [item.id]));
    expect((await app.inject({ method: 'GET', url: '/xxgk/list' })).body).toContain('缓存中的原标题');
    await t.database.db.updateTable('public_items').set({ title: '绕过版本号的改动' }).where('item_id', '=', item.id).execute();
    await t.database.db.transaction().execute((trx) => t.services.publicProjection.update(trx, []));
    expect((await app.inject({ method: 'GET', url: '/xxgk/list' })).body).toContain('绕过版本号的改动');
  });

  it('never serves a stale page after publish, 有效性 change or 撤回', async () => {
    await publishRepealRetract(t, app, '单实例缓存测试文件');
  });

  it('keeps serving the published edition while a revision is edited', async () => {
    const item = await aPublishedItem(t, { title: '已发布的版本' });
    await app.inject({ method: 'GET', url: `/xxgk/content/${item.id}` });
    const reopened = await t.services.items.apply(t.actors.officer, item.id, 'revise');
    await t.services.items.update(t.actors.officer, item.id, reopened.version, anItemInput({ title: '修订中的标题' }));
    const pages = await fetchAll(app, item.id);
    expectOnEverySurface(pages, { id: 'unused-id', title: '修订中的标题' }, false);
    expect(pages[`/xxgk/content/${item.id}`]).toContain('已发布的版本');
  });
});

describe.runIf(await isPostgresAvailable())('render cache across two instances on one PostgreSQL', () => {
  let shared: TestDatabase;
  let a: TestContext;
  let b: TestContext;
  let appA: FastifyInstance;
  let appB: FastifyInstance;

  beforeAll(async () => {
    shared = await createTestDatabase('postgres');
    a = await createTestContext('postgres', { database: shared, instanceId: 'instance-a' });
    const second = openDatabase(shared.url);
    b = await createTestContext('postgres', { database: { ...second, url: shared.url, drop: () => second.destroy() }, instanceId: 'instance-b' });
    appA = await buildGongkaiApp(a.services);
    appB = await buildGongkaiApp(b.services);
  });
  afterAll(async () => {
    await appA.close();
    await appB.close();
    await b.close();
    await a.close();
  });

  it('shows a change made on instance A at once on instance B', async () => {
    await publishRepealRetract(a, appB, '甲实例发布的文件');
  });

  it('shows a change made on instance B at once on instance A', async () => {
    await publishRepealRetract(b, appA, '乙实例发布的文件');
  });

  it('keeps both instances answering from their own caches between changes', async () => {
    const item = await aPublishedItem(a, { title: '两个实例都缓存的文件' });
    for (const app of [appA, appB]) {
      expect((await app.inject({ method: 'GET', url: `/xxgk/content/${item.id}` })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/xxgk/list' })).body).toContain('两个实例都缓存的文件');
    }
    await a.database.db.updateTable('public_items').set({ title: '不经版本号的改动' }).where('item_id', '=', item.id).execute();
    for (const app of [appA, appB]) expect((await app.inject({ method: 'GET', url: '/xxgk/list' })).body).not.toContain('不经版本号的改动');
    await b.services.items.apply(b.actors.officer, item.id, 'retract', { reason: '撤回' });
    for (const app of [appA, appB]) expect((await app.inject({ method: 'GET', url: `/xxgk/content/${item.id}` })).statusCode).toBe(404);
  });
});
