import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import { SearchService } from './search-service.ts';
import { rankedMatches } from './sql/ranked-matches.ts';

describe.each(await testDialects())('search pages read off the index in ranking order on %s', (dialect) => {
  let t: TestContext;
  /** The same index, with facets counted only up to 3 matches. */
  let small: SearchService;

  const published = (publishedOn: string, title: string, body: string) =>
    t.services.items.importItem(t.actors.admin, anItemInput({ title, writtenOn: publishedOn, documentNumber: null, summary: '摘要。', bodyHtml: `<p>${body}</p>` }), { publishedOn: publishedOn as LocalDate });

  beforeAll(async () => {
    t = await createTestContext(dialect);
    small = new SearchService(t.database.db, t.database.dialect, t.services.reference, undefined, 3);
    // Imported out of date order: the order of the results must come from 发布日期, not from import order.
    await published('2025-05-01', '关于茶叶产业扶持的通知', '正文。');
    await published('2026-02-01', '乡村振兴工作要点', '其中包括茶叶种植技术推广。');
    await published('2026-03-01', '关于茶叶品牌建设的意见', '正文。');
    await published('2024-01-10', '农业技术服务年度总结', '茶叶病虫害防治。');
    await published('2026-03-01', '关于茶叶质量抽检的通报', '正文。');
    await published('2025-12-31', '科技特派员工作简报', '走访茶叶合作社。');
  });
  afterAll(() => t.close());

  const page = (service: SearchService, q: string, n: number, pageSize = 2) => service.search({ q, page: n, pageSize });

  it('puts title matches first and each tier newest first, page after page across the tier boundary', async () => {
    const all = [];
    for (let n = 1; n <= 4; n++) {
      const result = await page(t.services.search, '茶叶', n);
      expect(result.total).toBe(6);
      all.push(...result.hits.map((h) => `${h.publishedOn} ${h.title}`));
    }
    expect(all.slice(0, 3).map((s) => s.slice(0, 10)).sort().reverse()).toEqual(['2026-03-01', '2026-03-01', '2025-05-01']);
    expect(all.slice(0, 3).every((s) => s.includes('茶叶'))).toBe(true);
    expect(all.slice(3)).toEqual(['2026-02-01 乡村振兴工作要点', '2025-12-31 科技特派员工作简报', '2024-01-10 农业技术服务年度总结']);
  });

  it('gives the same page whether read alone or as part of a bigger page', async () => {
    const big = (await page(t.services.search, '茶叶', 1, 6)).hits.map((h) => h.itemId);
    const pieces = [];
    for (let n = 1; n <= 3; n++) pieces.push(...(await page(t.services.search, '茶叶', n, 2)).hits.map((h) => h.itemId));
    expect(pieces).toEqual(big);
  });

  it('counts facets for small results and lists the values without counts for large ones', async () => {
    const narrow = await page(small, '茶叶 品牌', 1);
    expect(narrow.total).toBe(1);
    expect(narrow.facetsCounted).toBe(true);
    expect(narrow.facets.years).toEqual([{ value: '2026', name: '2026年', count: 1 }]);

    // 3 title matches, then the body-only tier is counted only to the 4th match (facet limit 3 + 1).
    const wide = await page(small, '茶叶', 1);
    expect(wide.total).toBe(4);
    expect(wide.totalIsExact).toBe(false);
    expect(wide.facetsCounted).toBe(false);
    expect(wide.hits).toHaveLength(2);
    expect(wide.facets.years.map((y) => y.value)).toEqual(['2026', '2025', '2024']);
    expect(wide.facets.years.every((y) => y.count === undefined)).toBe(true);
    expect(wide.facets.organs.length).toBeGreaterThan(0);
    expect(wide.facets.genres.length).toBeGreaterThan(3);
  });

  it('stops counting past the page and the facet limit, saying the total is a lower bound, and counts on when paged further', async () => {
    const tight = new SearchService(t.database.db, t.database.dialect, t.services.reference, undefined, 1);
    const first = await page(tight, '茶叶', 1);
    expect(first.totalIsExact).toBe(false);
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.total).toBeLessThanOrEqual(6);
    expect(first.facetsCounted).toBe(false);
    expect(first.hits.map((h) => h.itemId)).toEqual((await page(t.services.search, '茶叶', 1)).hits.map((h) => h.itemId));
    const last = await page(tight, '茶叶', 3);
    expect(last.totalIsExact).toBe(true);
    expect(last.total).toBe(6);
    expect(last.hits.map((h) => h.title)).toEqual(['科技特派员工作简报', '农业技术服务年度总结']);
  });

  it('ranks and pages a result read whole exactly as one read tier by tier', async () => {
    // Facet limit 1: every result of two or more matches is read tier by tier; the default reads these whole.
    const tierByTier = new SearchService(t.database.db, t.database.dialect, t.services.reference, undefined, 1);
    for (const q of ['茶叶', '茶叶 通知', '关于 茶叶', '工作', '茶叶 2026'])
      for (const pageSize of [1, 2, 4])
        for (let n = 1; n <= 7; n++) {
          const whole = await page(t.services.search, q, n, pageSize);
          const tiered = await page(tierByTier, q, n, pageSize);
          expect(whole.facetsCounted, q).toBe(true);
          expect(tiered.hits.map((h) => h.itemId), `${q} page ${n} of ${pageSize}`).toEqual(whole.hits.map((h) => h.itemId));
          if (tiered.totalIsExact) expect(tiered.total).toBe(whole.total);
        }
  });

  it('pages the body-only tier the same whether the newest entries hold the page or it has to collect every match', async () => {
    // Newer items without the word: looking only through the newest entries finds too few (PostgreSQL then collects).
    for (let i = 0; i < 6; i++) await published(`2026-06-0${i + 1}`, `农机购置补贴公示${i}`, '补贴名单。');
    const tight = new SearchService(t.database.db, t.database.dialect, t.services.reference, undefined, 1);
    const bodyOnly = async () => {
      const titles = [];
      for (let n = 2; n <= 3; n++) titles.push(...(await page(tight, '茶叶', n)).hits.map((h) => h.title));
      return titles;
    };
    const expected = ['关于茶叶产业扶持的通知', '乡村振兴工作要点', '科技特派员工作简报', '农业技术服务年度总结'];
    const { walkWindow } = rankedMatches;
    try {
      // Page 2 takes one row of the body-only tier, counted to its share of the cap: 500 entries hold it; the 4 newest are 农机 items.
      for (const window of [500, 4]) {
        rankedMatches.walkWindow = window;
        expect(await bodyOnly()).toEqual(expected);
        expect((await page(tight, '茶叶', 2)).hits.map((h) => h.title)).toEqual(['关于茶叶产业扶持的通知', '乡村振兴工作要点']);
      }
    } finally {
      rankedMatches.walkWindow = walkWindow;
    }
  });
});
