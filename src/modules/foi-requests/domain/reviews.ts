/**
 * 行政复议 and 行政诉讼 against a reply (条例 Art. 51), recorded with their result for table 四 of the annual report
 * (条例 Art. 50 item 三). Names fixed by issue 4's API.
 */
import { parseLocalDate, type LocalDate } from '../../../kernel/local-date.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** 条例 Art. 51: 行政复议, 未经复议直接起诉, 复议后起诉 (the three groups of table 四). */
export const REVIEW_KINDS = ['reconsideration', 'litigation-direct', 'litigation-after-reconsideration'] as const;

/** One kind of review. */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** The result columns of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结. */
export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** One review result. */
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Chinese names, as table 四 prints them. */
export const REVIEW_LABELS: Readonly<Record<ReviewKind | ReviewResult, string>> = {
  reconsideration: '行政复议',
  'litigation-direct': '行政诉讼（未经复议直接起诉）',
  'litigation-after-reconsideration': '行政诉讼（复议后起诉）',
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

/** 条例 Art. 51: one review of a case, with its result once decided. */
export interface Review {
  kind: ReviewKind;
  result: ReviewResult;
  filedOn: LocalDate;
  decidedOn: LocalDate | null;
}

/** Why a review record is refused (closed union). */
export type ReviewRefusal =
  | 'not-an-object'
  | 'invalid-kind'
  | 'invalid-result'
  | 'invalid-date'
  | 'filed-in-future'
  | 'decided-in-future'
  | 'decided-before-filed'
  | 'decision-date-required'
  | 'pending-has-decision-date';

/** Checks an API body `{kind, result, filedOn, decidedOn?}`: a decided review has a date on or after filing, a pending one none. */
export function validateReview(input: unknown, today: LocalDate): Result<Review, ReviewRefusal> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('not-an-object');
  const r = input as Record<string, unknown>;
  if (!(REVIEW_KINDS as readonly unknown[]).includes(r.kind)) return refuse('invalid-kind', String(r.kind));
  if (!(REVIEW_RESULTS as readonly unknown[]).includes(r.result)) return refuse('invalid-result', String(r.result));
  const filedOn = typeof r.filedOn === 'string' ? parseLocalDate(r.filedOn) : undefined;
  if (!filedOn) return refuse('invalid-date', 'filedOn');
  if (filedOn > today) return refuse('filed-in-future');
  const result = r.result as ReviewResult;
  const hasDecision = r.decidedOn !== undefined && r.decidedOn !== null && r.decidedOn !== '';
  if (result === 'pending') {
    return hasDecision ? refuse('pending-has-decision-date') : ok({ kind: r.kind as ReviewKind, result, filedOn, decidedOn: null });
  }
  if (!hasDecision) return refuse('decision-date-required');
  const decidedOn = typeof r.decidedOn === 'string' ? parseLocalDate(r.decidedOn) : undefined;
  if (!decidedOn) return refuse('invalid-date', 'decidedOn');
  if (decidedOn > today) return refuse('decided-in-future');
  if (decidedOn < filedOn) return refuse('decided-before-filed');
  return ok({ kind: r.kind as ReviewKind, result, filedOn, decidedOn });
}
