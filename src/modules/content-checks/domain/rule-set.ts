/**
 * A rule set is data: phrase rules, the doubled words that are correct, and the ids of rules switched off.
 * The built-in set is `DEFAULT_RULE_SET`; an office extends it with `mergeRuleSets` after `validateOfficeRules`.
 */
import type { RuleCategory, Severity } from './finding.ts';
import { phraseRuleId, type PhraseRule } from './phrase-rule.ts';
import { CONVERSION_RULES } from './rules/conversion.ts';
import { POLITICAL_RULES } from './rules/political.ts';
import { ALLOWED_REPEATS, REPETITION_RULES } from './rules/repetitions.ts';
import { TYPO_RULES } from './rules/typos.ts';

/** Everything the checker is configured by; JSON-compatible. */
export interface RuleSet {
  phrases: readonly PhraseRule[];
  /** Words whose doubling is correct (研究研究); checked by the doubled-word detector. */
  allowedRepeats: readonly string[];
  /** Rule ids switched off: a phrase rule id (`conversion/效劳`) or a detector rule id (`punctuation-width/half-width`). */
  disabledRules: readonly string[];
}

/** What an office adds to a rule set; the same shape is stored per office. */
export type OfficeRules = Partial<RuleSet>;

/** The rules implemented in code (not phrase lists), with their severity and what they find. */
export const DETECTOR_RULES: Readonly<Record<string, { category: RuleCategory; severity: Severity; description: string }>> = {
  'repetition/doubled-item': { category: 'repetition', severity: '确定', description: '并列项重复，如“标准化、标准化”' },
  'repetition/doubled-word': { category: 'repetition', severity: '疑似', description: '词语连续重复，如“政务公开政务公开”' },
  'pairing/unclosed': { category: 'pairing', severity: '疑似', description: '引号或括号没有配对的后半' },
  'pairing/unopened': { category: 'pairing', severity: '疑似', description: '引号或括号没有配对的前半' },
  'pairing/mismatched': { category: 'pairing', severity: '确定', description: '前后引号或括号不是一对，如“（……”' },
  'punctuation-width/half-width': { category: 'punctuation-width', severity: '疑似', description: '中文中使用半角标点' },
  'document-number/brackets': { category: 'document-number', severity: '确定', description: '发文字号年份应用六角括号〔〕' },
  'document-number/ordinal': { category: 'document-number', severity: '确定', description: '发文顺序号不加“第”字' },
  'document-number/leading-zero': { category: 'document-number', severity: '确定', description: '发文顺序号不编虚位' },
  'date/impossible': { category: 'date', severity: '确定', description: '不存在的日期，如2023年2月30日' },
  'date/weekday': { category: 'date', severity: '确定', description: '日期与星期不符' },
  'date/reversed-range': { category: 'date', severity: '疑似', description: '起止日期颠倒' },
  'date/written-after-published': { category: 'date', severity: '确定', description: '成文日期晚于发布日期' },
  'date/signature-mismatch': { category: 'date', severity: '疑似', description: '落款日期与成文日期不一致' },
};

/** The built-in rules: conversion artifacts, 错别字, doubled characters, political expressions. */
export const DEFAULT_RULE_SET: RuleSet = {
  phrases: [...CONVERSION_RULES, ...TYPO_RULES, ...REPETITION_RULES, ...POLITICAL_RULES],
  allowedRepeats: ALLOWED_REPEATS,
  disabledRules: [],
};

/**
 * The office's rules on top of `base`: an office phrase rule replaces every base rule with the same id
 * (category/phrase), so the office can change a suggestion, severity or context; new ids are added.
 * Allowed repeats and disabled rules accumulate.
 */
export function mergeRuleSets(base: RuleSet, office: OfficeRules): RuleSet {
  const officePhrases = office.phrases ?? [];
  const replaced = new Set(officePhrases.map(phraseRuleId));
  return {
    phrases: [...base.phrases.filter((r) => !replaced.has(phraseRuleId(r))), ...officePhrases],
    allowedRepeats: [...new Set([...base.allowedRepeats, ...(office.allowedRepeats ?? [])])],
    disabledRules: [...new Set([...base.disabledRules, ...(office.disabledRules ?? [])])],
  };
}

/** Every rule id a rule set knows: its phrase rules and the detectors. */
export function ruleIdsOf(ruleSet: RuleSet): Set<string> {
  return new Set([...ruleSet.phrases.map(phraseRuleId), ...Object.keys(DETECTOR_RULES)]);
}
