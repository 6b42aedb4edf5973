/**
 * Office-supplied rules arrive as JSON (a form, an import, a database row). They are checked here, once, into
 * `OfficeRules`; each problem names the path of the bad field so the console can show it next to the rule.
 */
import { PHRASE_CATEGORIES, SEVERITIES, type PhraseCategory, type Severity } from './finding.ts';
import { phraseRuleId, type PhraseRule } from './phrase-rule.ts';
import { DEFAULT_RULE_SET, ruleIdsOf, type OfficeRules, type RuleSet } from './rule-set.ts';

/** Why an office rule is refused (a message code for the console). */
export type RuleProblemCode =
  | 'not-an-object'
  | 'not-a-list'
  | 'too-many'
  | 'required'
  | 'not-a-string'
  | 'too-long'
  | 'contains-line-break'
  | 'unknown-category'
  | 'unknown-severity'
  | 'same-as-phrase'
  | 'suggestion-contains-phrase'
  | 'duplicate'
  | 'unknown-rule';

/** One refused field. */
export interface RuleProblem {
  /** e.g. `phrases[3].suggestion`, `disabledRules[0]`. */
  path: string;
  problem: RuleProblemCode;
}

/** The checked rules, or every problem found. */
export type OfficeRulesCheck = { ok: true; value: OfficeRules } | { ok: false; reason: 'invalid-office-rules'; problems: RuleProblem[] };

/** Bounds that keep an office's rule set small enough to compile on every save. */
export const MAX_OFFICE_RULES = 5000;
export const MAX_PHRASE_LENGTH = 50;
const CONTEXT_FIELDS = ['precededBy', 'followedBy', 'notPrecededBy', 'notFollowedBy'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(problems: RuleProblem[], path: string, problem: RuleProblemCode): false {
  problems.push({ path, problem });
  return false;
}

function checkString(value: unknown, path: string, problems: RuleProblem[], options: { allowLineBreak?: boolean } = {}): value is string {
  if (value === undefined || value === null) return fail(problems, path, 'required');
  if (typeof value !== 'string') return fail(problems, path, 'not-a-string');
  if (value === '') return fail(problems, path, 'required');
  if (value.length > MAX_PHRASE_LENGTH) return fail(problems, path, 'too-long');
  if (!options.allowLineBreak && /[\r\n]/.test(value)) return fail(problems, path, 'contains-line-break');
  return true;
}

function checkList(value: unknown, path: string, problems: RuleProblem[], max: number): value is unknown[] {
  if (!Array.isArray(value)) return fail(problems, path, 'not-a-list');
  if (value.length > max) return fail(problems, path, 'too-many');
  return true;
}

function checkPhraseRule(input: unknown, path: string, problems: RuleProblem[]): PhraseRule | undefined {
  if (!isRecord(input)) {
    fail(problems, path, 'not-an-object');
    return undefined;
  }
  const before = problems.length;
  const { phrase, suggestion, category, severity, message } = input;
  checkString(phrase, `${path}.phrase`, problems);
  checkString(suggestion, `${path}.suggestion`, problems);
  if (!PHRASE_CATEGORIES.includes(category as PhraseCategory)) problems.push({ path: `${path}.category`, problem: 'unknown-category' });
  if (!SEVERITIES.includes(severity as Severity)) problems.push({ path: `${path}.severity`, problem: 'unknown-severity' });
  if (message !== undefined && typeof message !== 'string') problems.push({ path: `${path}.message`, problem: 'not-a-string' });
  const rule: Record<string, unknown> = { phrase, suggestion, category, severity };
  if (typeof message === 'string') rule.message = message;
  for (const field of CONTEXT_FIELDS) {
    const list = input[field];
    if (list === undefined) continue;
    if (!checkList(list, `${path}.${field}`, problems, 200)) continue;
    list.forEach((c, i) => checkString(c, `${path}.${field}[${i}]`, problems, { allowLineBreak: c === '\n' }));
    rule[field] = list;
  }
  if (problems.length > before) return undefined;
  const valid = rule as unknown as PhraseRule;
  if (valid.suggestion === valid.phrase) problems.push({ path: `${path}.suggestion`, problem: 'same-as-phrase' });
  // A fix that still contains the phrase would be flagged again after it is applied.
  else if (valid.suggestion.includes(valid.phrase) && !hasContext(valid)) problems.push({ path: `${path}.suggestion`, problem: 'suggestion-contains-phrase' });
  return problems.length > before ? undefined : valid;
}

const hasContext = (r: PhraseRule) => CONTEXT_FIELDS.some((f) => r[f] !== undefined);
const contextKey = (r: PhraseRule) => JSON.stringify([phraseRuleId(r), ...CONTEXT_FIELDS.map((f) => r[f] ?? null)]);

/** Checks office rules against `base` (disabled ids must name a rule of `base` or of the office rules themselves). */
export function validateOfficeRules(input: unknown, base: RuleSet = DEFAULT_RULE_SET): OfficeRulesCheck {
  const problems: RuleProblem[] = [];
  if (!isRecord(input)) return { ok: false, reason: 'invalid-office-rules', problems: [{ path: '', problem: 'not-an-object' }] };
  const value: { phrases?: PhraseRule[]; allowedRepeats?: string[]; disabledRules?: string[] } = {};
  if (input.phrases !== undefined && checkList(input.phrases, 'phrases', problems, MAX_OFFICE_RULES)) {
    const seen = new Set<string>();
    value.phrases = [];
    input.phrases.forEach((raw, i) => {
      const rule = checkPhraseRule(raw, `phrases[${i}]`, problems);
      if (!rule) return;
      if (seen.has(contextKey(rule))) problems.push({ path: `phrases[${i}]`, problem: 'duplicate' });
      seen.add(contextKey(rule));
      value.phrases!.push(rule);
    });
  }
  const { allowedRepeats } = input;
  if (allowedRepeats !== undefined && checkList(allowedRepeats, 'allowedRepeats', problems, MAX_OFFICE_RULES)) {
    allowedRepeats.forEach((w, i) => checkString(w, `allowedRepeats[${i}]`, problems));
    value.allowedRepeats = allowedRepeats as string[];
  }
  if (input.disabledRules !== undefined && checkList(input.disabledRules, 'disabledRules', problems, MAX_OFFICE_RULES)) {
    const known = ruleIdsOf({ ...base, phrases: [...base.phrases, ...(value.phrases ?? [])] });
    input.disabledRules.forEach((id, i) => {
      if (typeof id !== 'string') problems.push({ path: `disabledRules[${i}]`, problem: 'not-a-string' });
      else if (!known.has(id)) problems.push({ path: `disabledRules[${i}]`, problem: 'unknown-rule' });
    });
    value.disabledRules = input.disabledRules as string[];
  }
  return problems.length > 0 ? { ok: false, reason: 'invalid-office-rules', problems } : { ok: true, value };
}
