/**
 * The checker: phrase rules (one Aho–Corasick pass) plus the detectors, then overlapping findings resolved.
 * Pure and synchronous; a rule set is compiled once and cached, so checking on every save stays cheap.
 */
import { findDateProblems } from './detectors/dates.ts';
import { findDocumentNumberProblems } from './detectors/document-number.ts';
import { findUnpairedMarks } from './detectors/pairing.ts';
import { findHalfWidthPunctuation } from './detectors/punctuation-width.ts';
import { findRepetitions } from './detectors/repetition.ts';
import { finding, severityRank, type CheckContext, type Finding, type RuleCategory } from './finding.ts';
import { buildPhraseMatcher, type PhraseMatcher } from './phrase-matcher.ts';
import { contextAllows, messageOf, phraseRuleId, type PhraseRule } from './phrase-rule.ts';
import type { RuleSet } from './rule-set.ts';

/** A rule set ready to run: phrases grouped and indexed, lists turned into sets. */
export interface CompiledRuleSet {
  matcher: PhraseMatcher;
  /** Per distinct phrase, its rules, most severe first. */
  rulesByPattern: readonly (readonly PhraseRule[])[];
  allowedRepeats: ReadonlySet<string>;
  disabledRules: ReadonlySet<string>;
}

const compiled = new WeakMap<RuleSet, CompiledRuleSet>();

/** The compiled form of `ruleSet`, built once per rule-set object and cached. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const cached = compiled.get(ruleSet);
  if (cached) return cached;
  const disabledRules = new Set(ruleSet.disabledRules);
  const byPhrase = new Map<string, PhraseRule[]>();
  for (const rule of ruleSet.phrases) {
    if (disabledRules.has(phraseRuleId(rule)) || rule.phrase === '') continue;
    byPhrase.set(rule.phrase, [...(byPhrase.get(rule.phrase) ?? []), rule]);
  }
  const patterns = [...byPhrase.keys()];
  const result: CompiledRuleSet = {
    matcher: buildPhraseMatcher(patterns),
    rulesByPattern: patterns.map((p) => byPhrase.get(p)!.sort((a, b) => severityRank(a.severity) - severityRank(b.severity))),
    allowedRepeats: new Set(ruleSet.allowedRepeats),
    disabledRules,
  };
  compiled.set(ruleSet, result);
  return result;
}

/** Every finding in `text`, ordered by position. `context` carries the item's dates for the date rules. */
export function checkText(text: string, ruleSet: RuleSet, context: CheckContext = {}): Finding[] {
  const rules = compileRuleSet(ruleSet);
  const all = [
    ...findPhrases(text, rules),
    ...findRepetitions(text, rules.allowedRepeats),
    ...findUnpairedMarks(text),
    ...findDocumentNumberProblems(text),
    ...findHalfWidthPunctuation(text),
    ...findDateProblems(text, context),
  ].filter((f) => !rules.disabledRules.has(f.rule));
  return resolveOverlaps(all, text.length);
}

function findPhrases(text: string, rules: CompiledRuleSet): Finding[] {
  const findings: Finding[] = [];
  for (const match of rules.matcher.scan(text)) {
    const rule = rules.rulesByPattern[match.pattern]!.find((r) => contextAllows(r, text, match.start, match.end));
    if (!rule) continue;
    findings.push(
      finding(text, match.start, match.end, {
        rule: phraseRuleId(rule),
        category: rule.category,
        severity: rule.severity,
        suggestion: rule.suggestion,
        message: messageOf(rule),
      }),
    );
  }
  return findings;
}

/**
 * One finding per problem: within a category the most severe, then the longest, finding wins an overlap
 * (的的的 is one slip, not two); a 文号 finding absorbs the half-width brackets inside it.
 * Kept spans are marked per category, so resolving stays linear in the text length.
 */
function resolveOverlaps(findings: Finding[], textLength: number): Finding[] {
  const ranked = [...findings].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken = new Map<RuleCategory, Uint8Array>();
  const isFree = (category: RuleCategory, f: Finding) => {
    const cells = taken.get(category);
    return !cells || cells.subarray(f.start, f.end).every((c) => c === 0);
  };
  const kept = ranked.filter((f) => {
    if (!isFree(f.category, f) || (f.category === 'punctuation-width' && !isFree('document-number', f))) return false;
    let cells = taken.get(f.category);
    if (!cells) taken.set(f.category, (cells = new Uint8Array(textLength)));
    cells.fill(1, f.start, f.end);
    return true;
  });
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
