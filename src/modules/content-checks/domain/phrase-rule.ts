/**
 * A phrase rule: a literal wrong phrase, its correction and the context in which it is wrong. Rules are plain data
 * (JSON-compatible) so the office can add its own and the same shape can be stored in the database.
 */
import type { PhraseCategory, Severity } from './finding.ts';

export interface PhraseRule {
  /** The wrong text, matched literally (no patterns, so an office rule cannot be slow or ambiguous). */
  phrase: string;
  /** What replaces `phrase`. */
  suggestion: string;
  category: PhraseCategory;
  severity: Severity;
  /** Shown to the officer; a default is built from the category when absent. */
  message?: string;
  /** Applies only if one of these ends right before the phrase. '\n' also stands for the start of the text. */
  precededBy?: readonly string[];
  /** Applies only if one of these starts right after the phrase. '\n' also stands for the end of the text. */
  followedBy?: readonly string[];
  /** Does not apply if one of these ends right before the phrase (开展规划编制: a verb and its object). */
  notPrecededBy?: readonly string[];
  /** Does not apply if one of these starts right after the phrase. */
  notFollowedBy?: readonly string[];
}

/** Punctuation and particles that end a noun phrase; used as `followedBy` context ("经济开展、" → 经济发展). */
export const PHRASE_END: readonly string[] = ['、', '，', '。', '；', '：', '！', '？', ',', ';', '）', ')', '”', '〞', '》', '\n'];

/** The id of a phrase rule: rules with the same id are one rule in different contexts, and an office rule replaces them. */
export function phraseRuleId(rule: Pick<PhraseRule, 'category' | 'phrase'>): string {
  return `${rule.category}/${rule.phrase}`;
}

function endsBefore(text: string, index: number, context: string): boolean {
  if (context === '\n' && index === 0) return true;
  return index >= context.length && text.startsWith(context, index - context.length);
}

function startsAfter(text: string, index: number, context: string): boolean {
  if (context === '\n' && index === text.length) return true;
  return text.startsWith(context, index);
}

/** Whether `rule` applies to its phrase found at `start`..`end` of `text`. */
export function contextAllows(rule: PhraseRule, text: string, start: number, end: number): boolean {
  if (rule.precededBy && !rule.precededBy.some((c) => endsBefore(text, start, c))) return false;
  if (rule.followedBy && !rule.followedBy.some((c) => startsAfter(text, end, c))) return false;
  if (rule.notPrecededBy?.some((c) => endsBefore(text, start, c))) return false;
  if (rule.notFollowedBy?.some((c) => startsAfter(text, end, c))) return false;
  return true;
}

const CATEGORY_MESSAGE: Record<PhraseCategory, (rule: PhraseRule) => string> = {
  conversion: (r) => `疑为繁简或同义词转换错误：“${r.phrase}”应为“${r.suggestion}”`,
  typo: (r) => `错别字：“${r.phrase}”应为“${r.suggestion}”`,
  repetition: (r) => `重复用字：“${r.phrase}”应为“${r.suggestion}”`,
  political: (r) => `政治性表述错误或不规范：“${r.phrase}”应为“${r.suggestion}”`,
};

/** The rule's own message, or one built from its category. */
export function messageOf(rule: PhraseRule): string {
  return rule.message ?? CATEGORY_MESSAGE[rule.category](rule);
}
