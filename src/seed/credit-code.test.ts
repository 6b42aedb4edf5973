import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, hasValidOrganisationCode, isValidCreditCode, organisationCodeCheckChar } from './credit-code.ts';

describe('isValidCreditCode (GB 32100-2015)', () => {
  it.each([
    '11441700007280420Y', // 阳江市人民政府办公室, quoted in REFERENCE.md §6.2
    '11370826004329006F',
    '91350100M000100Y43',
  ])('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character from the first 17 characters', () => {
    expect(creditCodeCheckChar('11441700007280420')).toBe('Y');
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('11441700007280420X')).toBe(false);
    expect(isValidCreditCode('113710230026571234')).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s', (letter) => {
    expect(isValidCreditCode(`1144170000728042${letter}Y`)).toBe(false);
  });

  it('rejects wrong lengths and lower case', () => {
    expect(isValidCreditCode('1134170300324923M')).toBe(false);
    expect(isValidCreditCode('11441700007280420y')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });
});

describe('organisation code (GB 11714)', () => {
  it('checks the 主体标识码 inside a credit code', () => {
    expect(organisationCodeCheckChar('00728042')).toBe('0');
    expect(hasValidOrganisationCode('11441700007280420Y')).toBe(true);
    expect(hasValidOrganisationCode('11441700007280421Y')).toBe(false);
  });
});
