import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { checkText } from './check-text.ts';
import type { Finding } from './finding.ts';
import { DEFAULT_RULE_SET, mergeRuleSets } from './rule-set.ts';
import { SEED_PLAN } from './seed-plan.fixture.ts';

const check = (text: string) => checkText(text, DEFAULT_RULE_SET);
const countOf = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).length;
const spansOf = (text: string, needle: string) => {
  const spans: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) spans.push([i, i + needle.length]);
  return spans;
};

describe('the seed plan 2023年县科技局政务公开实施方案', () => {
  const findings = check(SEED_PLAN);

  it.each([
    ['conversion/效劳', 6],
    ['conversion/事工程录', 2],
    ['conversion/开展规划', 1],
    ['conversion/经济开展', 1],
    ['conversion/反响意见', 1],
    ['conversion/快速反响', 1],
    ['conversion/根本目录', 1],
    ['conversion/标准性文件', 1],
    ['conversion/标准权力清单', 1],
    ['conversion/标准事中事后监管', 1],
    ['conversion/标准依申请公开', 1],
    ['conversion/〞', 4],
    ['repetition/doubled-item', 1],
    ['document-number/brackets', 1],
  ])('finds %s ×%i', (rule, count) => {
    expect(countOf(findings, rule)).toBe(count);
  });

  it('reports nothing else but its half-width punctuation', () => {
    const other = findings.filter((f) => f.category !== 'punctuation-width' && !['conversion', 'repetition', 'document-number'].includes(f.category));
    expect(other).toEqual([]);
    expect(countOf(findings, 'punctuation-width/half-width')).toBeGreaterThan(100);
  });

  it('suggests the corrected 文号 and the single 标准化', () => {
    const byRule = (rule: string) => findings.find((f) => f.rule === rule)!;
    expect([byRule('document-number/brackets').text, byRule('document-number/brackets').suggestion]).toEqual(['(2023)37号', '〔2023〕37号']);
    expect([byRule('repetition/doubled-item').text, byRule('repetition/doubled-item').suggestion]).toEqual(['标准化、标准化', '标准化']);
  });

  it.each(['开展培训', '推行行政审批标准化', '提高政务公开实效性'])('leaves %s alone', (phrase) => {
    const [[start, end]] = spansOf(SEED_PLAN, phrase) as [[number, number]];
    expect(findings.filter((f) => f.start < end && start < f.end)).toEqual([]);
  });

  it('gives every finding the text at its offsets', () => {
    for (const f of findings) expect(SEED_PLAN.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('checkText', () => {
  it('leaves correct usage alone', () => {
    expect(check('积极开展政务公开，分级分层开展培训，逐步推行行政审批标准化，活动反响强烈。')).toEqual([]);
  });

  it('counts offsets in UTF-16 code units when the text has emoji and astral ideographs', () => {
    const text = '😊走访𠮷祥公司,了解企业效劳需求“开展规划〞';
    const found = check(text).map((f) => [f.rule, f.start, f.end, f.text]);
    expect(found).toEqual([
      ['punctuation-width/half-width', 9, 10, ','],
      ['conversion/效劳', 14, 16, '效劳'],
      ['conversion/开展规划', 19, 23, '开展规划'],
      ['conversion/〞', 23, 24, '〞'],
    ]);
    for (const [, start, end, t] of found) expect(text.slice(start as number, end as number)).toBe(t);
  });

  it('reports a doubled character once, and lets a 文号 absorb its half-width brackets', () => {
    expect(check('精准的的的技术服务').map((f) => f.text)).toEqual(['的的']);
    expect(check('xx政办发(2023)37号').map((f) => f.rule)).toEqual(['document-number/brackets']);
  });

  it('orders findings by position', () => {
    const starts = check(SEED_PLAN).map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('passes the item’s dates to the date rules', () => {
    const text = '现予印发。\nxx县科学技术局\n2023年5月10日';
    expect(check(text)).toEqual([]);
    const context = { writtenOn: localDate('2023-05-10'), publishedOn: localDate('2023-05-08') };
    expect(checkText(text, DEFAULT_RULE_SET, context).map((f) => f.rule)).toEqual(['date/written-after-published']);
  });

  it('applies an office’s rules on top of the defaults and switches rules off', () => {
    const office = mergeRuleSets(DEFAULT_RULE_SET, {
      phrases: [
        { phrase: 'xx县科学技术局局', suggestion: 'xx县科学技术局', category: 'typo', severity: '确定' },
        { phrase: '效劳', suggestion: '服务', category: 'conversion', severity: '疑似' },
      ],
      disabledRules: ['punctuation-width/half-width', 'conversion/〞'],
    });
    const found = checkText('xx县科学技术局局长强调,要提升效劳“水平〞', office).map((f) => [f.rule, f.severity]);
    expect(found).toEqual([
      ['typo/xx县科学技术局局', '确定'],
      ['conversion/效劳', '疑似'],
    ]);
  });

  it('checks a 20 000-character document', () => {
    const text = SEED_PLAN.repeat(Math.ceil(20_000 / SEED_PLAN.length)).slice(0, 20_000);
    const findings = check(text);
    expect(countOf(findings, 'conversion/效劳')).toBeGreaterThanOrEqual(6 * Math.floor(20_000 / SEED_PLAN.length));
  });
});
