import { describe, expect, it } from 'vitest';
import { fts5Expression, tsqueryExpression } from './match-expression.ts';

const terms = [{ tokens: ['科技'] }, { tokens: ['行政', '审批'] }];

describe('match expressions', () => {
  it('quotes every token for FTS5 and ANDs the terms', () => {
    expect(fts5Expression(terms, 'all')).toBe('{title body} : ("科技" AND "行政 审批")');
    expect(fts5Expression(terms, 'title-all')).toBe('title : ("科技" AND "行政 审批")');
    expect(fts5Expression(terms, 'title-any')).toBe('title : ("科技" OR "行政 审批")');
  });

  it('quotes every token for tsquery and keeps phrases within the title (weight A) or the body (B)', () => {
    expect(tsqueryExpression(terms, 'all')).toBe(`'科技' & (('行政':A <-> '审批':A) | ('行政':B <-> '审批':B))`);
    // The title scopes are matched against the title's own tsvector.
    expect(tsqueryExpression(terms, 'title-all')).toBe(`'科技' & ('行政' <-> '审批')`);
    expect(tsqueryExpression(terms, 'title-any')).toBe(`'科技' | ('行政' <-> '审批')`);
  });

  it('refuses a token that is not letters and digits (a bug upstream, never user input)', () => {
    for (const bad of [`a'b`, 'a"b', 'a b', '', 'a*', 'a:b'])
      for (const build of [fts5Expression, tsqueryExpression]) expect(() => build([{ tokens: [bad] }], 'all')).toThrow();
    expect(() => fts5Expression([{ tokens: [] }], 'all')).toThrow();
  });
});
