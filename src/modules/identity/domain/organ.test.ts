import { describe, expect, it } from 'vitest';
import { isCreditCode, isOrganisationCode, normaliseOrganCode, organisationCodeCheck, validateOrganInput, validateUnitName } from './organ.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example printed in guides to the standard'],
    ['91110000802100433B', 'check character B'],
    ['12100000400000624D', 'an organ (机构编制 registration, type 1)'],
    ['1133100000000000P0', 'sum divisible by 31: check 31 becomes 0'],
    ['11331000000000002Y', 'check character Y, the last symbol'],
    ['113310000024822699', 'a county organ embedding 组织机构代码 00248226-9'],
  ])('accepts %s (%s)', (code) => {
    expect(isCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91110000802100433C', 'wrong check letter'],
    ['1133100000000000P1', 'check 1 where 0 is due'],
    ['91350100M000100Y4', 'seventeen characters'],
    ['91350100M000100Y433', 'nineteen characters'],
    ['91350100I000100Y43', 'I is not in the character set'],
    ['91350100O000100Y43', 'O is not in the character set'],
    ['9135010ZM000100Y43', 'Z is not in the character set'],
    ['91350100m000100y43', 'lower case'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isCreditCode(code)).toBe(false);
  });
});

describe('组织机构代码 (GB 11714-1997)', () => {
  it.each([
    ['D2143569', 'X'],
    ['00000000', '0'],
    ['M000100Y', '4'],
    ['80210043', '3'],
    ['40000062', '4'],
    ['00248226', '9'],
  ])('check character of %s is %s', (body, check) => {
    expect(organisationCodeCheck(body)).toBe(check);
  });

  it.each(['D2143569-X', 'D2143569X', '00000000-0', 'M000100Y-4', '00248226-9'])('accepts %s', (code) => {
    expect(isOrganisationCode(code)).toBe(true);
  });

  it.each(['D2143569-1', 'D2143569-0', '00248226-0', 'D2143569', 'D214356-9X', 'd2143569-x', 'D2143569--X'])('refuses %s', (code) => {
    expect(isOrganisationCode(code)).toBe(false);
  });

  it('prints codes as XXXXXXXX-X in capitals', () => {
    expect(normaliseOrganCode(' d2143569x ')).toBe('D2143569-X');
    expect(normaliseOrganCode('D2143569-X')).toBe('D2143569-X');
    expect(normaliseOrganCode('91350100m000100y43')).toBe('91350100M000100Y43');
  });
});

describe('validateOrganInput', () => {
  it('uses the credit code as 机构代码 when no code is given', () => {
    const result = validateOrganInput({ name: ' 某县科学技术局 ', creditCode: '113310000024822699' });
    expect(result).toEqual({
      ok: true,
      value: { code: '113310000024822699', name: '某县科学技术局', shortName: '某县科学技术局', creditCode: '113310000024822699', isMain: undefined, siteIdCode: null, address: null, phone: null },
    });
  });

  it('accepts a 组织机构代码 that agrees with the credit code', () => {
    const result = validateOrganInput({ name: '某县科学技术局', shortName: '县科技局', code: '002482269', creditCode: '113310000024822699', siteIdCode: '3310000001' });
    expect(result.ok && result.value).toMatchObject({ code: '00248226-9', shortName: '县科技局', siteIdCode: '3310000001' });
  });

  it('refuses a 组织机构代码 that differs from characters 9–17 of the credit code', () => {
    expect(validateOrganInput({ name: '某县科学技术局', code: 'D2143569-X', creditCode: '113310000024822699' })).toEqual({ ok: false, errors: { code: 'organ-code-mismatch' } });
  });

  it('reports every invalid field at once', () => {
    expect(validateOrganInput({ name: ' ', code: 'D2143569-1', creditCode: '91350100M000100Y44', siteIdCode: '12345' })).toEqual({
      ok: false,
      errors: { name: 'required', code: 'invalid-organ-code', creditCode: 'invalid-credit-code', siteIdCode: 'invalid-site-id-code' },
    });
  });

  it('needs some 机构代码', () => {
    expect(validateOrganInput({ name: '某县科学技术局' })).toEqual({ ok: false, errors: { code: 'required' } });
  });
});

describe('validateUnitName', () => {
  it.each([
    ['办公室', undefined],
    ['  ', 'required'],
    ['科'.repeat(50), undefined],
    ['科'.repeat(51), 'too-long'],
  ])('%s → %s', (name, problem) => {
    expect(validateUnitName(name)).toBe(problem);
  });
});
