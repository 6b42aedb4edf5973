/** Test builders for 依申请公开: valid identity numbers and application bodies (STYLE.md §8: builders name states). */
import { creditCodeProblem, residentIdProblem } from '../domain/identity-numbers.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A 公民身份号码 with a correct check character for the 17 given digits. */
export function residentId(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * ID_WEIGHTS[i]!, 0);
  const id = first17 + '10X98765432'[sum % 11];
  if (residentIdProblem(id)) throw new Error(`builder made an invalid id ${id}`);
  return id;
}

/** A 统一社会信用代码 with a correct check character. */
export function creditCode(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i]!, 0);
  const code = first17 + charset[(31 - (sum % 31)) % 31];
  if (creditCodeProblem(code)) throw new Error(`builder made an invalid code ${code}`);
  return code;
}

export const ZHANG_SAN_ID = residentId('33010219900101123');

/** A natural person's application as the API takes it. */
export function anApplicationBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'letter',
    receivedOn: '2025-09-26',
    applicant: { kind: 'natural-person', name: '张三', idType: 'resident-id', idNumber: ZHANG_SAN_ID, phone: '13800001234', address: '某县人民路2号' },
    description: '2025年度科技创新券兑付企业名单',
    ...overrides,
  };
}
