import { describe, expect, it } from 'vitest';
import { RenderCache, renderedResponse } from './render-cache.ts';

const page = (text: string, status = 200) => async () => renderedResponse(text, 'text/html; charset=utf-8', '2026-11-27T02:00:00.000Z', status);
const big = (n: number) => 'x'.repeat(n);

describe('render cache', () => {
  it('serves an entry only at the public version it was rendered at', async () => {
    const cache = new RenderCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    expect((await cache.getOrRender('/a', 1, 0, page('v1'))).body.toString()).toBe('v1');
    expect((await cache.getOrRender('/a', 1, 10, page('not rendered'))).body.toString()).toBe('v1');
    expect((await cache.getOrRender('/a', 2, 20, page('v2'))).body.toString()).toBe('v2');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it('renders again once the entry is older than maxAge (data outside the public version)', async () => {
    const cache = new RenderCache({ maxBytes: 1_000_000, maxAgeMs: 1_000 });
    await cache.getOrRender('/a', 1, 0, page('first'));
    expect((await cache.getOrRender('/a', 1, 1_000, page('x'))).body.toString()).toBe('first');
    expect((await cache.getOrRender('/a', 1, 1_001, page('second'))).body.toString()).toBe('second');
  });

  it('keeps only 200 responses', async () => {
    const cache = new RenderCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    await cache.getOrRender('/gone', 1, 0, page('gone', 410));
    expect((await cache.getOrRender('/gone', 1, 0, page('back'))).body.toString()).toBe('back');
  });

  it('evicts the entries not hit since its last eviction pass, beyond its byte budget', async () => {
    const cache = new RenderCache({ maxBytes: 1_000, maxAgeMs: 60_000 });
    await cache.getOrRender('/a', 1, 0, page(big(240)));
    await cache.getOrRender('/b', 1, 0, page(big(240)));
    await cache.getOrRender('/a', 1, 0, page('unused'));
    for (const key of ['/c', '/d', '/e']) await cache.getOrRender(key, 1, 0, page(big(240)));
    expect(cache.stats()).toMatchObject({ entries: 4, bytes: 4 * 244 });
    expect((await cache.getOrRender('/a', 1, 0, page('unused'))).body.toString()).toBe(big(240));
    expect((await cache.getOrRender('/b', 1, 0, page('re-rendered'))).body.toString()).toBe('re-rendered');
  });

  it('does not keep anything when its budget is zero', async () => {
    const cache = new RenderCache({ maxBytes: 0, maxAgeMs: 60_000 });
    await cache.getOrRender('/a', 1, 0, page('one'));
    expect((await cache.getOrRender('/a', 1, 0, page('two'))).body.toString()).toBe('two');
  });

  it('shares one render between concurrent misses and forgets a failed one', async () => {
    const cache = new RenderCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    let renders = 0;
    const slow = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return renderedResponse('once', 'text/plain', undefined);
    };
    await Promise.all([cache.getOrRender('/a', 1, 0, slow), cache.getOrRender('/a', 1, 0, slow), cache.getOrRender('/a', 1, 0, slow)]);
    expect(renders).toBe(1);
    await expect(cache.getOrRender('/b', 1, 0, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await cache.getOrRender('/b', 1, 0, page('ok'))).body.toString()).toBe('ok');
  });

  it('never lets a render for an older version replace a newer entry', async () => {
    const cache = new RenderCache({ maxBytes: 1_000_000, maxAgeMs: 60_000 });
    let release!: () => void;
    const older = cache.getOrRender('/a', 1, 0, () => new Promise((r) => (release = () => r(renderedResponse('old', 'text/plain', undefined)))));
    await cache.getOrRender('/a', 2, 0, page('new'));
    release();
    await older;
    expect((await cache.getOrRender('/a', 2, 0, page('x'))).body.toString()).toBe('new');
  });

  it('derives a strong ETag from the bytes alone', () => {
    const a = renderedResponse('同样的内容', 'text/html', '2026-01-01T00:00:00Z');
    const b = renderedResponse(Buffer.from('同样的内容'), 'text/html', undefined);
    expect(a.etag).toBe(b.etag);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(renderedResponse('不同', 'text/html', undefined).etag).not.toBe(a.etag);
  });
});
