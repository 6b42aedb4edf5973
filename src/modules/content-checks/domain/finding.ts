/**
 * What the checker reports. Positions are JavaScript string offsets (UTF-16 code units), the unit
 * `String.prototype.slice` uses, so an editor or the API can underline `text.slice(start, end)` directly.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';

/** 确定 blocks publishing until fixed or overridden; 疑似 asks for a look; 提示 is advice. */
export type Severity = '确定' | '疑似' | '提示';
/** Most serious first. */
export const SEVERITIES: readonly Severity[] = ['确定', '疑似', '提示'];

/** Lower is more serious; used to order rules and to keep the most serious of overlapping findings. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Rule families; the labelled corpus is labelled with these. */
export type RuleCategory =
  | 'conversion'
  | 'typo'
  | 'repetition'
  | 'political'
  | 'pairing'
  | 'punctuation-width'
  | 'document-number'
  | 'date';

/** Every category, in report order. */
export const RULE_CATEGORIES: readonly RuleCategory[] = [
  'conversion',
  'typo',
  'repetition',
  'political',
  'pairing',
  'punctuation-width',
  'document-number',
  'date',
];

/** The categories of rules kept as phrase lists (data the office can extend). */
export type PhraseCategory = 'conversion' | 'typo' | 'repetition' | 'political';
/** Categories an office may use for its own phrase rules. */
export const PHRASE_CATEGORIES: readonly PhraseCategory[] = ['conversion', 'typo', 'repetition', 'political'];

/**
 * One problem in the text. `suggestion` replaces `text` (`start`..`end`) when there is an automatic fix;
 * it is '' only when there is none (an unclosed bracket, a date that contradicts another), never for "delete".
 */
export interface Finding {
  start: number;
  end: number;
  text: string;
  /** Stable rule id, `category/…`: `conversion/效劳`, `pairing/unclosed`, `date/impossible`. */
  rule: string;
  category: RuleCategory;
  severity: Severity;
  suggestion: string;
  message: string;
}

/** Metadata the text itself does not carry: the item's 成文日期 and 发布日期. */
export interface CheckContext {
  writtenOn?: LocalDate;
  publishedOn?: LocalDate;
}

/** A finding at `start`..`end` of `text`, its `text` taken from there. */
export function finding(text: string, start: number, end: number, fields: Omit<Finding, 'start' | 'end' | 'text'>): Finding {
  return { start, end, text: text.slice(start, end), ...fields };
}
