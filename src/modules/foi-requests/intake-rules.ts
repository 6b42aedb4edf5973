/**
 * How registration reads an application on each door. The public form is strict (the form can guide the applicant
 * through 条例 Art. 29); staff register what arrived on paper, fax or e-mail, so a missing item never blocks the
 * registration: it is recorded as missing, for a 补正 (Art. 30), and only malformed values are refused.
 */
import { normaliseIdentityNumber } from './domain/identity-numbers.ts';
import { applicantIdentityKey, type Applicant } from './domain/applicant.ts';
import { descriptionSimilarity, DUPLICATE_SIMILARITY, DUPLICATE_WINDOW_DAYS, validateApplication, type Application, type DeliveryMethod, type ProvisionForm } from './domain/intake.ts';
import { daysBetween, type LocalDate } from '../../kernel/local-date.ts';

type Raw = Record<string, unknown>;

/** An application as registered: what is missing is listed, never guessed. */
export interface RegisteredApplication extends Application {
  informationName: string | null;
  /** Art. 29 items the applicant did not give (field names such as `applicant.idNumber`). */
  missing: string[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** 条例 Art. 29 (三) left open by a staff-registered letter: the form follows the contact details given. */
function defaultDelivery(applicant: Raw, given: unknown): DeliveryMethod | unknown {
  if (given !== undefined && given !== '') return given;
  if (text(applicant.email)) return 'email';
  if (text(applicant.address)) return 'post';
  return 'collect';
}

function defaultForm(delivery: unknown, given: unknown): ProvisionForm | unknown {
  if (given !== undefined && given !== '') return given;
  return delivery === 'email' || delivery === 'online' ? 'electronic' : 'paper';
}

/** Fields whose absence is a gap to correct (Art. 30), not a reason to refuse registration. */
const CORRECTABLE = new Set(['applicant.idType', 'applicant.idNumber', 'applicant.phone', 'applicant.address', 'applicant.creditCode', 'applicant.legalRepresentative', 'applicant.contactName']);

/** Builds the applicant from raw input when some Art. 29 items are missing (values normalised like the domain does). */
function partialApplicant(raw: Raw): Applicant {
  const kind = text(raw.kind);
  const email = text(raw.email) || null;
  if (kind === 'natural-person') {
    return { kind, name: text(raw.name), idType: (text(raw.idType) || 'resident-id') as never, idNumber: normaliseIdentityNumber(text(raw.idNumber)), phone: text(raw.phone), address: text(raw.address), email };
  }
  return { kind: kind as never, name: text(raw.name), creditCode: normaliseIdentityNumber(text(raw.creditCode)), legalRepresentative: text(raw.legalRepresentative), contactName: text(raw.contactName), phone: text(raw.phone), address: text(raw.address) || null, email };
}

/**
 * Reads an application. `strict` (the public form): every Art. 29 item is required. Otherwise (staff, API): form and
 * delivery default from the contact details, and missing applicant items are listed in `missing`.
 */
export function readApplication(input: Raw, strict: boolean): { ok: true; value: RegisteredApplication } | { ok: false; errors: Record<string, string> } {
  const applicant = (typeof input.applicant === 'object' && input.applicant !== null ? input.applicant : {}) as Raw;
  const deliveryMethod = strict ? input.deliveryMethod : defaultDelivery(applicant, input.deliveryMethod);
  const provisionForm = strict ? input.provisionForm : defaultForm(deliveryMethod, input.provisionForm);
  const checked = validateApplication({ ...input, deliveryMethod, provisionForm });
  const informationName = text(input.informationName) || null;
  if (checked.ok) return { ok: true, value: { ...checked.value, informationName, missing: [] } };
  const errors: Record<string, string> = {};
  for (const [field, code] of Object.entries(checked.errors)) if (code) errors[field] = code;
  if (strict) return { ok: false, errors };
  const missing = Object.keys(errors).filter((field) => errors[field] === 'required' && CORRECTABLE.has(field));
  for (const field of missing) delete errors[field];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const documentNumber = text(input.documentNumber) || null;
  return {
    ok: true,
    value: { applicant: partialApplicant(applicant), description: text(input.description), documentNumber, provisionForm: provisionForm as ProvisionForm, deliveryMethod: deliveryMethod as DeliveryMethod, informationName, missing },
  };
}

/** The identity number stored encrypted: the 身份证件号码 of a person, the 统一社会信用代码 of an organisation. */
export function identityNumberOf(applicant: Applicant): string {
  return applicant.kind === 'natural-person' ? applicant.idNumber : applicant.creditCode;
}

/**
 * What duplicates are matched on (domain `applicantIdentityKey`); without an identity number, the name and the
 * phone digits, so incomplete registrations are not all taken for one applicant. Undefined when neither is known.
 */
export function duplicateKeyOf(applicant: Applicant): string | undefined {
  if (identityNumberOf(applicant)) return applicantIdentityKey(applicant);
  const digits = applicant.phone.replace(/\D/g, '');
  return digits ? `contact:${applicant.name}:${digits}` : undefined;
}

/** The domain's duplicate rule (intake.ts `isLikelyDuplicate`) on stored values: same keyed identity, 30 days, similar text. */
export function isLikelyDuplicateOf(a: { keyHash: string; description: string; receivedOn: LocalDate }, b: { keyHash: string | null; description: string; receivedOn: LocalDate }): boolean {
  if (!b.keyHash || a.keyHash !== b.keyHash) return false;
  if (Math.abs(daysBetween(a.receivedOn, b.receivedOn)) > DUPLICATE_WINDOW_DAYS) return false;
  return descriptionSimilarity(a.description, b.description) >= DUPLICATE_SIMILARITY;
}

/** The second factor of the status check: the phone's last four digits (null when no phone was given). */
export function phoneLastFour(applicant: Applicant): string | null {
  const digits = applicant.phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}
