import { describe, expect, it } from 'vitest';
import { NO_OFFICE_CONTACTS, type DisclosureOfficeContacts } from '../settings-service.ts';
import { changedSettings, validateSettingsInput, type CompleteSettingsInput } from './settings-changes.ts';

const VALID: CompleteSettingsInput = {
  siteName: '某县科学技术局政府信息公开',
  siteDomain: 'kjj.example.gov.cn',
  siteIdCode: '3310000001',
  indexNumberPattern: '{机构代码}/{YYYY}-{serial:5}',
  defaultPublicationLimitWorkingDays: 20,
  disclosureOffice: NO_OFFICE_CONTACTS,
  foiDueSoonWorkingDays: 5,
};

const OFFICE: DisclosureOfficeContacts = {
  name: '某县科学技术局办公室',
  address: '某县人民路1号科技大楼302室',
  officeHours: '工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
  phone: '0571-12345678、0571-12345679',
  fax: '(0571) 1234 5670',
  email: 'kjj@example.gov.cn',
  website: 'https://kjj.example.gov.cn/ysqgk',
};

describe('validateSettingsInput', () => {
  it('accepts valid settings, trimming them and lower-casing the domain', () => {
    expect(validateSettingsInput({ ...VALID, siteName: ' 某县科技局 ', siteDomain: ' KJJ.Example.gov.cn ', indexNumberPattern: ' {YYYYMM}{serial:3} ' })).toEqual({
      ok: true,
      value: { ...VALID, siteName: '某县科技局', siteDomain: 'kjj.example.gov.cn', indexNumberPattern: '{YYYYMM}{serial:3}' },
    });
    expect(validateSettingsInput({ ...VALID, siteDomain: 'localhost' }).ok).toBe(true);
  });

  it.each([
    ['siteName', { siteName: '  ' }, 'required'],
    ['siteName', { siteName: '局'.repeat(101) }, 'too-long'],
    ['siteDomain', { siteDomain: 'https://kjj.example.gov.cn' }, 'invalid-site-domain'],
    ['siteDomain', { siteDomain: 'kjj.example.gov.cn/xxgk' }, 'invalid-site-domain'],
    ['siteDomain', { siteDomain: '-kjj.example.gov.cn' }, 'invalid-site-domain'],
    ['siteDomain', { siteDomain: 'kjj..gov.cn' }, 'invalid-site-domain'],
    ['siteIdCode', { siteIdCode: '331000000' }, 'invalid-site-id-code'],
    ['siteIdCode', { siteIdCode: '33100000AB' }, 'invalid-site-id-code'],
    ['siteIdCode', { siteIdCode: '' }, 'required'],
    ['indexNumberPattern', { indexNumberPattern: '{机构代码}/{YYYY}' }, 'missing-serial'],
    ['indexNumberPattern', { indexNumberPattern: '{机构代码}-{serial:5}' }, 'missing-period'],
    ['indexNumberPattern', { indexNumberPattern: '{机构代码}/{YYYY}-{序号}' }, 'unknown-placeholder'],
    ['indexNumberPattern', { indexNumberPattern: '{YYYY}-{serial:10}' }, 'invalid-serial-width'],
    ['indexNumberPattern', { indexNumberPattern: '{YYYY}-{serial:5' }, 'unbalanced-braces'],
    ['indexNumberPattern', { indexNumberPattern: '{YYYY}-{serial:2}{serial:3}' }, 'duplicate-serial'],
    ['defaultPublicationLimitWorkingDays', { defaultPublicationLimitWorkingDays: 0 }, 'invalid-publication-limit'],
    ['defaultPublicationLimitWorkingDays', { defaultPublicationLimitWorkingDays: 61 }, 'invalid-publication-limit'],
    ['defaultPublicationLimitWorkingDays', { defaultPublicationLimitWorkingDays: 2.5 }, 'invalid-publication-limit'],
    ['defaultPublicationLimitWorkingDays', { defaultPublicationLimitWorkingDays: Number.NaN }, 'invalid-publication-limit'],
    ['foiDueSoonWorkingDays', { foiDueSoonWorkingDays: 0 }, 'invalid-due-soon'],
    ['foiDueSoonWorkingDays', { foiDueSoonWorkingDays: 20 }, 'invalid-due-soon'],
    ['foiDueSoonWorkingDays', { foiDueSoonWorkingDays: 2.5 }, 'invalid-due-soon'],
    ['foiDueSoonWorkingDays', { foiDueSoonWorkingDays: null }, 'required'],
    ['defaultPublicationLimitWorkingDays', { defaultPublicationLimitWorkingDays: null }, 'required'],
  ])('refuses %s %j with %s', (field, change, code) => {
    expect(validateSettingsInput({ ...VALID, ...change })).toEqual({ ok: false, errors: { [field]: code } });
  });

  it('accepts the ends of the 公开时限 range', () => {
    expect(validateSettingsInput({ ...VALID, defaultPublicationLimitWorkingDays: 1 }).ok).toBe(true);
    expect(validateSettingsInput({ ...VALID, defaultPublicationLimitWorkingDays: 60 }).ok).toBe(true);
  });

  it('reports every field at once', () => {
    const result = validateSettingsInput({ siteName: '', siteDomain: 'a b', siteIdCode: '1', indexNumberPattern: '{YYYY}', defaultPublicationLimitWorkingDays: 99, disclosureOffice: NO_OFFICE_CONTACTS, foiDueSoonWorkingDays: 0 });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['defaultPublicationLimitWorkingDays', 'foiDueSoonWorkingDays', 'indexNumberPattern', 'siteDomain', 'siteIdCode', 'siteName']);
  });
});

