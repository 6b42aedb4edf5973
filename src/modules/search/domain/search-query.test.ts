import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentQuery } from '../segmenter.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, parseQuery, termsText, TOKEN } from './search-query.ts';

const terms = (q: string) => parseQuery(q, segmentQuery).terms.map((t) => t.tokens.join(' '));

describe('parseQuery', () => {
  it('cuts unquoted text into words that must all match', () => {
    expect(terms('科技 公开')).toEqual(['科技', '公开']);
    expect(terms('科技创新券申报')).toEqual(['科技创新券', '申报']);
  });

  it('reads quoted text, in any quotation marks, as one phrase written together', () => {
    expect(terms('"行政 审批" 公开')).toEqual(['行政审批', '公开']);
    expect(terms('“科技 项目”')).toEqual(['科技 项目']);
    expect(terms('「创新券」')).toEqual(['创新 券']);
    expect(terms('"covid 19"')).toEqual(['covid 19']);
    // An unmatched quote quotes nothing.
    expect(terms('科技 "公开')).toEqual(['科技', '公开']);
  });

  it('reads a 发文字号 as its 机关代字 and the phrase "year serial", in any brackets', () => {
    for (const q of ['县科技发〔2023〕12号', '县科技发[2023]12号', '县科技发（2023）12号', '县科技发【2023】12号', '县科技发〔２０２３〕１２号'])
      expect(terms(q), q).toEqual(['县科技发', '2023 12']);
  });

  it('reads a 索引号 as the phrase of its parts', () => {
    expect(terms('11331023002657129U/2026-00012')).toEqual(['11331023002657129u 2026 00012']);
  });

  it('drops query syntax: operators, wildcards, column filters, SQL', () => {
    expect(terms('NEAR(科技 AND 公开) OR title:* ^')).toEqual(['科技', '公开', 'title']);
    expect(terms("' OR 1=1; DROP TABLE items; --")).toEqual(['1', 'drop', 'table', 'items']);
    expect(terms('!!! ？？ ……')).toEqual([]);
  });

  it('caps the input and the number of terms', () => {
    const long = parseQuery('科'.repeat(1000), segmentQuery);
    expect(Array.from(long.text)).toHaveLength(MAX_QUERY_CHARS);
    expect(parseQuery(Array.from({ length: 30 }, (_, i) => `词${i}`).join(' '), segmentQuery).terms).toHaveLength(MAX_TERMS);
  });

  it('writes terms back as a query that reads the same', () => {
    const parsed = parseQuery('"行政 审批" 科技 "covid 19"', segmentQuery);
    expect(termsText(parsed.terms)).toBe('行政审批 科技 "covid 19"');
    expect(parseQuery(termsText(parsed.terms), segmentQuery).terms).toEqual(parsed.terms);
  });

  it('only ever yields letter-and-digit tokens, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', '“', '*', ':', '(', ')', 'N', 'E', 'A', 'R', ' ', '科', '技', '〔', '2', '号', '/', '-') })), (q) => {
        const parsed = parseQuery(q, segmentQuery);
        expect(parsed.terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const t of parsed.terms) for (const token of t.tokens) expect(token).toMatch(TOKEN);
      }),
      { numRuns: 500 },
    );
  });
});
