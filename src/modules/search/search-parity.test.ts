import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable, POSTGRES_URL } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import type { SearchOptions, SearchResult } from './search-service.ts';
import { segmentForIndex } from './segmenter.ts';

const postgres = await isPostgresAvailable();

/** A small deterministic PRNG (mulberry32), so both databases get the very same catalogue. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['科技创新券', '高新技术企业认定', '科技特派员选派', '知识产权保护', '行政审批事项', '政府信息公开工作', '科技型中小企业评价', '农业科技推广', '专利资助', '实验室建设'];
const KINDS = ['通知', '实施方案', '管理办法', '工作报告', '公告', '意见'];
const SENTENCES = [
  '为深入实施创新驱动发展战略，推动科技创新，现就有关事项通知如下。',
  '各乡镇人民政府、县政府各部门要做好行政审批事项的公开工作。',
  '依申请公开的政府信息按照《中华人民共和国政府信息公开条例》办理。',
  '对认定的高新技术企业给予一次性奖励，所需资金由县财政承担。',
  '科技特派员应当深入基层开展技术服务，每年服务时间不少于60天。',
  '本办法自2024年1月1日起施行，有效期5年。',
  '知识产权质押融资贴息按实际支付利息的50%给予补助。',
  'COVID-19疫情期间，暂停现场受理，改为网上办理。',
  '联系人：王某某，电话：0571-12345678。',
  '行政事项的审批应当依法进行，不得擅自增设条件。',
];
const GENRES = ['notice', 'normative-document', 'other-document', 'work-news', 'plan'];
const TOPICS = ['t11-01', 't11-03', 't02-01', 't03-03', 't06-01'];

/** 60 public items (some sharing a 发布日期), two retracted, one repealed; returns the 索引号 of item 7. */
async function loadCatalogue(t: TestContext): Promise<string> {
  const next = random(20261129);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let seventh = '';
  for (let i = 0; i < 60; i++) {
    const year = 2022 + Math.floor(next() * 4);
    const on = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 4) * 7).padStart(2, '0')}`;
    const body = Array.from({ length: 2 + Math.floor(next() * 4) }, () => `<p>${pick(SENTENCES)}</p>`).join('');
    const item = await t.services.items.importItem(
      t.actors.admin,
      anItemInput({
        title: `关于${pick(SUBJECTS)}的${pick(KINDS)}`,
        writtenOn: on,
        documentNumber: next() < 0.5 ? `县科技发〔${year}〕${1 + Math.floor(next() * 30)}号` : null,
        summary: pick(SENTENCES),
        bodyHtml: body,
        genreCode: pick(GENRES),
        topicCode: pick(TOPICS),
      }),
      { publishedOn: on as LocalDate },
    ).catch((e) => {
      throw new Error(`item ${i}: ${JSON.stringify(e.fields)}`);
    });
    if (i === 7) seventh = item.indexNumber;
    if (i === 11 || i === 23) await t.services.items.apply(t.actors.officer, item.id, 'retract', { reason: '测试撤回' });
    if (i === 5) await t.services.items.setValidity(t.actors.officer, item.id, { validity: 'repealed', on: '2026-11-01' as LocalDate });
  }
  return seventh;
}

/** What must be equal on both engines: every hit (by 索引号, in order, with its markup), totals, facets, suggestions. */
function comparable(r: SearchResult) {
  return {
    total: r.total,
    hits: r.hits.map((h) => [h.indexNumber, h.titleHtml, h.snippetHtml, h.validity]),
    facets: { ...r.facets, organs: r.facets.organs.map((o) => [o.name, o.count]) },
    suggestions: r.suggestions,
  };
}

describe.runIf(postgres)('SQLite and PostgreSQL agree', () => {
  let sqlite: TestContext;
  let postgresql: TestContext;
  let indexNumber = '';

  beforeAll(async () => {
    [sqlite, postgresql] = await Promise.all([createTestContext('sqlite'), createTestContext('postgres')]);
    const [a, b] = await Promise.all([loadCatalogue(sqlite), loadCatalogue(postgresql)]);
    expect(a).toBe(b);
    indexNumber = a;
  }, 120_000);
  afterAll(async () => {
    await sqlite?.close();
    await postgresql?.close();
  });

  it('return the same items in the same order, with the same facets, for a fixed set of queries', async () => {
    const queries: Partial<SearchOptions>[] = [
      { q: '' },
      { q: '科技' },
      { q: '公开' },
      { q: '科技 公开' },
      { q: '"行政 审批"' },
      { q: '行政 审批' },
      { q: '“科技创新券”' },
      { q: '高新技术' },
      { q: '高新技术企业 奖励' },
      { q: '县科技发〔2024〕12号' },
      { q: '县科技发' },
      { q: indexNumber },
      { q: 'covid' },
      { q: '2024' },
      { q: '的' },
      { q: '通知', genreCode: 'notice' },
      { q: '科技', topicRootCode: 't11' },
      { q: '科技', topicRootCode: 't11', topicCode: 't11-03', validity: 'effective' },
      { q: '办法', year: 2024 },
      { q: '科技 火星' },
      { q: '专利 实验室 火星' },
      { q: '"科技 公开"' },
      { q: '科技', page: 2, pageSize: 7 },
    ];
    let nonEmpty = 0;
    for (const query of queries) {
      const options = { page: 1, pageSize: 100, ...query };
      const [a, b] = await Promise.all([sqlite.services.search.search(options), postgresql.services.search.search(options)]);
      expect(comparable(b), JSON.stringify(query)).toEqual(comparable(a));
      if (a.total > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(15);
  });

  it('tokenise every indexed word into exactly that one term (FTS5 unicode61 and to_tsvector simple)', async () => {
    const fts = new Database(':memory:');
    fts.exec(`create virtual table t using fts5(x, tokenize = 'unicode61 remove_diacritics 0'); create virtual table v using fts5vocab(t, 'row');`);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const chars = fc.constantFrom(...'科技公开县发〔〕号年月日 ，。、；：“”（）《》【】-_/.:@#*^"\'aZéßİǅ²½①Ⅻ２０ＡｂⅠ〇々ー𠀀😀\u0301\u200b\t'.split(''), ...Array.from('0123456789abcXYZ'));
      const texts = fc.oneof(fc.string({ unit: chars, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
      await fc.assert(
        fc.asyncProperty(texts, async (text) => {
          const tokens = [...new Set(segmentForIndex(text))];
          for (const token of tokens) {
            fts.exec('delete from t');
            fts.prepare('insert into t (x) values (?)').run(token);
            const terms = fts.prepare('select term from v').all() as { term: string }[];
            expect(terms.map((r) => r.term), token).toEqual([token]);
          }
          if (tokens.length === 0) return;
          const { rows } = await client.query<{ lexemes: string[] }>(`select array(select lexeme from unnest(to_tsvector('simple', $1))) as lexemes`, [tokens.join(' ')]);
          expect(rows[0]!.lexemes.sort(), text).toEqual([...tokens].sort());
        }),
        { numRuns: 300 },
      );
    } finally {
      await client.end();
      fts.close();
    }
  });
});
