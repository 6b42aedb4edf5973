import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../kernel/local-date.ts';
import {
  attachmentFindings,
  decideGate,
  metadataFindings,
  overrideScope,
  textFindings,
  timelinessFindings,
  type MetadataFacts,
  type TextFinding,
} from './publication-gate.ts';

const d = (s: string) => s as LocalDate;
const BODY = { source: 'body' as const, attachmentId: null, attachmentName: null, field: null };
const word = (text: string, at: number, len: number, severity: TextFinding['severity'] = '确定', rule = 'conversion/效劳'): TextFinding => ({
  start: at,
  end: at + len,
  text: text.slice(at, at + len),
  rule,
  severity,
  suggestion: '服务',
  message: '转换错误',
});

const facts = (over: Partial<MetadataFacts> = {}): MetadataFacts => ({
  title: '关于开展科技活动周的通知',
  organId: 'organ-1',
  writtenOn: d('2023-06-16'),
  topicCode: 't11-01',
  genreCode: 'notice',
  documentNumber: '县科技发〔2023〕12号',
  summary: '组织开展科技活动周。',
  bodyText: '各科室：现将有关事项通知如下。',
  attachmentCount: 0,
  interpretation: 'unknown',
  ...over,
});

describe('textFindings', () => {
  it('keeps the position, gives context and numbers repeated occurrences so each has its own key', () => {
    const text = '推进政务效劳公开，加强政务效劳。';
    const found = textFindings(BODY, text, [word(text, 4, 2), word(text, 13, 2)]);
    expect(found.map((f) => [f.start, f.before, f.text, f.after])).toEqual([
      [4, '推进政务', '效劳', '公开，加强政务效劳。'],
      [13, '推进政务效劳公开，加强政务', '效劳', '。'],
    ]);
    expect(found.map((f) => f.key)).toEqual(['body::conversion/效劳:效劳#1', 'body::conversion/效劳:效劳#2']);
    expect(found.every((f) => f.isOverridable)).toBe(true);
  });

  it('keys attachment findings by attachment, so the same word in two files is two findings', () => {
    const text = '效劳';
    const a = textFindings({ source: 'attachment', attachmentId: 'a1', attachmentName: '附件1.pdf', field: null }, text, [word(text, 0, 2)]);
    const b = textFindings({ source: 'attachment', attachmentId: 'a2', attachmentName: '附件2.pdf', field: null }, text, [word(text, 0, 2)]);
    expect(a[0]!.key).not.toBe(b[0]!.key);
  });
});

describe('metadataFindings', () => {
  it('finds nothing in complete, consistent metadata', () => {
    expect(metadataFindings(facts())).toEqual([]);
  });

  it.each<[string, Partial<MetadataFacts>, string, string]>([
    ['a missing title', { title: ' ' }, 'metadata/required', '确定'],
    ['a missing 成文日期', { writtenOn: null }, 'metadata/required', '确定'],
    ['a missing 主题分类', { topicCode: '' }, 'metadata/required', '确定'],
    ['neither body nor attachment (asks, does not block)', { bodyText: '  ', attachmentCount: 0 }, 'metadata/no-content', '疑似'],
    ['a 文号 year against 成文日期 (GB/T 9704 §7.2.4)', { documentNumber: '县科技发〔2022〕12号' }, 'metadata/document-number-year', '确定'],
    ['a malformed 文号', { documentNumber: '县科技发(2023)12号' }, 'metadata/document-number-form', '确定'],
    ['a 行政规范性文件 without 文号 (asks, does not block)', { genreCode: 'normative-document', documentNumber: null }, 'metadata/document-number-required', '疑似'],
    ['a missing 内容概述 (asks, does not block)', { summary: '' }, 'metadata/summary-missing', '疑似'],
    ['a 规范性文件 whose 解读 the policy module reports missing', { genreCode: 'normative-document', interpretation: 'missing' }, 'metadata/interpretation-missing', '疑似'],
  ])('reports %s', (_name, over, rule, severity) => {
    const found = metadataFindings(facts(over));
    expect(found.map((f) => [f.rule, f.severity])).toEqual([[rule, severity]]);
    expect(found[0]!.isOverridable).toBe(false);
  });

  it('accepts attachments alone as content, and makes no 解读 finding while the policy module cannot tell', () => {
    expect(metadataFindings(facts({ bodyText: '', attachmentCount: 1 }))).toEqual([]);
    expect(metadataFindings(facts({ genreCode: 'normative-document', interpretation: 'unknown' }))).toEqual([]);
  });
});