describe('the 工作机构 contacts (条例 Art. 12)', () => {
  it('accepts them all, or none, trimmed', () => {
    const spaced = Object.fromEntries(Object.entries(OFFICE).map(([k, v]) => [k, ` ${v} `])) as unknown as DisclosureOfficeContacts;
    expect(validateSettingsInput({ ...VALID, disclosureOffice: spaced })).toEqual({ ok: true, value: { ...VALID, disclosureOffice: OFFICE } });
    expect(validateSettingsInput(VALID).ok).toBe(true);
  });

  it.each([
    ['phone', 'kjj@example.gov.cn', 'invalid-phone'],
    ['phone', '--', 'invalid-phone'],
    ['fax', '传真', 'invalid-phone'],
    ['email', 'kjj.example.gov.cn', 'invalid-email'],
    ['email', 'kjj@example', 'invalid-email'],
    ['website', 'kjj.example.gov.cn', 'invalid-website'],
    ['website', 'javascript:alert(1)', 'invalid-website'],
    ['website', 'ftp://kjj.example.gov.cn', 'invalid-website'],
    ['name', '办'.repeat(51), 'too-long'],
    ['officeHours', '时'.repeat(101), 'too-long'],
  ] as const)('refuses %s %j (%s)', (field, text, code) => {
    expect(validateSettingsInput({ ...VALID, disclosureOffice: { ...OFFICE, [field]: text } })).toEqual({ ok: false, errors: { [`disclosureOffice.${field}`]: code } });
  });
});

describe('changedSettings', () => {
  it('keeps only the values that differ', () => {
    const current = { ...VALID, defaultPublicationLimitWorkingDays: 20, foiDueSoonWorkingDays: 5 };
    expect(changedSettings(current, { ...current, indexNumberPattern: '{YYYYMM}{serial:3}', defaultPublicationLimitWorkingDays: 15 })).toEqual({ indexNumberPattern: '{YYYYMM}{serial:3}', defaultPublicationLimitWorkingDays: 15 });
    expect(changedSettings(current, { ...current })).toEqual({});
  });
});
