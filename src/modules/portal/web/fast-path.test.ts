import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.tsx';
import { testDialects } from '../../../../test/support/test-database.ts';
import { createTestContext, type TestContext } from '../../../../test/support/test-services.ts';
import { DEFAULT_PORTAL_OPTIONS } from '../portal-options.ts';
import { aPublishedItem } from '../testing/portal-fixtures.ts';
import { publicPortal } from './portal-routes.tsx';

describe.each(await testDialects())('the render-cache fast path on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  /** Addresses the fast path answered, in order. */
  const fast: string[] = [];

  beforeAll(async () => {
    t = await createTestContext(dialect);
    const portal = publicPortal(t.services, { ...DEFAULT_PORTAL_OPTIONS, rateLimit: { requestsPerMinute: 6000, burst: 1000 } });
    app = await buildApp({
      auth: t.services.identity,
      routes: [portal.routes],
      fastPath: async (request, reply) => {
        const served = await portal.fastPath(request, reply);
        if (served) fast.push(request.url);
        return served;
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('answers a repeated request from the cache, byte for byte, without a cookie', async () => {
    await aPublishedItem(t, { title: '快速路径测试文件' });
    fast.length = 0;
    const first = await get('/xxgk/list?page=1');
    expect(fast).toEqual([]);
    const second = await get('/xxgk/list?page=1');
    expect(fast).toEqual(['/xxgk/list?page=1']);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.body).toContain('快速路径测试文件');
    for (const h of ['etag', 'last-modified', 'content-type', 'cache-control']) expect(second.headers[h], h).toBe(first.headers[h]);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.headers['x-gongkai-cached-surface']).toBeUndefined();
  });

  it('answers If-None-Match with 304 on the fast path too', async () => {
    const page = await get('/xxgk');
    fast.length = 0;
    const again = await get('/xxgk', { 'if-none-match': String(page.headers.etag) });
    expect(fast).toEqual(['/xxgk']);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('never serves a page older than the public version: a publication is shown on the very next request', async () => {
    await get('/feed.xml');
    await get('/feed.xml');
    fast.length = 0;
    await aPublishedItem(t, { title: '刚刚发布的新文件' });
    const fresh = await get('/feed.xml');
    expect(fast).toEqual([]);
    expect(fresh.body).toContain('刚刚发布的新文件');
    const cached = await get('/feed.xml');
    expect(fast).toEqual(['/feed.xml']);
    expect(cached.body).toBe(fresh.body);
  });

  it('keeps feeds apart by host, because their links are absolute', async () => {
    const a = await get('/feed.xml', { host: 'a.example.gov.cn' });
    await get('/feed.xml', { host: 'b.example.gov.cn' });
    fast.length = 0;
    const again = await get('/feed.xml', { host: 'a.example.gov.cn' });
    expect(fast).toEqual(['/feed.xml']);
    expect(again.body).toBe(a.body);
    expect(again.body).toContain('http://a.example.gov.cn/');
    expect(again.body).not.toContain('b.example.gov.cn');
  });

  it('leaves the open data API (CORS, rate limit), HEAD, POST and unknown addresses to the routes', async () => {
    await get('/api/v1/public/items');
    fast.length = 0;
    const api = await get('/api/v1/public/items');
    expect(api.statusCode).toBe(200);
    expect(api.headers['access-control-allow-origin']).toBe('*');
    await app.inject({ method: 'HEAD', url: '/xxgk' });
    await app.inject({ method: 'POST', url: '/xxgk' });
    await get('/xxgk/list?page=999');
    await get('/xxgk/list?page=999');
    expect(fast).toEqual([]);
  });
});
