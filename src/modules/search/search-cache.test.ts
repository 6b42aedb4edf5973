import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';

/** Cached search results stay exact: any public change bumps the public version the cache is keyed on. */
describe('search result cache', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('sqlite');
  });
  afterAll(() => t.close());

  const publish = async (title: string) => {
    const { items } = t.services;
    const d = await items.create(t.actors.editor, anItemInput({ title, documentNumber: null }));
    await items.apply(t.actors.editor, d.id, 'submit');
    await items.apply(t.actors.leader, d.id, 'approve', { note: '同意' });
    return items.apply(t.actors.officer, d.id, 'publish');
  };

  it('serves a repeated search from the cache and never a stale one after publish or retract', async () => {
    const first = await publish('关于科技创新券兑付的公告');
    const a = await t.services.search.cachedSearch({ q: '创新券', page: 1 });
    expect(a.total).toBe(1);
    expect(await t.services.search.cachedSearch({ q: '创新券', page: 1 })).toBe(a);
    await publish('科技创新券第二批兑付名单');
    expect((await t.services.search.cachedSearch({ q: '创新券', page: 1 })).total).toBe(2);
    await t.services.items.apply(t.actors.officer, first.id, 'retract', { reason: '撤回' });
    const after = await t.services.search.cachedSearch({ q: '创新券', page: 1 });
    expect(after.hits.map((h) => h.title)).toEqual(['科技创新券第二批兑付名单']);
  });

  it('runs a search once for requests that arrive while it runs, and forgets a search that failed', async () => {
    await publish('茶叶产业发展资金公示');
    const search = vi.spyOn(t.services.search, 'search');
    try {
      const results = await Promise.all(Array.from({ length: 8 }, () => t.services.search.cachedSearch({ q: '茶叶产业', page: 1 })));
      expect(search).toHaveBeenCalledTimes(1);
      expect(new Set(results).size).toBe(1);
      expect(results[0]!.total).toBe(1);
      search.mockRejectedValueOnce(new Error('canceling statement due to user request'));
      await expect(t.services.search.cachedSearch({ q: '产业发展', page: 1 })).rejects.toThrow('canceling');
      expect((await t.services.search.cachedSearch({ q: '产业发展', page: 1 })).total).toBe(1);
      expect(search).toHaveBeenCalledTimes(3);
    } finally {
      search.mockRestore();
    }
  });
});
