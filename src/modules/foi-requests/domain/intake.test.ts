import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { readApplicant, type Applicant } from './applicant.ts';
import {
  descriptionSimilarity,
  formatTrackingCode,
  isLikelyDuplicate,
  matchesPhoneLastFour,
  parseTrackingCode,
  receiptDate,
  validateApplication,
  type ReceiptDateInput,
} from './intake.ts';

const d = localDate;
const person = {
  kind: 'natural-person',
  name: '张三',
  idType: 'resident-id',
  idNumber: '330102199001011234',
  phone: '13800138000',
  address: '浙江省杭州市上城区某路1号',
};
const application = {
  applicant: person,
  description: '县科技局2025年度科技计划项目立项名单',
  provisionForm: 'electronic',
  deliveryMethod: 'online',
};

describe('validateApplication (条例 Art. 29)', () => {
  it('accepts a complete application', () => {
    expect(validateApplication({ ...application, documentNumber: ' 县科技发〔2025〕12号 ' })).toMatchObject({
      ok: true,
      value: { description: '县科技局2025年度科技计划项目立项名单', documentNumber: '县科技发〔2025〕12号', provisionForm: 'electronic', deliveryMethod: 'online' },
    });
  });

  it.each([
    ['no description', { ...application, description: ' ' }, { description: 'required' }],
    ['a description of 2001 characters', { ...application, description: '文'.repeat(2001) }, { description: 'description-too-long' }],
    ['no form of provision', { ...application, provisionForm: undefined }, { provisionForm: 'required' }],
    ['an unknown way of delivery', { ...application, deliveryMethod: 'pigeon' }, { deliveryMethod: 'invalid-choice' }],
    ['e-mail delivery without an e-mail address', { ...application, deliveryMethod: 'email' }, { 'applicant.email': 'email-required-for-email' }],
    [
      'post to an organisation without an address',
      {
        ...application,
        deliveryMethod: 'post',
        applicant: { kind: 'research', name: '某研究院', creditCode: '91350100M000100Y43', legalRepresentative: '李四', contactName: '王五', phone: '13800138000' },
      },
      { 'applicant.address': 'address-required-for-post' },
    ],
    ['a bad ID number and no description', { ...application, description: '', applicant: { ...person, idNumber: '330102199001011235' } }, { description: 'required', 'applicant.idNumber': 'id-number-check-digit' }],
    ['no applicant', { description: 'x', provisionForm: 'paper', deliveryMethod: 'collect' }, { 'applicant.kind': 'required', 'applicant.name': 'required', 'applicant.phone': 'required' }],
  ])('refuses %s', (_name, input, errors) => {
    expect(validateApplication(input)).toEqual({ ok: false, errors });
  });
});

describe('receiptDate (条例 Art. 31)', () => {
  const today = d('2026-03-02');
  it.each<[string, ReceiptDateInput, string, string]>([
    ['in person: the submission date', { channel: 'in-person', submittedOn: '2026-02-27' }, '2026-02-27', '第（一）项'],
    ['signed-for letter: the 签收 date, not the arrival', { channel: 'letter', letterKind: 'signed-for', signedForOn: '2026-02-26', arrivedOn: '2026-02-25' }, '2026-02-26', '第（二）项'],
    ['ordinary letter: the confirmation date', { channel: 'letter', letterKind: 'ordinary', arrivedOn: '2026-02-24', confirmedOn: '2026-02-25' }, '2026-02-25', '平常信函'],
    ['online: the confirmation date', { channel: 'online', arrivedOn: '2026-02-14', confirmedOn: '2026-02-24' }, '2026-02-24', '第（三）项'],
    ['fax', { channel: 'fax', confirmedOn: '2026-03-02' }, '2026-03-02', '第（三）项'],
    ['e-mail', { channel: 'email', confirmedOn: '2026-03-01' }, '2026-03-01', '第（三）项'],
  ])('%s', (_name, input, receivedOn, basis) => {
    const result = receiptDate(input, today);
    expect(result).toMatchObject({ ok: true, value: { receivedOn } });
    if (result.ok) expect(result.value.basis).toContain(basis);
  });

  it.each<[string, ReceiptDateInput, string]>([
    ['a date in the future', { channel: 'online', confirmedOn: '2026-03-03' }, 'receipt-date-in-future'],
    ['a letter of unknown kind', { channel: 'letter', signedForOn: '2026-02-26' }, 'letter-kind-required'],
    ['a signed-for letter without the 签收 date', { channel: 'letter', letterKind: 'signed-for', confirmedOn: '2026-02-26' }, 'receipt-date-required'],
    ['online without confirmation (arrival alone does not count)', { channel: 'online', arrivedOn: '2026-02-26' }, 'receipt-date-required'],
    ['an impossible date', { channel: 'in-person', submittedOn: '2026-02-30' }, 'invalid-date'],
    ['a confirmation before arrival', { channel: 'email', arrivedOn: '2026-02-26', confirmedOn: '2026-02-25' }, 'confirmed-before-arrival'],
  ])('refuses %s', (_name, input, reason) => {
    expect(receiptDate(input, today)).toMatchObject({ ok: false, reason });
  });
});

