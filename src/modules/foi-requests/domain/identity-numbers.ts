/**
 * Check digits of the identity numbers an applicant gives (条例 Art. 29 (一): 身份证明): the 18-digit 公民身份号码
 * (GB 11643-1999) and the 统一社会信用代码 (GB 32100-2015); and masking for every screen and export.
 */
import { parseLocalDate } from '../../../kernel/local-date.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Why a 公民身份号码 is refused. */
export type ResidentIdProblem = 'id-number-format' | 'id-number-birth-date' | 'id-number-check-digit';

/** Upper-cases and strips spaces, so `3301 0219 9001 0112 3x` is read as typed on paper. */
export function normaliseIdentityNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** GB 11643-1999: 17 digits, a valid birth date in positions 7–14, and the ISO 7064 MOD 11-2 check character. */
export function residentIdProblem(idNumber: string): ResidentIdProblem | undefined {
  const id = normaliseIdentityNumber(idNumber);
  if (!/^\d{17}[\dX]$/.test(id)) return 'id-number-format';
  if (!parseLocalDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return 'id-number-birth-date';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17] ? undefined : 'id-number-check-digit';
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why a 统一社会信用代码 is refused. */
export type CreditCodeProblem = 'credit-code-format' | 'credit-code-check-digit';

/** GB 32100-2015: 18 characters of the 31-character set (no I, O, Z, S, V), the last a MOD 31 check character. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  const c = normaliseIdentityNumber(code);
  if (c.length !== 18 || [...c].some((ch) => !CREDIT_CHARSET.includes(ch))) return 'credit-code-format';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(c[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31] === c[17] ? undefined : 'credit-code-check-digit';
}

/**
 * The form shown on every screen and export (issue 4: ID numbers masked everywhere): the first 4 and last 4
 * characters kept, `330102199001011234` → `3301**********1234`; short numbers keep only their last 2.
 */
export function maskIdNumber(idNumber: string): string {
  const id = normaliseIdentityNumber(idNumber);
  if (id.length > 8) return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, id.length - 2))}${id.slice(-2)}`;
}
