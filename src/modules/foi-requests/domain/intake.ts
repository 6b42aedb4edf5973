/**
 * Intake of a 依申请公开 application on every channel (条例 Art. 29, 31): the form's content, the 收到申请之日 by
 * channel, duplicate marking (never dropping), the tracking code and the second factor of the status check.
 */
import { daysBetween, parseLocalDate, type LocalDate } from '../../../kernel/local-date.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { applicantIdentityKey, readApplicant, type Applicant, type ApplicantErrorCode, type FieldErrors } from './applicant.ts';
import type { Channel } from './request-events.ts';

/** 条例 Art. 29 (三): the form in which the information is wanted. */
export const PROVISION_FORMS = ['paper', 'electronic'] as const;

/** One form of provision. */
export type ProvisionForm = (typeof PROVISION_FORMS)[number];

/** 条例 Art. 29 (三), Art. 40: how the applicant obtains it (获取信息的方式、途径). */
export const DELIVERY_METHODS = ['post', 'email', 'collect', 'online', 'fax', 'inspect'] as const;

/** One way of delivery. */
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** Chinese names of the forms and ways of delivery. */
export const PROVISION_LABELS: Readonly<Record<ProvisionForm | DeliveryMethod, string>> = {
  paper: '纸质文本',
  electronic: '电子数据',
  post: '邮寄',
  email: '电子邮件',
  collect: '当面领取',
  online: '网上获取',
  fax: '传真',
  inspect: '当场阅览、抄录',
};

/** 条例 Art. 29: a checked application (who, what, in which form and how delivered). */
export interface Application {
  applicant: Applicant;
  /** Art. 29 (二): 名称、文号或者便于行政机关查询的其他特征性描述. */
  description: string;
  documentNumber: string | null;
  provisionForm: ProvisionForm;
  deliveryMethod: DeliveryMethod;
}

/** Field error codes of the whole form. */
export type IntakeErrorCode = ApplicantErrorCode | 'address-required-for-post' | 'email-required-for-email' | 'description-too-long';

/** The information description may be long, but not unbounded. */
export const MAX_DESCRIPTION_CHARS = 2000;

type Raw = Record<string, unknown>;
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** 条例 Art. 29: checks every field at once so the form can show all errors; keys like `applicant.idNumber`. */
export function validateApplication(input: unknown): { ok: true; value: Application } | { ok: false; errors: FieldErrors<IntakeErrorCode> } {
  const r = (typeof input === 'object' && input !== null ? input : {}) as Raw;
  const { applicant, errors: applicantErrors } = readApplicant(r.applicant);
  const errors: FieldErrors<IntakeErrorCode> = { ...applicantErrors };
  const description = textOf(r.description);
  if (description === '') errors.description = 'required';
  else if ([...description].length > MAX_DESCRIPTION_CHARS) errors.description = 'description-too-long';
  const provisionForm = isOneOf(PROVISION_FORMS, r.provisionForm) ? r.provisionForm : undefined;
  if (!provisionForm) errors.provisionForm = r.provisionForm === undefined || r.provisionForm === '' ? 'required' : 'invalid-choice';
  const deliveryMethod = isOneOf(DELIVERY_METHODS, r.deliveryMethod) ? r.deliveryMethod : undefined;
  if (!deliveryMethod) errors.deliveryMethod = r.deliveryMethod === undefined || r.deliveryMethod === '' ? 'required' : 'invalid-choice';
  // The way of delivery needs somewhere to deliver to.
  if (applicant && deliveryMethod === 'post' && !applicant.address) errors['applicant.address'] = 'address-required-for-post';
  if (applicant && deliveryMethod === 'email' && !applicant.email) errors['applicant.email'] = 'email-required-for-email';
  if (!applicant || !provisionForm || !deliveryMethod || Object.keys(errors).length > 0) return { ok: false, errors };
  const documentNumber = textOf(r.documentNumber) || null;
  return { ok: true, value: { applicant, description, documentNumber, provisionForm, deliveryMethod } };
}

/** What staff record about the arrival, by channel (条例 Art. 31); dates `YYYY-MM-DD`. */
export interface ReceiptDateInput {
  channel: Channel;
  /** Letters only: 签收 (registered, EMS) or 平常信函 needing no signature. */
  letterKind?: 'signed-for' | 'ordinary';
  /** In person: the day it was handed in. */
  submittedOn?: string;
  /** Signed-for letters: the 签收 date. */
  signedForOn?: string;
  /** Ordinary letters, online, fax, e-mail: the day the office and the applicant confirmed it. */
  confirmedOn?: string;
  /** When it physically arrived, if known: a confirmation cannot precede it. */
  arrivedOn?: string;
}

/** Why no 收到申请之日 can be fixed (closed union). */
export type ReceiptDateRefusal = 'letter-kind-required' | 'receipt-date-required' | 'invalid-date' | 'receipt-date-in-future' | 'confirmed-before-arrival';

