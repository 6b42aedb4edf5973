import type { FastifyInstance } from 'fastify';
import { request } from 'node:http';
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
  /** Addresses the fast path answered, in order: inside Fastify (`hook`) and on the server's own sockets (`raw`). */
  const fast: string[] = [];
  const raw: string[] = [];
  let base = '';

  beforeAll(async () => {
    t = await createTestContext(dialect);
    const portal = publicPortal(t.services, { ...DEFAULT_PORTAL_OPTIONS, rateLimit: { requestsPerMinute: 6000, burst: 1000 } });
    app = await buildApp({
      auth: t.services.identity,
      routes: [portal.routes],
      fastPath: {
        hook: async (request, reply) => {
          const served = await portal.fastPath.hook(request, reply);
          if (served) fast.push(request.url);
          return served;
        },
        raw: async (req, res) => {
          const served = await portal.fastPath.raw(req, res);
          if (served) raw.push(req.url!);
          return served;
        },
      },
    });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
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

  describe('on a real socket, before Fastify', () => {
    // node:http, not fetch: fetch does not send a Host header of its own choosing.
    const fetchPage = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
      new Promise<{ status: number; body: string; headers: Record<string, string | undefined> }>((resolve, reject) => {
        const req = request(`${base}${path}`, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers as Record<string, string | undefined> }));
        });
        req.on('error', reject);
        req.end();
      });

    it('answers a repeated request byte for byte with the headers of the routed answer, and 304 to its ETag', async () => {
      await aPublishedItem(t, { title: '套接字快速路径文件' });
      raw.length = 0;
      fast.length = 0;
      const first = await fetchPage('/xxgk/list?page=1');
      expect(raw).toEqual([]);
      const second = await fetchPage('/xxgk/list?page=1');
      expect(raw).toEqual(['/xxgk/list?page=1']);
      expect(fast).toEqual([]);
      expect(second.status).toBe(200);
      expect(second.body).toBe(first.body);
      expect(second.body).toContain('套接字快速路径文件');
      for (const h of ['etag', 'last-modified', 'content-type', 'cache-control', 'content-length']) expect(second.headers[h], h).toBe(first.headers[h]);
      expect(second.headers['set-cookie']).toBeUndefined();
      const again = await fetchPage('/xxgk/list?page=1', { 'if-none-match': first.headers.etag! });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect(raw).toHaveLength(2);
    });

    it('shows a publication on the very next request', async () => {
      await fetchPage('/feed.xml');
      await fetchPage('/feed.xml');
      await aPublishedItem(t, { title: '套接字上刚发布的文件' });
      raw.length = 0;
      const fresh = await fetchPage('/feed.xml');
      expect(raw).toEqual([]);
      expect(fresh.body).toContain('套接字上刚发布的文件');
      expect((await fetchPage('/feed.xml')).body).toBe(fresh.body);
      expect(raw).toEqual(['/feed.xml']);
    });

    it('leaves requests a proxy could re-address (X-Forwarded-Host or -Proto), other methods and other hosts alone', async () => {
      const a = await fetchPage('/feed.xml', { host: 'c.example.gov.cn' });
      raw.length = 0;
      const forwarded = await fetchPage('/feed.xml', { host: 'c.example.gov.cn', 'x-forwarded-host': 'd.example.gov.cn' });
      await fetchPage('/feed.xml', { host: 'c.example.gov.cn', 'x-forwarded-proto': 'https' });
      await fetchPage('/feed.xml', { host: 'c.example.gov.cn' }, 'HEAD');
      const other = await fetchPage('/feed.xml', { host: 'e.example.gov.cn' });
      expect(raw).toEqual([]);
      // Without trustProxy Fastify ignores X-Forwarded-*: the routes answer the same page for that Host.
      expect(forwarded.body).toBe(a.body);
      expect(other.body).toContain('http://e.example.gov.cn/');
      expect(other.body).not.toContain('c.example.gov.cn');
      expect((await fetchPage('/feed.xml', { host: 'c.example.gov.cn' })).body).toBe(a.body);
      expect(raw).toEqual(['/feed.xml']);
    });
  });
});
