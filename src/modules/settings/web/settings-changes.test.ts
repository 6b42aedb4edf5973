import { describe, expect, it } from 'vitest';
import { changedSettings, validateSettingsInput, type SettingsInput } from './settings-changes.ts';

const VALID: SettingsInput = {
  siteName: '某县科学技术局政府信息公开',
  siteDomain: 'kjj.example.gov.cn',
  siteIdCode: '3310000001',
  indexNumberPattern: '{机构代码}/{YYYY}-{serial:5}',
  defaultPublicationLimitWorkingDays: 20,
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
    ['defaultPublicationLimitWorkingDays', { defaultPublicationLimitWorkingDays: null }, 'required'],
  ])('refuses %s %j with %s', (field, change, code) => {
    expect(validateSettingsInput({ ...VALID, ...change })).toEqual({ ok: false, errors: { [field]: code } });
  });

  it('accepts the ends of the 公开时限 range', () => {
    expect(validateSettingsInput({ ...VALID, defaultPublicationLimitWorkingDays: 1 }).ok).toBe(true);
    expect(validateSettingsInput({ ...VALID, defaultPublicationLimitWorkingDays: 60 }).ok).toBe(true);
  });

  it('reports every field at once', () => {
    const result = validateSettingsInput({ siteName: '', siteDomain: 'a b', siteIdCode: '1', indexNumberPattern: '{YYYY}', defaultPublicationLimitWorkingDays: 99 });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['defaultPublicationLimitWorkingDays', 'indexNumberPattern', 'siteDomain', 'siteIdCode', 'siteName']);
  });
});

describe('changedSettings', () => {
  it('keeps only the values that differ', () => {
    const current = { ...VALID, defaultPublicationLimitWorkingDays: 20 };
    expect(changedSettings(current, { ...current, indexNumberPattern: '{YYYYMM}{serial:3}', defaultPublicationLimitWorkingDays: 15 })).toEqual({ indexNumberPattern: '{YYYYMM}{serial:3}', defaultPublicationLimitWorkingDays: 15 });
    expect(changedSettings(current, { ...current })).toEqual({});
  });
});