describe('duplicates are marked, never dropped', () => {
  const zhang = readApplicant(person).applicant as Applicant;
  const sameIdOtherName = readApplicant({ ...person, name: '張三' }).applicant as Applicant;
  const li = readApplicant({ ...person, idNumber: '11010519491231002X' }).applicant as Applicant;
  const first = { applicant: zhang, description: '县科技局2025年度科技计划项目立项名单', receivedOn: d('2026-01-05') };

  it.each([
    ['the same text with other punctuation, 30 days later', { ...first, description: '县科技局 2025 年度科技计划项目立项名单。', receivedOn: d('2026-02-04') }, true],
    ['a near copy by the same ID number', { ...first, applicant: sameIdOtherName, description: '请公开县科技局2025年度科技计划项目立项名单' }, true],
    ['31 days later', { ...first, receivedOn: d('2026-02-05') }, false],
    ['31 days earlier', { ...first, receivedOn: d('2025-12-05') }, false],
    ['another applicant', { ...first, applicant: li }, false],
    ['another year', { ...first, description: '县科技局2024年度科技计划项目验收结果' }, false],
  ])('%s → %s', (_name, second, expected) => {
    expect(isLikelyDuplicate(first, second)).toBe(expected);
  });

  it.each([
    ['abc', 'abc', 1],
    ['科技计划', '科技计划！', 1],
    ['科技', '财政', 0],
    ['a', 'b', 0],
  ])('similarity of %s and %s is %d', (a, b, expected) => {
    expect(descriptionSimilarity(a, b)).toBe(expected);
  });
});

describe('tracking code and second factor', () => {
  it.each([
    [2026, 123, 'YSQ-2026-000123'],
    [2025, 1, 'YSQ-2025-000001'],
    [2026, 999_999, 'YSQ-2026-999999'],
  ])('%i / %i → %s', (year, serial, code) => {
    expect(formatTrackingCode(year, serial)).toBe(code);
    expect(parseTrackingCode(code)).toEqual({ year, serial });
  });

  it.each([
    [2026, 0],
    [2026, 1_000_000],
    [26, 1],
    [2026, 1.5],
  ])('refuses year %i serial %d', (year, serial) => {
    expect(() => formatTrackingCode(year, serial)).toThrow(RangeError);
  });

  it.each([' ysq-2026-000123 ', 'YSQ-2026-123', 'YSQ-2026-000000', 'ABC-2026-000123'])('parses %j', (text) => {
    expect(parseTrackingCode(text)).toEqual(text.trim() === 'ysq-2026-000123' ? { year: 2026, serial: 123 } : undefined);
  });

  it.each([
    ['13800138000', '8000', true],
    ['0571-8765 4321', '4321', true],
    ['13800138000', '0138', false],
    ['13800138000', '800', false],
    ['13800138000', ' 8000 ', true],
    ['123', '0123', false],
  ])('phone %s, last four %j → %s', (phone, lastFour, expected) => {
    expect(matchesPhoneLastFour(phone, lastFour)).toBe(expected);
  });
});