/** The 收到申请之日 and the Art. 31 item it rests on. */
export interface ReceiptDate {
  receivedOn: LocalDate;
  basis: string;
}

function receiptRule(input: ReceiptDateInput): Result<{ text: string | undefined; basis: string; confirms: boolean }, 'letter-kind-required'> {
  switch (input.channel) {
    case 'in-person':
      return ok({ text: input.submittedOn, basis: '当面提交，以提交之日为收到申请之日（条例第三十一条第（一）项）', confirms: false });
    case 'letter':
      if (input.letterKind === 'signed-for') return ok({ text: input.signedForOn, basis: '邮寄，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）', confirms: false });
      if (input.letterKind === 'ordinary') return ok({ text: input.confirmedOn, basis: '平常信函，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）', confirms: true });
      return refuse('letter-kind-required');
    default:
      return ok({ text: input.confirmedOn, basis: '互联网渠道或传真提交，以双方确认之日为收到申请之日（条例第三十一条第（三）项）', confirms: true });
  }
}

/** 条例 Art. 31: the 收到申请之日 by channel — the submission, 签收 or confirmation date, never the bare arrival. */
export function receiptDate(input: ReceiptDateInput, today: LocalDate): Result<ReceiptDate, ReceiptDateRefusal> {
  const rule = receiptRule(input);
  if (!rule.ok) return rule;
  if (!rule.value.text) return refuse('receipt-date-required');
  const receivedOn = parseLocalDate(rule.value.text);
  if (!receivedOn) return refuse('invalid-date', rule.value.text);
  if (receivedOn > today) return refuse('receipt-date-in-future', `${receivedOn} > ${today}`);
  if (rule.value.confirms && input.arrivedOn) {
    const arrivedOn = parseLocalDate(input.arrivedOn);
    if (!arrivedOn) return refuse('invalid-date', input.arrivedOn);
    if (receivedOn < arrivedOn) return refuse('confirmed-before-arrival', `${receivedOn} < ${arrivedOn}`);
  }
  return ok({ receivedOn, basis: rule.value.basis });
}

/** Applications of one applicant within this many calendar days may repeat each other. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** Descriptions at least this similar (Dice coefficient of character pairs) are "very similar". */
export const DUPLICATE_SIMILARITY = 0.8;

/** Letters, digits and CJK only, lower case: punctuation and spacing do not make two requests different. */
function normaliseDescription(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Dice coefficient of the character bigrams of two descriptions (1 = same after normalising, 0 = nothing shared). */
export function descriptionSimilarity(a: string, b: string): number {
  const x = [...normaliseDescription(a)];
  const y = [...normaliseDescription(b)];
  if (x.join('') === y.join('')) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) pairs.set(x[i]! + x[i + 1]!, (pairs.get(x[i]! + x[i + 1]!) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const count = pairs.get(y[i]! + y[i + 1]!) ?? 0;
    if (count > 0) (shared++, pairs.set(y[i]! + y[i + 1]!, count - 1));
  }
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

/** What duplicate detection compares. */
export interface DuplicateCandidate {
  applicant: Applicant;
  description: string;
  receivedOn: LocalDate;
}

/**
 * Issue 4: the same applicant asking for very similar information within 30 days is marked as a likely duplicate
 * for an officer to judge (it may become Art. 36(六) 重复申请), never dropped.
 */
export function isLikelyDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  if (applicantIdentityKey(a.applicant) !== applicantIdentityKey(b.applicant)) return false;
  if (Math.abs(daysBetween(a.receivedOn, b.receivedOn)) > DUPLICATE_WINDOW_DAYS) return false;
  return descriptionSimilarity(a.description, b.description) >= DUPLICATE_SIMILARITY;
}

const TRACKING = /^YSQ-(\d{4})-(\d{6})$/;

/** 条例 Art. 45 登记: the code an applicant uses to follow the case, `YSQ-2026-000123` (依申请, year, serial). */
export function formatTrackingCode(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`tracking year out of range: ${year}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new RangeError(`tracking serial out of range: ${serial}`);
  return `YSQ-${year}-${String(serial).padStart(6, '0')}`;
}

/** Reads a typed tracking code (case and surrounding spaces ignored), or undefined. */
export function parseTrackingCode(text: string): { year: number; serial: number } | undefined {
  const m = TRACKING.exec(text.trim().toUpperCase());
  if (!m || Number(m[2]) === 0) return undefined;
  return { year: Number(m[1]), serial: Number(m[2]) };
}

/** The status check's second factor: the last four digits of the applicant's phone number (issue 4). */
export function matchesPhoneLastFour(phone: string, lastFour: string): boolean {
  const digits = phone.replace(/\D/g, '');
  return /^\d{4}$/.test(lastFour.trim()) && digits.length >= 4 && digits.slice(-4) === lastFour.trim();
}
