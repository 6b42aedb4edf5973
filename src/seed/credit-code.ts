/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters = 登记管理部门代码 (1) + 机构类别代码 (1)
 * + 登记管理机关行政区划码 (6) + 主体标识码 (9, the 组织机构代码 of GB 11714) + 校验码 (1).
 * GB 32100-2015 §4.3: each of the first 17 characters is weighted by 3^i mod 31; the check character is
 * (31 − Σ mod 31) mod 31 in the 31-character set, which leaves out I, O, S, V and Z.
 */

/** The GB 32100 character set; a character's value is its position. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 (3^(i−1) mod 31). */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined if one is outside the character set. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Whether `code` is 18 characters of the GB 32100 set and ends with the right check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/** GB 11714-1997 weights of the 8 body characters of a 组织机构代码. */
const ORGANISATION_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11714 check character (0–9 or X) for an 8-character body of digits and capital letters. */
export function organisationCodeCheckChar(body8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charAt(i);
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (ORGANISATION_CODE_WEIGHTS[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Whether the 主体标识码 (characters 9–17) of a credit code is a valid 组织机构代码. */
export function hasValidOrganisationCode(creditCode: string): boolean {
  const body = creditCode.slice(8, 16);
  return creditCode.length === 18 && organisationCodeCheckChar(body) === creditCode.charAt(16);
}
