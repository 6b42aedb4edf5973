import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPhraseMatcher } from './phrase-matcher.ts';

const naive = (patterns: readonly string[], text: string) =>
  patterns
    .flatMap((p, pattern) => {
      const found = [];
      if (p === '') return [];
      for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) found.push({ start: i, end: i + p.length, pattern });
      return found;
    })
    .sort((a, b) => a.end - b.end || a.pattern - b.pattern);

const sorted = <T extends { end: number; pattern: number }>(ms: T[]) => [...ms].sort((a, b) => a.end - b.end || a.pattern - b.pattern);

describe('buildPhraseMatcher', () => {
  it('reports overlapping and nested phrases', () => {
    const matcher = buildPhraseMatcher(['开展规划', '科技开展规划', '规划']);
    expect(sorted(matcher.scan('编制科技开展规划'))).toEqual([
      { start: 4, end: 8, pattern: 0 },
      { start: 2, end: 8, pattern: 1 },
      { start: 6, end: 8, pattern: 2 },
    ]);
  });

  it('counts offsets in UTF-16 code units, across astral characters', () => {
    const matcher = buildPhraseMatcher(['效劳', '𠮷祥']);
    expect(sorted(matcher.scan('😊走访𠮷祥公司效劳'))).toEqual([
      { start: 4, end: 7, pattern: 1 },
      { start: 9, end: 11, pattern: 0 },
    ]);
  });

  it('ignores empty patterns and finds nothing in empty text', () => {
    expect(buildPhraseMatcher(['', '的的']).scan('的的')).toEqual([{ start: 0, end: 2, pattern: 1 }]);
    expect(buildPhraseMatcher(['的的']).scan('')).toEqual([]);
  });

  it('finds exactly what a naive search finds', () => {
    const alphabet = fc.constantFrom('开', '展', '规', '划', '的', 'a', '𠮷');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.array(alphabet, { maxLength: 40 }), (patterns, chars) => {
        const text = chars.join('');
        expect(sorted(buildPhraseMatcher(patterns).scan(text))).toEqual(naive(patterns, text));
      }),
    );
  });
});
