import type { FieldErrors } from '../../../kernel/errors.ts';
import type { Validated } from './validated.ts';

/** 机关: a government organ whose information this installation discloses. */
export interface Organ {
  id: string;
  /** 机构代码 used in 索引号: a 统一社会信用代码 or a 组织机构代码 in the form XXXXXXXX-X. */
  code: string;
  name: string;
  shortName: string;
  /** 统一社会信用代码 (GB 32100-2015), when known. */
  creditCode: string | null;
  /** The installation's own organ: users and items belong to it unless told otherwise. */
  isMain: boolean;
  /** 网站标识码 (国办发〔2017〕47号). */
  siteIdCode: string | null;
  address: string | null;
  phone: string | null;
  createdAt: string;
}

/** 科室: an internal unit of an organ. */
export interface Unit {
  id: string;
  organId: string;
  name: string;
  sortOrder: number;
  createdAt: string;
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 §4/§5: 18 characters from 31 symbols (no I, O, S, V, Z); the 18th is a mod-31 check. */
export function isCreditCode(text: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(text)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(text[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return text[17] === CREDIT_CHARSET[check];
}

const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714-1997: eight digits or capital letters (A=10 … Z=35) and a mod-11 check: 10 → X, 11 → 0. */
export function organisationCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORGANISATION_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A 组织机构代码 'XXXXXXXX-X' or 'XXXXXXXXX' with a correct check character. */
export function isOrganisationCode(text: string): boolean {
  const match = /^([0-9A-Z]{8})-?([0-9X])$/.exec(text);
  return match !== null && organisationCodeCheck(match[1]!) === match[2];
}

/** Capitals, no spaces; a 组织机构代码 always in its printed form XXXXXXXX-X. */
export function normaliseOrganCode(text: string): string {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '');
  return /^[0-9A-Z]{8}-?[0-9X]$/.test(compact) ? `${compact.slice(0, 8)}-${compact.slice(-1)}` : compact;
}

export interface OrganInput {
  name: string;
  shortName?: string | undefined;
  /** 机构代码 for 索引号; defaults to the 统一社会信用代码. */
  code?: string | undefined;
  creditCode?: string | undefined;
  isMain?: boolean | undefined;
  siteIdCode?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
}

export type ValidOrgan = Omit<Organ, 'id' | 'createdAt' | 'isMain'> & { isMain: boolean | undefined };

const blankToNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/**
 * An organ needs a name and a 机构代码: either a valid 统一社会信用代码 (which then also serves
 * as the code) or a valid 组织机构代码 that agrees with the credit code when both are given.
 * 网站标识码 is ten digits (国办发〔2017〕47号 附件).
 */
export function validateOrganInput(input: OrganInput): Validated<ValidOrgan> {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = 'required';
  else if ([...name].length > 100) errors.name = 'too-long';
  const creditCode = blankToNull(input.creditCode)?.toUpperCase() ?? null;
  if (creditCode !== null && !isCreditCode(creditCode)) errors.creditCode = 'invalid-credit-code';
  const code = input.code?.trim() ? normaliseOrganCode(input.code) : creditCode;
  if (code === null) errors.code = 'required';
  else if (!isCreditCode(code) && !isOrganisationCode(code)) errors.code = 'invalid-organ-code';
  // GB 32100-2015 §4.3: characters 9–17 of the credit code are the organ's 组织机构代码.
  else if (creditCode !== null && !errors.creditCode && isOrganisationCode(code) && code.replace('-', '') !== creditCode.slice(8, 17))
    errors.code = 'organ-code-mismatch';
  const siteIdCode = blankToNull(input.siteIdCode);
  if (siteIdCode !== null && !/^\d{10}$/.test(siteIdCode)) errors.siteIdCode = 'invalid-site-id-code';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      code: code!,
      name,
      shortName: blankToNull(input.shortName) ?? name,
      creditCode,
      isMain: input.isMain,
      siteIdCode,
      address: blankToNull(input.address),
      phone: blankToNull(input.phone),
    },
  };
}

/** A 科室 name: required, at most 50 characters. */
export function validateUnitName(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  if ([...trimmed].length > 50) return 'too-long';
  return undefined;
}
