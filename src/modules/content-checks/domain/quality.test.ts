import { describe, expect, it } from 'vitest';
import { measure, resolveLabels, type LabelledDocument } from './quality.ts';
import { DEFAULT_RULE_SET } from './rule-set.ts';

const doc = (id: string, text: string, errors: LabelledDocument['errors'], context?: LabelledDocument['context']): LabelledDocument =>
  context ? { id, kind: '测试', text, errors, context } : { id, kind: '测试', text, errors };

describe('resolveLabels', () => {
  it('turns substrings, occurrences and offsets into spans', () => {
    const d = doc('a', '效劳和效劳,效劳', [
      { text: '效劳', occurrence: 2, category: 'conversion' },
      { text: ',', occurrence: 'all', category: 'punctuation-width' },
      { start: 0, end: 2, category: 'conversion' },
    ]);
    expect(resolveLabels(d)).toEqual([
      { start: 3, end: 5, category: 'conversion' },
      { start: 5, end: 6, category: 'punctuation-width' },
      { start: 0, end: 2, category: 'conversion' },
    ]);
  });

  it('refuses a label that is not in the text', () => {
    expect(() => resolveLabels(doc('b', '效劳', [{ text: '效劳', occurrence: 2, category: 'conversion' }]))).toThrow(/b:/);
    expect(() => resolveLabels(doc('c', '效劳', [{ text: '服务', category: 'conversion' }]))).toThrow(/c:/);
  });
});

describe('measure', () => {
  it('counts a finding as true when it overlaps a label of its category', () => {
    const report = measure(
      [
        doc('hit', '加强管理效劳公开', [{ text: '管理效劳', category: 'conversion' }]),
        doc('wrong-category', '加强管理效劳公开', [{ text: '效劳', category: 'typo' }]),
        doc('miss', '产业开展深度融合', [{ text: '产业开展', category: 'conversion' }]),
        doc('clean', '积极开展政务公开', []),
      ],
      DEFAULT_RULE_SET,
    );
    expect([report.truePositives, report.falsePositives, report.falseNegatives]).toEqual([1, 1, 2]);
    expect(report.precision).toBe(0.5);
    expect(report.recall).toBeCloseTo(1 / 3);
    expect(report.perRule.conversion).toEqual({ precision: 0.5, recall: 0.5, truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    expect(report.perRule.typo).toEqual({ precision: 1, recall: 0, truePositives: 0, falsePositives: 0, falseNegatives: 1 });
    expect(report.misses.map((m) => [m.documentId, m.text])).toEqual([['wrong-category', '效劳'], ['miss', '产业开展']]);
    expect(report.falseAlarms.map((f) => [f.documentId, f.finding.text])).toEqual([['wrong-category', '效劳']]);
  });

  it('lets each label absorb one finding, so a double report costs precision', () => {
    const report = measure([doc('twice', '的的的的', [{ text: '的的的的', category: 'repetition' }])], DEFAULT_RULE_SET);
    expect([report.truePositives, report.falsePositives, report.falseNegatives]).toEqual([1, 1, 0]);
  });

  it('passes the document’s dates and matches a finding with no place in the text', () => {
    const d = doc('dates', '正文', [{ start: 0, end: 0, category: 'date' }], { writtenOn: '2023-05-10', publishedOn: '2023-05-08' });
    expect(measure([d], DEFAULT_RULE_SET).truePositives).toBe(1);
    expect(() => measure([{ ...d, context: { writtenOn: '2023-02-30' } }], DEFAULT_RULE_SET)).toThrow(/not a date/);
  });

  it('scores an empty corpus as perfect rather than dividing by zero', () => {
    expect([measure([], DEFAULT_RULE_SET).precision, measure([], DEFAULT_RULE_SET).recall]).toEqual([1, 1]);
  });
});