describe('attachmentFindings', () => {
  const pdf = { attachmentId: 'a1', filename: '方案.pdf', recordedKind: 'pdf' };
  it.each<[string, Parameters<typeof attachmentFindings>[0][number], string | null, string | null]>([
    ['a PDF that opens', { ...pdf, sniffedKind: 'pdf', reading: 'text' }, null, null],
    ['a missing file', { ...pdf, sniffedKind: undefined, reading: 'not-checked' }, 'attachment/missing', '确定'],
    ['content of another type', { ...pdf, sniffedKind: 'png', reading: 'not-checked' }, 'attachment/type-mismatch', '确定'],
    ['a damaged PDF', { ...pdf, sniffedKind: 'pdf', reading: 'unreadable', problem: 'pdf-damaged' }, 'attachment/unreadable', '确定'],
    ['a scanned PDF without text layer (advice)', { ...pdf, sniffedKind: 'pdf', reading: 'no-text' }, 'attachment/no-text-layer', '提示'],
    ['a spreadsheet (opens; text not checked)', { attachmentId: 'a2', filename: '表.xlsx', recordedKind: 'xlsx', sniffedKind: 'xlsx', reading: 'not-checked' }, null, null],
  ])('%s', (_name, fact, rule, severity) => {
    const found = attachmentFindings([fact]);
    expect(found.map((f) => [f.rule, f.severity])).toEqual(rule ? [[rule, severity]] : []);
    if (rule) expect(found[0]).toMatchObject({ source: 'attachment', attachmentId: fact.attachmentId, attachmentName: fact.filename, isOverridable: false });
  });
});

describe('timelinessFindings', () => {
  it('records late publication as advice, never as a block (条例 Art. 26)', () => {
    const late = timelinessFindings({ dueOn: d('2023-07-14'), isProvisional: false, status: 'late', lateByDays: 3, limitWorkingDays: 20 }, d('2023-07-17'));
    expect(late.map((f) => [f.rule, f.severity])).toEqual([['timeliness/late', '提示']]);
    expect(late[0]!.message).toContain('超期 3 天');
    expect(timelinessFindings({ dueOn: d('2023-07-14'), isProvisional: false, status: 'on-time', limitWorkingDays: 20 }, d('2023-07-10'))).toEqual([]);
    expect(decideGate(late, []).canPublish).toBe(true);
  });
});

describe('decideGate', () => {
  const text = '推进政务效劳公开，根本目录';
  const wording = textFindings(BODY, text, [word(text, 4, 2), word(text, 9, 4, '确定', 'conversion/根本目录'), word(text, 0, 2, '疑似', 'typo/x')]);

  it('blocks on 确定 findings and never on 疑似 or 提示', () => {
    const decision = decideGate(wording, []);
    expect(decision.canPublish).toBe(false);
    expect(decision.blocking.map((f) => f.text)).toEqual(['效劳', '根本目录']);
    expect(decision.advisory.map((f) => f.severity)).toEqual(['疑似']);
    expect(decideGate(wording.filter((f) => f.severity !== '确定'), []).canPublish).toBe(true);
  });

  it('lets an override cover exactly the findings it listed', () => {
    const override = { id: 'o1', findingKeys: wording.filter((f) => f.severity === '确定').map((f) => f.key) };
    const decision = decideGate(wording, [override]);
    expect(decision.canPublish).toBe(true);
    expect(decision.overridden.map((f) => [f.text, f.overrideId])).toEqual([['效劳', 'o1'], ['根本目录', 'o1']]);
  });

  it('blocks again on a 确定 finding that appears after the override (a second 效劳)', () => {
    const override = { id: 'o1', findingKeys: wording.filter((f) => f.severity === '确定').map((f) => f.key) };
    const edited = '推进政务效劳公开，根本目录，效劳';
    const after = textFindings(BODY, edited, [word(edited, 4, 2), word(edited, 9, 4, '确定', 'conversion/根本目录'), word(edited, 14, 2)]);
    const decision = decideGate(after, [override]);
    expect(decision.canPublish).toBe(false);
    expect(decision.blocking.map((f) => [f.text, f.start])).toEqual([['效劳', 14]]);
  });

  it('never lets an override cover metadata or attachments that do not open', () => {
    const meta = metadataFindings(facts({ title: '' }));
    const decision = decideGate(meta, [{ id: 'o1', findingKeys: meta.map((f) => f.key) }]);
    expect(decision.canPublish).toBe(false);
    expect(decision.overridable).toEqual([]);
  });
});

describe('overrideScope', () => {
  const text = '政务效劳';
  const decision = decideGate(textFindings(BODY, text, [word(text, 2, 2)]), []);

  it('needs a reason and something to override', () => {
    expect(overrideScope(decision, '  ')).toEqual({ ok: false, reason: 'override-reason-required' });
    expect(overrideScope(decideGate([], []), '引用原文，保持原样')).toEqual({ ok: false, reason: 'nothing-to-override' });
    const scope = overrideScope(decision, '引用原文，保持原样');
    expect(scope.ok && scope.findings.map((f) => f.text)).toEqual(['效劳']);
  });
});
