/**
 * Quality is measured (issue 6): the checker runs over a labelled corpus and is scored by precision (how many
 * findings are real errors) and recall (how many real errors are found). A finding matches a label when their
 * spans overlap and the category is the same; each label absorbs at most one finding, so reporting one error
 * twice costs precision.
 */
import { parseLocalDate } from '../../../kernel/local-date.ts';
import { checkText } from './check-text.ts';
import { RULE_CATEGORIES, type CheckContext, type Finding, type RuleCategory } from './finding.ts';
import type { RuleSet } from './rule-set.ts';

/** An expected error: the erroneous substring and which occurrence (1-based, or every one), or explicit offsets. */
export type Label =
  | { text: string; occurrence?: number | 'all'; category: RuleCategory; note?: string }
  | { start: number; end: number; category: RuleCategory; note?: string };

/** One corpus document: a text and every error a proof-reader would correct in it. */
export interface LabelledDocument {
  id: string;
  /** 通知, 方案, 动态… and where the text comes from. */
  kind: string;
  source?: string;
  text: string;
  context?: { writtenOn?: string; publishedOn?: string };
  /** Every error in the text; an empty list marks a clean text (true negatives). */
  errors: Label[];
}

/** A label resolved to UTF-16 offsets. */
export interface LabelSpan {
  start: number;
  end: number;
  category: RuleCategory;
}

/** Precision, recall and their counts, for one category or overall. */
export interface CategoryQuality {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Overall figures, figures per category, and every miss and false alarm. */
export interface QualityReport extends CategoryQuality {
  documents: number;
  labels: number;
  perRule: Record<RuleCategory, CategoryQuality>;
  falseAlarms: Array<{ documentId: string; finding: Finding }>;
  misses: Array<{ documentId: string; label: LabelSpan; text: string }>;
}

/** The spans a document's labels stand for; throws when a label does not occur in the text (a corpus error). */
export function resolveLabels(doc: LabelledDocument): LabelSpan[] {
  return doc.errors.flatMap((label): LabelSpan[] => {
    if ('start' in label) {
      if (label.start < 0 || label.end > doc.text.length || label.start > label.end) {
        throw new RangeError(`${doc.id}: label ${label.start}-${label.end} outside the text`);
      }
      return [{ start: label.start, end: label.end, category: label.category }];
    }
    const starts = occurrencesOf(doc.text, label.text);
    const wanted = label.occurrence === 'all' ? starts : [starts[(label.occurrence ?? 1) - 1]];
    if (starts.length === 0 || wanted.some((s) => s === undefined)) {
      throw new RangeError(`${doc.id}: “${label.text}” occurrence ${label.occurrence ?? 1} not in the text`);
    }
    return wanted.map((start) => ({ start: start!, end: start! + label.text.length, category: label.category }));
  });
}

function occurrencesOf(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) starts.push(i);
  return starts;
}

function contextOf(doc: LabelledDocument): CheckContext {
  const context: CheckContext = {};
  for (const key of ['writtenOn', 'publishedOn'] as const) {
    const value = doc.context?.[key];
    if (value === undefined) continue;
    const date = parseLocalDate(value);
    if (!date) throw new RangeError(`${doc.id}: context.${key} is not a date: ${value}`);
    context[key] = date;
  }
  return context;
}

/** A zero-width span (a date problem with no place in the text) matches a span that contains its point. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function quality(tp: number, fp: number, fn: number): CategoryQuality {
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

/** Runs `ruleSet` over `corpus` and scores the findings against the labels. */
export function measure(corpus: readonly LabelledDocument[], ruleSet: RuleSet): QualityReport {
  const counts = new Map(RULE_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const falseAlarms: QualityReport['falseAlarms'] = [];
  const misses: QualityReport['misses'] = [];
  let labels = 0;
  for (const doc of corpus) {
    const spans = resolveLabels(doc);
    labels += spans.length;
    const matched = new Set<number>();
    for (const f of checkText(doc.text, ruleSet, contextOf(doc))) {
      const hit = spans.findIndex((s, i) => !matched.has(i) && s.category === f.category && overlaps(s, f));
      if (hit >= 0) {
        matched.add(hit);
        counts.get(f.category)!.tp++;
      } else {
        counts.get(f.category)!.fp++;
        falseAlarms.push({ documentId: doc.id, finding: f });
      }
    }
    spans.forEach((s, i) => {
      if (matched.has(i)) return;
      counts.get(s.category)!.fn++;
      misses.push({ documentId: doc.id, label: s, text: doc.text.slice(s.start, s.end) });
    });
  }
  const total = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const perRule = Object.fromEntries([...counts].map(([c, n]) => [c, quality(n.tp, n.fp, n.fn)])) as Record<RuleCategory, CategoryQuality>;
  return { ...quality(total.tp, total.fp, total.fn), documents: corpus.length, labels, perRule, falseAlarms, misses };
}
