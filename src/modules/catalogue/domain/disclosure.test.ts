import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_ATTRIBUTE_LABELS,
  EXEMPTION_BASES,
  EXEMPTIONS,
  isDisclosureAttribute,
  validateDisclosure,
  type DisclosureInput,
} from './disclosure.ts';

describe('labels', () => {
  it('names the three attributes as the 实施细则 does', () => {
    expect(DISCLOSURE_ATTRIBUTE_LABELS).toEqual({ proactive: '主动公开', 'on-request': '依申请公开', exempt: '不予公开' });
  });

  it.each([
    ['state-secret', '属于国家秘密', '条例第十四条', true],
    ['law-prohibited', '其他法律行政法规禁止公开', '条例第十四条', true],
    ['security-stability', '危及“三安全一稳定”', '条例第十四条', true],
    ['third-party', '保护第三方合法权益', '条例第十五条', false],
    ['internal-affairs', '属于三类内部事务信息', '条例第十六条第一款', false],
    ['process-information', '属于四类过程性信息', '条例第十六条第二款', false],
    ['enforcement-file', '属于行政执法案卷', '条例第十六条第二款', false],
  ] as const)('%s → %s (%s)', (code, label, legalBasis, isMandatory) => {
    expect(EXEMPTIONS[code]).toEqual({ label, legalBasis, isMandatory });
  });

  it('keeps the list closed: seven statutory grounds, no 行政查询事项', () => {
    expect(EXEMPTION_BASES).toHaveLength(7);
    expect(Object.values(EXEMPTIONS).map((e) => e.label)).not.toContain('属于行政查询事项');
  });

  it.each([
    ['proactive', true],
    ['exempt', true],
    ['主动公开', false],
    ['', false],
    [3, false],
  ])('isDisclosureAttribute(%j) = %s', (value, expected) => {
    expect(isDisclosureAttribute(value)).toBe(expected);
  });
});

describe('validateDisclosure', () => {
  it.each<[string, DisclosureInput, unknown]>([
    ['proactive', { attribute: 'proactive' }, { attribute: 'proactive' }],
    ['proactive with an empty exemption form', { attribute: 'proactive', exemption: { basis: '', reason: ' ' } }, { attribute: 'proactive' }],
    ['on-request, reason trimmed', { attribute: 'on-request', onRequestReason: ' 涉及特定群体 ' }, { attribute: 'on-request', onRequestReason: '涉及特定群体' }],
    [
      'exempt with a ground and reason',
      { attribute: 'exempt', exemption: { basis: 'process-information', reason: '会议讨论记录' } },
      { attribute: 'exempt', exemption: { basis: 'process-information', reason: '会议讨论记录' } },
    ],
  ])('accepts %s', (_name, input, expected) => {
    expect(validateDisclosure(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, DisclosureInput, Record<string, string>]>([
    ['a missing attribute', { attribute: ' ' }, { attribute: 'required' }],
    ['an unknown attribute', { attribute: 'secret' }, { attribute: 'unknown-disclosure-attribute' }],
    ['exempt without anything', { attribute: 'exempt' }, { 'exemption.basis': 'required', 'exemption.reason': 'required' }],
    ['exempt with an unlisted ground', { attribute: 'exempt', exemption: { basis: 'administrative-query', reason: '查询' } }, { 'exemption.basis': 'unknown-exemption-basis' }],
    ['exempt with a blank reason', { attribute: 'exempt', exemption: { basis: 'state-secret', reason: '  ' } }, { 'exemption.reason': 'required' }],
    ['on-request without a reason', { attribute: 'on-request', onRequestReason: '' }, { onRequestReason: 'required' }],
    ['proactive carrying an exemption', { attribute: 'proactive', exemption: { basis: 'state-secret', reason: '涉密' } }, { exemption: 'exemption-not-allowed' }],
    [
      'on-request carrying an exemption',
      { attribute: 'on-request', onRequestReason: '特定对象', exemption: { basis: 'third-party', reason: '隐私' } },
      { exemption: 'exemption-not-allowed' },
    ],
    ['proactive carrying an on-request reason', { attribute: 'proactive', onRequestReason: '只对申请人' }, { onRequestReason: 'on-request-reason-not-allowed' }],
    [
      'exempt carrying an on-request reason',
      { attribute: 'exempt', exemption: { basis: 'state-secret', reason: '涉密' }, onRequestReason: '只对申请人' },
      { onRequestReason: 'on-request-reason-not-allowed' },
    ],
  ])('refuses %s', (_name, input, errors) => {
    expect(validateDisclosure(input)).toEqual({ ok: false, errors });
  });
});
