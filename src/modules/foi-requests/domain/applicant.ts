/**
 * The applicant of a 依申请公开 application (条例 Art. 27, 29 (一): 姓名或者名称、身份证明、联系方式): a natural person
 * or an organisation of one of the kinds counted in the annual report's table 三 columns.
 */
import { creditCodeProblem, normaliseIdentityNumber, residentIdProblem, type CreditCodeProblem, type ResidentIdProblem } from './identity-numbers.ts';

/** Applicant kinds of issue 4's API, in the order of the table 三 columns (条例 Art. 50 item 二). */
export const APPLICANT_KINDS = ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other'] as const;

/** One applicant kind. */
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The kinds of 法人或其他组织 (table 三 columns). */
export type OrganisationKind = Exclude<ApplicantKind, 'natural-person'>;

/** Chinese names, as the table 三 columns print them. */
export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = {
  'natural-person': '自然人',
  commercial: '商业企业',
  research: '科研机构',
  'public-interest': '社会公益组织',
  'legal-services': '法律服务机构',
  other: '其他',
};

/** 条例 Art. 29 (一) 身份证明: the identity documents the form offers; only the 居民身份证 has a check digit to verify. */
export const ID_TYPES = ['resident-id', 'passport', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent-residence', 'other'] as const;

/** One identity document type. */
export type IdType = (typeof ID_TYPES)[number];

/** Chinese names of the identity documents. */
export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent-residence': '外国人永久居留身份证',
  other: '其他有效身份证件',
};

/** 条例 Art. 29 (一): a natural person's name, identity document and contact details. */
export interface NaturalPerson {
  kind: 'natural-person';
  name: string;
  idType: IdType;
  /** Normalised (no spaces, upper case); encrypted at rest and masked on screen by the layers above. */
  idNumber: string;
  phone: string;
  address: string;
  email: string | null;
}

/** 条例 Art. 29 (一): an organisation's name, 统一社会信用代码, legal representative and contact. */
export interface Organisation {
  kind: OrganisationKind;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  phone: string;
  address: string | null;
  email: string | null;
}

/** Who applies (条例 Art. 27). */
export type Applicant = NaturalPerson | Organisation;

/** Field error codes of the applicant part of the form. */
export type ApplicantErrorCode = 'required' | 'too-long' | 'invalid-choice' | 'phone-format' | 'email-format' | ResidentIdProblem | CreditCodeProblem;

/** Field name (`applicant.name` …) → error code. */
export type FieldErrors<C extends string> = Partial<Record<string, C>>;

/** Names, addresses and similar free text are capped so a pasted document cannot fill the register. */
export const MAX_FIELD_CHARS = 200;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A 手机号码 (11 digits) or a 固定电话 with 区号 and optional extension; spaces and a +86 prefix are ignored. */
export function isPhoneNumber(text: string): boolean {
  const phone = text.replace(/[\s()]/g, '').replace(/^\+?86-?/, '');
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

type Raw = Record<string, unknown>;

/** Reads the applicant fields of a form or API body, reporting each problem under `applicant.<field>`. */
class ApplicantReader {
  readonly errors: FieldErrors<ApplicantErrorCode> = {};
  constructor(private readonly raw: Raw) {}

  text(field: string, required: boolean): string | null {
    const value = this.raw[field];
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (required) this.errors[`applicant.${field}`] = 'required';
      return null;
    }
    if ([...text].length > MAX_FIELD_CHARS) this.errors[`applicant.${field}`] = 'too-long';
    return text;
  }

  choice<T extends string>(field: string, list: readonly T[]): T | null {
    const value = this.raw[field];
    if (typeof value === 'string' && (list as readonly string[]).includes(value)) return value as T;
    this.errors[`applicant.${field}`] = value === undefined || value === '' ? 'required' : 'invalid-choice';
    return null;
  }

  check(field: string, problem: ApplicantErrorCode | undefined): void {
    if (problem && !this.errors[`applicant.${field}`]) this.errors[`applicant.${field}`] = problem;
  }
}

/** 条例 Art. 29 (一): checks and normalises the applicant; `errors` is empty when `applicant` is set. */
export function readApplicant(input: unknown): { applicant: Applicant | null; errors: FieldErrors<ApplicantErrorCode> } {
  const r = new ApplicantReader(typeof input === 'object' && input !== null ? (input as Raw) : {});
  const kind = r.choice('kind', APPLICANT_KINDS);
  const name = r.text('name', true);
  const phone = r.text('phone', true);
  if (phone) r.check('phone', isPhoneNumber(phone) ? undefined : 'phone-format');
  const email = r.text('email', false);
  if (email) r.check('email', EMAIL.test(email) ? undefined : 'email-format');
  if (!kind) return { applicant: null, errors: r.errors };
  if (kind === 'natural-person') {
    const idType = r.choice('idType', ID_TYPES);
    const idText = r.text('idNumber', true);
    const idNumber = idText && normaliseIdentityNumber(idText);
    if (idNumber && idType === 'resident-id') r.check('idNumber', residentIdProblem(idNumber));
    const address = r.text('address', true);
    const ok = Object.keys(r.errors).length === 0;
    return { applicant: ok ? { kind, name: name!, idType: idType!, idNumber: idNumber!, phone: phone!, address: address!, email } : null, errors: r.errors };
  }
  const creditText = r.text('creditCode', true);
  const creditCode = creditText && normaliseIdentityNumber(creditText);
  if (creditCode) r.check('creditCode', creditCodeProblem(creditCode));
  const legalRepresentative = r.text('legalRepresentative', true);
  const contactName = r.text('contactName', true);
  const address = r.text('address', false);
  if (Object.keys(r.errors).length > 0) return { applicant: null, errors: r.errors };
  return { applicant: { kind, name: name!, creditCode: creditCode!, legalRepresentative: legalRepresentative!, contactName: contactName!, phone: phone!, address, email }, errors: r.errors };
}

/** The identity duplicates are matched on: the identity document of a person, the 统一社会信用代码 of an organisation. */
export function applicantIdentityKey(applicant: Applicant): string {
  return applicant.kind === 'natural-person' ? `person:${applicant.idType}:${applicant.idNumber}` : `organisation:${applicant.creditCode}`;
}
