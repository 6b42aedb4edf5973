import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { up as searchFacets } from '../../db/migrations/202612050001-search-facets.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import { facetExpression, facetOfWord, facetTokens } from './domain/facet-tokens.ts';
import { SearchService } from './search-service.ts';

describe('facet words', () => {
  const row = { topic_root_code: 't11', topic_code: 't11-01', genre_code: 'normative-document', organ_id: '01ABC', published_year: 2023, validity: 'effective' };

  it('are letters and digits only, one per facet, codes in hex', () => {
    const words = facetTokens(row);
    expect(words).toEqual(['xr743131', 'xt7431312d3031', 'xg6e6f726d61746976652d646f63756d656e74', 'xo3031414243', 'xy2023', 'xv656666656374697665']);
    expect(words.every((w) => /^[a-z0-9]+$/.test(w))).toBe(true);
  });

  it('read back to the filter and value they stand for, whatever the value, and nothing else does', () => {
    fc.assert(
      fc.property(fc.record({ topic_root_code: fc.string({ minLength: 1 }), topic_code: fc.string({ minLength: 1 }), genre_code: fc.string({ minLength: 1 }), organ_id: fc.string({ minLength: 1 }), published_year: fc.integer({ min: 1, max: 9999 }), validity: fc.string({ minLength: 1 }) }), (v) => {
        const back = facetTokens(v).map(facetOfWord);
        expect(back).toEqual([
          { filter: 'topicRootCode', value: v.topic_root_code },
          { filter: 'topicCode', value: v.topic_code },
          { filter: 'genreCode', value: v.genre_code },
          { filter: 'organId', value: v.organ_id },
          { filter: 'year', value: String(v.published_year) },
          { filter: 'validity', value: v.validity },
        ]);
      }),
    );
    for (const word of ['xy', 'xq2023', 'xyabc', 'xg6', 'xgzz', 'xgff', '科技', 'x']) expect(facetOfWord(word), word).toBeUndefined();
  });

  it('make an FTS5 condition of exactly the filters given', () => {
    expect(facetExpression({})).toBeUndefined();
    expect(facetExpression({ year: 2023, genreCode: 'normative-document' })).toBe('facets : ("xg6e6f726d61746976652d646f63756d656e74" AND "xy2023")');
  });
});

describe.each(await testDialects())('filtered search on %s', (dialect) => {
  let t: TestContext;
  /** Facets counted up to 3 matches. */
  let small: SearchService;
  const items: { id: string; year: number; genre: string; title: string }[] = [];

  beforeAll(async () => {
    t = await createTestContext(dialect);
    small = new SearchService(t.database.db, t.database.dialect, t.services.reference, undefined, 3);
    const plan: [string, string, string][] = [
      ['2024-03-01', 'notice', '茶叶种植通知甲'],
      ['2024-06-01', 'normative-document', '茶叶市场管理办法'],
      ['2025-02-01', 'notice', '茶叶种植通知乙'],
      ['2025-07-01', 'notice', '茶叶种植通知丙'],
      ['2025-08-01', 'normative-document', '茶叶品牌管理办法'],
      ['2026-01-05', 'notice', '茶叶种植通知丁'],
      ['2026-02-05', 'notice', '蔬菜种植通知'],
    ];
    for (const [on, genre, title] of plan) {
      const item = await t.services.items.importItem(t.actors.admin, anItemInput({ title, genreCode: genre, writtenOn: on, documentNumber: null, bodyHtml: '<p>正文。</p>' }), { publishedOn: on as LocalDate });
      items.push({ id: item.id, year: Number(on.slice(0, 4)), genre, title });
    }
  });
  afterAll(() => t.close());

  const ids = async (options: Parameters<SearchService['search']>[0]) => (await t.services.search.search({ pageSize: 50, ...options })).hits.map((h) => h.itemId).sort();
  const expected = (keep: (i: (typeof items)[number]) => boolean) => items.filter((i) => i.title.includes('茶叶') && keep(i)).map((i) => i.id).sort();

  it('finds exactly the matches that pass every filter, and counts them', async () => {
    for (const year of [2024, 2025, 2026])
      for (const genreCode of [undefined, 'notice', 'normative-document']) {
        const want = expected((i) => i.year === year && (genreCode === undefined || i.genre === genreCode));
        expect(await ids({ q: '茶叶', year, genreCode, page: 1 }), `${year} ${genreCode}`).toEqual(want);
        expect((await t.services.search.search({ q: '茶叶', year, genreCode, page: 1, pageSize: 1 })).total).toBe(want.length);
      }
  });

  it('never matches a typed word against the facet words', async () => {
    expect((await t.services.search.search({ q: 'xy2025', page: 1 })).total).toBe(0);
    expect((await t.services.search.search({ q: facetTokens({ topic_root_code: 'x', topic_code: 'x', genre_code: 'notice', organ_id: 'x', published_year: 2025, validity: 'effective' })[2]!, page: 1 })).total).toBe(0);
  });

  it('follows a 有效性 change of an indexed item', async () => {
    const changed = items.find((i) => i.title === '茶叶市场管理办法')!;
    expect(await ids({ q: '茶叶', validity: 'expired', page: 1 })).toEqual([]);
    await t.services.items.setValidity(t.actors.officer, changed.id, { validity: 'expired', on: '2026-01-01' as LocalDate });
    expect(await ids({ q: '茶叶', validity: 'expired', page: 1 })).toEqual([changed.id]);
    expect(await ids({ q: '茶叶', validity: 'effective', page: 1 })).not.toContain(changed.id);
    await t.services.items.setValidity(t.actors.officer, changed.id, { validity: 'effective' });
    expect(await ids({ q: '茶叶', validity: 'expired', page: 1 })).toEqual([]);
    expect(await ids({ q: '茶叶', validity: 'effective', page: 1 })).toContain(changed.id);
  });

  it('counts each facet without its own filter while those matches are few, else lists its values without counts', async () => {
    // 茶叶 in 2025: 3 matches (counted, limit 3); without the year filter 6 matches: the years facet is not counted.
    const result = await small.search({ q: '茶叶', year: 2025, page: 1, pageSize: 10 });
    expect(result.total).toBe(3);
    expect(result.facetsCounted).toBe(true);
    expect(result.facets.genres.map((g) => [g.value, g.count])).toEqual(expect.arrayContaining([['notice', 2], ['normative-document', 1]]));
    expect(result.facets.years.length).toBeGreaterThanOrEqual(3);
    expect(result.facets.years.every((y) => y.count === undefined)).toBe(true);
    // 茶叶 品牌 in 2025: 1 match; without the year also 1: every facet counted, the year over every year.
    const narrow = await small.search({ q: '茶叶 品牌', year: 2025, page: 1 });
    expect(narrow.facets.years).toEqual([{ value: '2025', name: '2025年', count: 1 }]);
    // The same with the limit high enough: the years facet counts every year's matches.
    const full = await t.services.search.search({ q: '茶叶', year: 2025, page: 1 });
    expect(full.facets.years.map((y) => [y.value, y.count])).toEqual([['2026', 1], ['2025', 3], ['2024', 2]]);
    expect(full.facets.genres.map((g) => [g.value, g.count])).toEqual(expect.arrayContaining([['notice', 2], ['normative-document', 1]]));
  });
});

