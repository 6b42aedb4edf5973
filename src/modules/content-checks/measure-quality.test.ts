/** Issue 6 "Quality is measured": precision and recall on the labelled corpus stay at or above 0.9. */
import { describe, expect, it } from 'vitest';
import { RULE_CATEGORIES } from './domain/finding.ts';
import { measure, resolveLabels } from './domain/quality.ts';
import { DEFAULT_RULE_SET } from './domain/rule-set.ts';
import { loadLabelledCorpus, runQualityReport } from './measure-quality.ts';

const corpus = loadLabelledCorpus();

describe('the labelled corpus (test/corpus)', () => {
  it('holds at least 60 documents with unique ids, clean ones among them, every label found in its text', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((d) => d.id)).size).toBe(corpus.length);
    expect(corpus.filter((d) => d.errors.length === 0).length).toBeGreaterThanOrEqual(20);
    for (const doc of corpus) {
      for (const label of resolveLabels(doc)) expect(RULE_CATEGORIES).toContain(label.category);
    }
  });

  it('is checked with precision ≥ 0.9 and recall ≥ 0.9', () => {
    const report = measure(corpus, DEFAULT_RULE_SET);
    expect(report.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps ≥ 0.9 without the half-width punctuation labels, which are most of the labels', () => {
    const { perRule } = measure(corpus, DEFAULT_RULE_SET);
    const rest = RULE_CATEGORIES.filter((c) => c !== 'punctuation-width').map((c) => perRule[c]);
    const tp = rest.reduce((n, q) => n + q.truePositives, 0);
    expect(tp / (tp + rest.reduce((n, q) => n + q.falsePositives, 0))).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + rest.reduce((n, q) => n + q.falseNegatives, 0))).toBeGreaterThanOrEqual(0.9);
  });

  it('prints precision and recall per rule category and overall', () => {
    const report = runQualityReport();
    expect(report).toMatch(/^labelled corpus: \d+ documents, \d+ labelled errors/);
    for (const category of [...RULE_CATEGORIES, 'overall']) expect(report).toMatch(new RegExp(`^${category}\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}`, 'm'));
  });
});
