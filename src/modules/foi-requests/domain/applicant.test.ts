import { describe, expect, it } from 'vitest';
import { applicantIdentityKey, APPLICANT_KINDS, isPhoneNumber, readApplicant } from './applicant.ts';

const person = {
  kind: 'natural-person',
  name: '张三',
  idType: 'resident-id',
  idNumber: '330102199001011234',
  phone: '13800138000',
  address: '浙江省杭州市上城区某路1号',
};

const company = {
  kind: 'commercial',
  name: '某科技有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '李四',
  contactName: '王五',
  phone: '0571-87654321',
};

describe('applicant kinds (issue 4; table 三 columns)', () => {
  it('are the six of the API, in column order', () => {
    expect(APPLICANT_KINDS).toEqual(['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other']);
  });
});

describe('readApplicant (条例 Art. 29 (一))', () => {
  it('accepts a natural person, normalising the ID number', () => {
    expect(readApplicant({ ...person, idNumber: ' 11010519491231002x ', email: ' zhang@example.cn ' })).toEqual({
      applicant: { ...person, idNumber: '11010519491231002X', email: 'zhang@example.cn' },
      errors: {},
    });
  });

  it('accepts an organisation without address or e-mail', () => {
    expect(readApplicant(company)).toEqual({ applicant: { ...company, address: null, email: null }, errors: {} });
  });

  it('does not check the check digit of a passport number', () => {
    expect(readApplicant({ ...person, idType: 'passport', idNumber: 'E12345678' }).errors).toEqual({});
  });

  it.each([
    ['no name', { ...person, name: '  ' }, { 'applicant.name': 'required' }],
    ['bad check digit', { ...person, idNumber: '330102199001011235' }, { 'applicant.idNumber': 'id-number-check-digit' }],
    ['impossible birth date', { ...person, idNumber: '330102199002301234' }, { 'applicant.idNumber': 'id-number-birth-date' }],
    ['no ID type', { ...person, idType: undefined }, { 'applicant.idType': 'required' }],
    ['unknown ID type', { ...person, idType: 'driving-licence' }, { 'applicant.idType': 'invalid-choice' }],
    ['no address', { ...person, address: '' }, { 'applicant.address': 'required' }],
    ['bad phone', { ...person, phone: '12345' }, { 'applicant.phone': 'phone-format' }],
    ['bad e-mail', { ...person, email: 'zhang@' }, { 'applicant.email': 'email-format' }],
    ['name too long', { ...person, name: '张'.repeat(201) }, { 'applicant.name': 'too-long' }],
    ['unknown kind', { ...person, kind: 'company' }, { 'applicant.kind': 'invalid-choice' }],
    ['bad credit code', { ...company, creditCode: '91350100M000100Y44' }, { 'applicant.creditCode': 'credit-code-check-digit' }],
    [
      'organisation without representative or contact',
      { ...company, legalRepresentative: '', contactName: undefined },
      { 'applicant.legalRepresentative': 'required', 'applicant.contactName': 'required' },
    ],
  ])('%s', (_name, input, errors) => {
    expect(readApplicant(input)).toEqual({ applicant: null, errors });
  });

  it('reports every missing field of an empty person at once', () => {
    expect(Object.keys(readApplicant({ kind: 'natural-person' }).errors).sort()).toEqual(
      ['applicant.address', 'applicant.idNumber', 'applicant.idType', 'applicant.name', 'applicant.phone'].sort(),
    );
  });
});

describe('isPhoneNumber', () => {
  it.each([
    ['13800138000', true],
    ['+86 138 0013 8000', true],
    ['0571-87654321', true],
    ['057187654321', true],
    ['010-12345678-801', true],
    ['23800138000', false],
    ['1380013800', false],
    ['87654321', false],
  ])('%s → %s', (phone, expected) => {
    expect(isPhoneNumber(phone)).toBe(expected);
  });
});

describe('applicantIdentityKey', () => {
  it('keys a person by identity document and an organisation by credit code', () => {
    const p = readApplicant(person).applicant!;
    const c = readApplicant(company).applicant!;
    expect(applicantIdentityKey(p)).toBe('person:resident-id:330102199001011234');
    expect(applicantIdentityKey(c)).toBe('organisation:91350100M000100Y43');
  });
});
