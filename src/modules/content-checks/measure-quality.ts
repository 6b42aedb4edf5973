/**
 * `gongkai check-quality`: runs the checker over the labelled corpus in test/corpus and prints precision and
 * recall overall and per rule category (issue 6: both must stay at or above 0.9).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_CATEGORIES } from './domain/finding.ts';
import { measure, type CategoryQuality, type LabelledDocument, type QualityReport } from './domain/quality.ts';
import { DEFAULT_RULE_SET, type RuleSet } from './domain/rule-set.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../../test/corpus/', import.meta.url));

/** Every document of every `*.json` file in `dir` (each file holds an array of labelled documents). */
export function loadLabelledCorpus(dir: string = CORPUS_DIR): LabelledDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const docs: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      if (!Array.isArray(docs)) throw new TypeError(`${name}: expected an array of labelled documents`);
      return docs as LabelledDocument[];
    });
}

function row(name: string, q: CategoryQuality): string {
  const counts = [q.truePositives, q.falsePositives, q.falseNegatives].map((n) => String(n).padStart(5));
  return [name.padEnd(20), q.precision.toFixed(3).padStart(9), q.recall.toFixed(3).padStart(7), ...counts].join(' ');
}

export function formatQualityReport(report: QualityReport): string {
  const lines = [
    `labelled corpus: ${report.documents} documents, ${report.labels} labelled errors`,
    `${'rule category'.padEnd(20)} precision  recall    TP    FP    FN`,
    ...RULE_CATEGORIES.map((c) => row(c, report.perRule[c])),
    row('overall', report),
  ];
  if (report.misses.length > 0) {
    lines.push('', 'missed (false negatives):');
    for (const m of report.misses) lines.push(`  ${m.documentId} ${m.label.category} “${m.text}” @${m.label.start}`);
  }
  if (report.falseAlarms.length > 0) {
    lines.push('', 'false alarms (false positives):');
    for (const { documentId, finding: f } of report.falseAlarms) lines.push(`  ${documentId} ${f.rule} “${f.text}” @${f.start}`);
  }
  return lines.join('\n');
}

export function runQualityReport(ruleSet: RuleSet = DEFAULT_RULE_SET, dir: string = CORPUS_DIR): string {
  return formatQualityReport(measure(loadLabelledCorpus(dir), ruleSet));
}
