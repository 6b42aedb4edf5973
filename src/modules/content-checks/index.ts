/** content-checks: 错敏字 and wording checks before publishing (issue 6). The only door other modules may use. */
export { checkText, compileRuleSet, type CompiledRuleSet } from './domain/check-text.ts';
export {
  RULE_CATEGORIES,
  SEVERITIES,
  type CheckContext,
  type Finding,
  type PhraseCategory,
  type RuleCategory,
  type Severity,
} from './domain/finding.ts';
export { phraseRuleId, type PhraseRule } from './domain/phrase-rule.ts';
export { DEFAULT_RULE_SET, DETECTOR_RULES, mergeRuleSets, type OfficeRules, type RuleSet } from './domain/rule-set.ts';
export { validateOfficeRules, type OfficeRulesCheck, type RuleProblem, type RuleProblemCode } from './domain/rule-validation.ts';
export { measure, resolveLabels, type LabelledDocument, type QualityReport } from './domain/quality.ts';
export { loadLabelledCorpus, runQualityReport } from './measure-quality.ts';
export { normalizeExtractedText } from './domain/extracted-text.ts';
export { ATTACHMENT_READER, readAttachmentText, type AttachmentReading } from './attachment-text.ts';
