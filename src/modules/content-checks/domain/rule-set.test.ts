import { describe, expect, it } from 'vitest';
import { phraseRuleId, type PhraseRule } from './phrase-rule.ts';
import { DEFAULT_RULE_SET, mergeRuleSets } from './rule-set.ts';
import { validateOfficeRules } from './rule-validation.ts';

const rule = (more: Partial<PhraseRule> = {}): PhraseRule => ({ phrase: '科技局局', suggestion: '科技局', category: 'typo', severity: '确定', ...more });

describe('DEFAULT_RULE_SET', () => {
  it('is data an office could have supplied: every built-in rule passes office validation', () => {
    const check = validateOfficeRules({ phrases: DEFAULT_RULE_SET.phrases, allowedRepeats: DEFAULT_RULE_SET.allowedRepeats });
    expect(check).toEqual({ ok: true, value: { phrases: DEFAULT_RULE_SET.phrases, allowedRepeats: DEFAULT_RULE_SET.allowedRepeats } });
  });

  it('survives a JSON round trip (the shape stored in the database)', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_RULE_SET))).toEqual(DEFAULT_RULE_SET);
  });
});

describe('mergeRuleSets', () => {
  it('adds new rules and replaces built-in rules with the same category and phrase', () => {
    const merged = mergeRuleSets(DEFAULT_RULE_SET, { phrases: [rule(), rule({ phrase: '开展规划', suggestion: '发展规划', category: 'conversion', severity: '提示' })] });
    expect(merged.phrases.filter((r) => r.phrase === '开展规划')).toEqual([rule({ phrase: '开展规划', suggestion: '发展规划', category: 'conversion', severity: '提示' })]);
    expect(merged.phrases.map(phraseRuleId)).toContain('typo/科技局局');
    // Two built-in 开展规划 rules (two contexts) give way to one; the new rule is added.
    expect(merged.phrases).toHaveLength(DEFAULT_RULE_SET.phrases.length);
  });

  it('accumulates allowed repeats and disabled rules without duplicates', () => {
    const merged = mergeRuleSets(mergeRuleSets(DEFAULT_RULE_SET, { disabledRules: ['conversion/效劳'] }), {
      disabledRules: ['conversion/效劳', 'date/weekday'],
      allowedRepeats: ['学习', '研究'],
    });
    expect(merged.disabledRules).toEqual(['conversion/效劳', 'date/weekday']);
    expect(merged.allowedRepeats.filter((w) => w === '研究')).toHaveLength(1);
    expect(merged.allowedRepeats).toContain('学习');
  });

  it('leaves the base untouched', () => {
    const before = JSON.stringify(DEFAULT_RULE_SET);
    mergeRuleSets(DEFAULT_RULE_SET, { phrases: [rule()], disabledRules: ['date/weekday'] });
    expect(JSON.stringify(DEFAULT_RULE_SET)).toBe(before);
  });
});

describe('validateOfficeRules', () => {
  it('accepts rules with context', () => {
    const input = { phrases: [rule({ followedBy: ['长'], notPrecededBy: ['县'] })], disabledRules: ['typo/科技局局', 'pairing/unclosed'] };
    expect(validateOfficeRules(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    [null, '', 'not-an-object'],
    [{ phrases: 'x' }, 'phrases', 'not-a-list'],
    [{ phrases: [42] }, 'phrases[0]', 'not-an-object'],
    [{ phrases: [rule({ phrase: '' })] }, 'phrases[0].phrase', 'required'],
    [{ phrases: [rule({ phrase: '长'.repeat(51) })] }, 'phrases[0].phrase', 'too-long'],
    [{ phrases: [rule({ phrase: '科技\n局' })] }, 'phrases[0].phrase', 'contains-line-break'],
    [{ phrases: [rule({ suggestion: '' })] }, 'phrases[0].suggestion', 'required'],
    [{ phrases: [rule({ suggestion: '科技局局' })] }, 'phrases[0].suggestion', 'same-as-phrase'],
    [{ phrases: [rule({ phrase: '局', suggestion: '局长' })] }, 'phrases[0].suggestion', 'suggestion-contains-phrase'],
    [{ phrases: [{ ...rule(), category: 'pairing' }] }, 'phrases[0].category', 'unknown-category'],
    [{ phrases: [{ ...rule(), severity: '严重' }] }, 'phrases[0].severity', 'unknown-severity'],
    [{ phrases: [rule({ followedBy: '长' as unknown as string[] })] }, 'phrases[0].followedBy', 'not-a-list'],
    [{ phrases: [rule({ followedBy: [''] })] }, 'phrases[0].followedBy[0]', 'required'],
    [{ phrases: [rule(), rule()] }, 'phrases[1]', 'duplicate'],
    [{ allowedRepeats: [1] }, 'allowedRepeats[0]', 'not-a-string'],
    [{ disabledRules: ['typo/不存在'] }, 'disabledRules[0]', 'unknown-rule'],
  ])('refuses %j: %s %s', (input, path, problem) => {
    const check = validateOfficeRules(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toContainEqual({ path, problem });
  });

  it('accepts a suggestion containing the phrase when a context keeps the fix from matching again', () => {
    expect(validateOfficeRules({ phrases: [rule({ phrase: '局', suggestion: '局长', notFollowedBy: ['长'] })] }).ok).toBe(true);
  });
});