/** Migration 202612050001 on an index made before it (no facet words). */
describe.each(await testDialects())('the facet words migration on %s', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    for (const [i, d] of ['2026-03-01', '2024-05-20', '2025-01-02'].entries())
      await t.services.items.importItem(t.actors.admin, anItemInput({ title: `茶叶文件${i}`, writtenOn: d, documentNumber: null, bodyHtml: '<p>正文。</p>' }), { publishedOn: d as LocalDate });
    const db = t.database.db;
    if (dialect === 'sqlite') {
      await sql`create virtual table item_search_old using fts5(item_id unindexed, title, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      await sql`insert into item_search_old (rowid, item_id, title, body) select rowid, item_id, title, body from item_search`.execute(db);
      await sql`drop table item_search`.execute(db);
      await sql`alter table item_search_old rename to item_search`.execute(db);
    } else {
      // Dropping the column drops the two-column GIN indexes too; the one-column ones come back.
      await sql`alter table item_search drop column facets`.execute(db);
      await sql`alter table item_search_keys drop column facets`.execute(db);
      await sql`create index item_search_tsv on item_search using gin (tsv)`.execute(db);
      await sql`create index item_search_keys_title on item_search_keys using gin (title_tsv)`.execute(db);
    }
  });
  afterAll(() => t.close());

  it('gives every entry the facet words the search module computes, under the same keys', async () => {
    const db = t.database.db;
    const docs = await db.selectFrom('item_search_docs').select(['doc_id', 'item_id']).orderBy('doc_id').execute();
    await searchFacets(db, dialect);
    const rows = await db.selectFrom('public_items').select(['item_id', 'topic_root_code', 'topic_code', 'genre_code', 'organ_id', 'published_year', 'validity']).execute();
    const expected = (itemId: string) => facetTokens(rows.find((p) => p.item_id === itemId)!).sort();
    if (dialect === 'sqlite') {
      const after = await sql<{ k: number; item_id: string; facets: string }>`select rowid as k, item_id, facets from item_search order by rowid`.execute(db);
      expect(after.rows.map((r) => [r.k, r.item_id])).toEqual(docs.map((d) => [Number(d.doc_id), d.item_id]));
      for (const r of after.rows) expect(r.facets.split(' ').sort()).toEqual(expected(r.item_id));
    } else
      for (const table of ['item_search', 'item_search_keys']) {
        const after = await sql<{ item_id: string; words: string[] }>`select item_id, tsvector_to_array(facets) as words from ${sql.table(table)}`.execute(db);
        expect(after.rows).toHaveLength(docs.length);
        for (const r of after.rows) expect([...r.words].sort(), table).toEqual(expected(r.item_id));
      }
    expect((await t.services.search.search({ q: '茶叶', year: 2024, page: 1 })).hits.map((h) => h.title)).toEqual(['茶叶文件1']);
    expect((await t.services.search.search({ q: '茶叶 文件', year: 2025, page: 1 })).hits.map((h) => h.title)).toEqual(['茶叶文件2']);
  });
});
