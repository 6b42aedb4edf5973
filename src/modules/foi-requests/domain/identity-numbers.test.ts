import { describe, expect, it } from 'vitest';
import { creditCodeProblem, maskIdNumber, residentIdProblem } from './identity-numbers.ts';

describe('公民身份号码 (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', undefined], // the standard's own example, check character X
    ['11010519491231002x', undefined], // lower-case x as typed
    ['3301 0219 9001 0112 34', undefined],
    ['330102199001011234', undefined],
    ['330102199001011235', 'id-number-check-digit'],
    ['110105194912310021', 'id-number-check-digit'],
    ['330102199002301234', 'id-number-birth-date'], // 2月30日
    ['33010219900101123', 'id-number-format'], // 17 characters
    ['33010219900101123Y', 'id-number-format'],
    ['330102900101123', 'id-number-format'], // the old 15-digit number is not accepted
  ])('%s → %s', (id, problem) => {
    expect(residentIdProblem(id)).toBe(problem);
  });

  it('catches every single-digit typo of a valid number', () => {
    const valid = '330102199001011234';
    for (let i = 0; i < 17; i++) {
      const typo = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(residentIdProblem(typo), typo).not.toBeUndefined();
    }
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', undefined],
    ['91110000600037341L', undefined],
    ['91110000600037341l', undefined],
    ['91350100M000100Y44', 'credit-code-check-digit'],
    ['91110000600037341M', 'credit-code-check-digit'],
    ['91350100M000100Y4', 'credit-code-format'],
    ['91350100I000100Y43', 'credit-code-format'], // I is not in the character set
    ['91350100O000100Y43', 'credit-code-format'], // nor O
  ])('%s → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['330102199001011234', '3301**********1234'],
    ['11010519491231002x', '1101**********002X'],
    ['E12345678', 'E123*5678'], // a 9-character passport number
    ['G1234567', '******67'],
    ['', ''],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});
