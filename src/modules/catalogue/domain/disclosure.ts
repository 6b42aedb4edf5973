/**
 * 公开属性 (disclosure attribute) and the closed list of 不予公开 grounds.
 * Art. 13: information is disclosed 主动 or 依申请, except what Art. 14–16 exempt; the three-valued attribute
 * 主动公开 / 依申请公开 / 不予公开 is fixed at drafting time (国办发〔2016〕80号 §一(一), REFERENCE.md §1.2).
 */
import { hasText, type FieldErrorMap, type Validated } from './field-errors.ts';

/** The three disclosure attributes, in the order the bureau lists them. */
export const DISCLOSURE_ATTRIBUTES = ['proactive', 'on-request', 'exempt'] as const;

/** 主动公开 | 依申请公开 | 不予公开. */
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];

/** Chinese labels, used verbatim in the UI and exports. */
export const DISCLOSURE_ATTRIBUTE_LABELS: Record<DisclosureAttribute, string> = {
  proactive: '主动公开',
  'on-request': '依申请公开',
  exempt: '不予公开',
};

/** Narrows untrusted input (a form field, an API body) to an attribute. */
export function isDisclosureAttribute(value: unknown): value is DisclosureAttribute {
  return typeof value === 'string' && (DISCLOSURE_ATTRIBUTES as readonly string[]).includes(value);
}

/**
 * The statutory 不予公开 grounds (Art. 14, 15, 16), one per annual-report row （三）1–7.
 * 行政查询事项 (row （三）8) is deliberately absent: it is a reporting category with no basis in the 条例.
 */
export const EXEMPTION_BASES = [
  'state-secret',
  'law-prohibited',
  'security-stability',
  'third-party',
  'internal-affairs',
  'process-information',
  'enforcement-file',
] as const;

/** One statutory 不予公开 ground. */
export type ExemptionBasis = (typeof EXEMPTION_BASES)[number];

/** A ground's Chinese label (the annual report's wording) and the article that provides it. */
export interface ExemptionBasisInfo {
  label: string;
  legalBasis: string;
  /** Art. 14 is mandatory; Art. 15 has overrides and Art. 16 is discretionary (可以不予公开). */
  isMandatory: boolean;
}

/** Labels and legal bases, verbatim from REFERENCE.md §1.3. */
export const EXEMPTIONS: Record<ExemptionBasis, ExemptionBasisInfo> = {
  'state-secret': { label: '属于国家秘密', legalBasis: '条例第十四条', isMandatory: true },
  'law-prohibited': { label: '其他法律行政法规禁止公开', legalBasis: '条例第十四条', isMandatory: true },
  'security-stability': { label: '危及“三安全一稳定”', legalBasis: '条例第十四条', isMandatory: true },
  'third-party': { label: '保护第三方合法权益', legalBasis: '条例第十五条', isMandatory: false },
  'internal-affairs': { label: '属于三类内部事务信息', legalBasis: '条例第十六条第一款', isMandatory: false },
  'process-information': { label: '属于四类过程性信息', legalBasis: '条例第十六条第二款', isMandatory: false },
  'enforcement-file': { label: '属于行政执法案卷', legalBasis: '条例第十六条第二款', isMandatory: false },
};

/** Narrows untrusted input to an exemption basis code. */
export function isExemptionBasis(value: unknown): value is ExemptionBasis {
  return typeof value === 'string' && (EXEMPTION_BASES as readonly string[]).includes(value);
}

/** The disclosure part of a draft as submitted: strings are unchecked. */
export interface DisclosureInput {
  attribute: string;
  exemption?: { basis: string; reason: string } | null;
  onRequestReason?: string | null;
}

/** A checked disclosure decision: each attribute carries exactly the justification it needs. */
export type Disclosure =
  | { attribute: 'proactive' }
  | { attribute: 'on-request'; onRequestReason: string }
  | { attribute: 'exempt'; exemption: { basis: ExemptionBasis; reason: string } };

/** Field error codes `validateDisclosure` can report. */
export type DisclosureErrorCode =
  | 'required'
  | 'unknown-disclosure-attribute'
  | 'unknown-exemption-basis'
  | 'exemption-not-allowed'
  | 'on-request-reason-not-allowed';

/**
 * Checks that the attribute carries its justification (REFERENCE.md §1.2 platform rule):
 * 不予公开 needs a ground from the closed Art. 14–16 list and a stated reason ("要依法依规说明理由");
 * 依申请公开 needs a reason why it is not proactive; 主动公开 carries neither. Fields: `attribute`,
 * `exemption.basis`, `exemption.reason`, `exemption`, `onRequestReason`.
 */
export function validateDisclosure(input: DisclosureInput): Validated<Disclosure, DisclosureErrorCode> {
  const errors: FieldErrorMap<DisclosureErrorCode> = {};
  const { attribute, exemption, onRequestReason } = input;
  if (!hasText(attribute)) return { ok: false, errors: { attribute: 'required' } };
  if (!isDisclosureAttribute(attribute)) return { ok: false, errors: { attribute: 'unknown-disclosure-attribute' } };

  const hasExemption = exemption != null && (hasText(exemption.basis) || hasText(exemption.reason));
  if (attribute !== 'exempt' && hasExemption) errors.exemption = 'exemption-not-allowed';
  if (attribute !== 'on-request' && hasText(onRequestReason)) errors.onRequestReason = 'on-request-reason-not-allowed';

  if (attribute === 'on-request' && !hasText(onRequestReason)) errors.onRequestReason = 'required';
  if (attribute === 'exempt') {
    if (!hasText(exemption?.basis)) errors['exemption.basis'] = 'required';
    else if (!isExemptionBasis(exemption.basis)) errors['exemption.basis'] = 'unknown-exemption-basis';
    if (!hasText(exemption?.reason)) errors['exemption.reason'] = 'required';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  if (attribute === 'proactive') return { ok: true, value: { attribute } };
  if (attribute === 'on-request') return { ok: true, value: { attribute, onRequestReason: onRequestReason!.trim() } };
  const basis = exemption!.basis as ExemptionBasis;
  return { ok: true, value: { attribute, exemption: { basis, reason: exemption!.reason.trim() } } };
}
