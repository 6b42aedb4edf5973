/**
 * A catalogue item's draft: the metadata of REFERENCE.md §6.3 (Art. 12 names 索引、名称、内容概述、生成日期)
 * checked field by field, so the form can show every error at once.
 */
import { compareDates, parseLocalDate, type LocalDate } from '../../../kernel/local-date.ts';
import { validateDisclosure, type Disclosure, type DisclosureAttribute, type DisclosureErrorCode } from './disclosure.ts';
import { parseDocumentNumber, validateDocumentNumber, type DocumentNumberProblem } from './document-number.ts';
import { charCount, hasText, type FieldErrorMap, type Validated } from './field-errors.ts';
import { requiresValidity, type Genre } from './genres.ts';
import type { Topic } from './topics.ts';
import { isValidity, validateValidityEndDate, type Validity, type ValidityRefusal } from './validity.ts';

/** The Chinese message table for every catalogue code, re-exported so forms need one import. */
export { CATALOGUE_MESSAGES, type CatalogueMessageCode } from './catalogue-messages.ts';

/** 标题 limit in characters. */
export const MAX_TITLE_CHARS = 200;
/** 内容概述 limit in characters. */
export const MAX_SUMMARY_CHARS = 500;

/**
 * A draft as the form or API submits it: text unchecked, optional fields may be blank. The union-typed fields
 * are still checked at run time, because JSON bodies reach here by cast.
 */
export interface ItemDraftInput {
  title: string;
  /** The 发布机构 (lead issuer, Art. 10: 牵头制作的行政机关). */
  organId: string;
  /** Ids of the other organs of a 联合发文, not including the lead. */
  jointIssuers?: readonly string[];
  documentNumber?: string | null;
  /** 成文日期, `YYYY-MM-DD`. */
  writtenOn: string;
  topicCode: string;
  genreCode: string;
  summary?: string | null;
  bodyHtml?: string | null;
  /** 公开属性. */
  disclosure: DisclosureAttribute;
  /** 不予公开 ground and reason; only with `disclosure: 'exempt'`. */
  exemption?: { basis: string; reason: string } | null;
  /** Why not 主动公开; only with `disclosure: 'on-request'`. */
  onRequestReason?: string | null;
  catalogueEntryId?: string | null;
  /** 有效性; defaults to effective for 规章 and 规范性文件. */
  validity?: Validity | null;
  /** 生效日期 (may lie after today: 自…起施行). */
  effectiveOn?: string | null;
  /** 失效/废止日期, required when validity is expired or repealed. */
  validityEndedOn?: string | null;
}

/** A checked, normalised draft. */
export interface ItemDraft {
  title: string;
  organId: string;
  jointIssuers: string[];
  documentNumber: string | null;
  writtenOn: LocalDate;
  topicCode: string;
  genreCode: string;
  summary: string;
  bodyHtml: string;
  disclosure: Disclosure;
  catalogueEntryId: string | null;
  validity: Validity | null;
  effectiveOn: LocalDate | null;
  validityEndedOn: LocalDate | null;
}

/** What the check needs besides the input: today's date and, to check codes exist, the county's trees. */
export interface ItemDraftContext {
  today: LocalDate;
  /** When given, `topicCode` must name a node of it. */
  topics?: readonly Topic[];
  /** When given, `genreCode` must name one of them. */
  genres?: readonly Genre[];
}

/** Every code `validateItemDraft` can put in a field. */
export type ItemFieldErrorCode =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'invalid-date'
  | 'date-in-future'
  | 'date-before-written'
  | 'date-before-effective'
  | 'unknown-topic'
  | 'unknown-genre'
  | 'unknown-disclosure-attribute'
  | 'duplicate-joint-issuer'
  | 'lead-issuer-as-joint-issuer'
  | 'unknown-validity'
  | 'validity-date-not-allowed'
  | DocumentNumberProblem
  | DisclosureErrorCode
  | ValidityRefusal;

type Errors = FieldErrorMap<ItemFieldErrorCode>;

/** C0/C1 controls, line separators and bidi overrides: invisible, and they make a title read unlike it searches. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

function checkTitle(title: string, errors: Errors): void {
  if (!hasText(title)) errors.title = 'required';
  else if (CONTROL.test(title)) errors.title = 'control-characters';
  else if (charCount(title.trim()) > MAX_TITLE_CHARS) errors.title = 'too-long';
}

/** Blank → null, a real date → LocalDate, anything else → 'invalid'. */
function optionalDate(text: string | null | undefined): LocalDate | null | 'invalid' {
  if (!hasText(text)) return null;
  return parseLocalDate(text.trim()) ?? 'invalid';
}

function checkWrittenOn(text: string, today: LocalDate, errors: Errors): LocalDate | undefined {
  const writtenOn = optionalDate(text);
  if (writtenOn === null) errors.writtenOn = 'required';
  else if (writtenOn === 'invalid') errors.writtenOn = 'invalid-date';
  else if (compareDates(writtenOn, today) > 0) errors.writtenOn = 'date-in-future';
  else return writtenOn;
  return undefined;
}

function checkDocumentNumber(text: string | null | undefined, writtenOn: LocalDate | undefined, errors: Errors): void {
  if (!hasText(text)) return;
  const check = writtenOn ? validateDocumentNumber(text, writtenOn) : parseDocumentNumber(text);
  if (!check.ok) errors.documentNumber = check.reason;
}

function checkIssuersAndClassification(input: ItemDraftInput, ctx: ItemDraftContext, errors: Errors): void {
  if (!hasText(input.organId)) errors.organId = 'required';
  const joint = input.jointIssuers ?? [];
  if (joint.includes(input.organId)) errors.jointIssuers = 'lead-issuer-as-joint-issuer';
  else if (new Set(joint).size !== joint.length) errors.jointIssuers = 'duplicate-joint-issuer';
  if (!hasText(input.topicCode)) errors.topicCode = 'required';
  else if (ctx.topics && !ctx.topics.some((t) => t.code === input.topicCode)) errors.topicCode = 'unknown-topic';
  if (!hasText(input.genreCode)) errors.genreCode = 'required';
  else if (ctx.genres && !ctx.genres.some((g) => g.code === input.genreCode)) errors.genreCode = 'unknown-genre';
  if (charCount(input.summary?.trim() ?? '') > MAX_SUMMARY_CHARS) errors.summary = 'too-long';
}

type ValidityFields = Pick<ItemDraft, 'validity' | 'effectiveOn' | 'validityEndedOn'>;

/** 有效性 must be recorded for 规章 and 规范性文件 (default 有效); an end date goes with 失效/废止 only. */
function checkValidity(input: ItemDraftInput, writtenOn: LocalDate | undefined, today: LocalDate, errors: Errors): ValidityFields {
  const given: string | null = hasText(input.validity) ? input.validity.trim() : null;
  if (given !== null && !isValidity(given)) errors.validity = 'unknown-validity';
  const validity: Validity | null = isValidity(given) ? given : requiresValidity(input.genreCode) ? 'effective' : null;
  const effectiveOn = optionalDate(input.effectiveOn);
  if (effectiveOn === 'invalid') errors.effectiveOn = 'invalid-date';
  else if (effectiveOn && writtenOn && compareDates(effectiveOn, writtenOn) < 0) errors.effectiveOn = 'date-before-written';
  const endedOn = optionalDate(input.validityEndedOn);
  const isEnded = validity === 'expired' || validity === 'repealed';
  if (endedOn === 'invalid') errors.validityEndedOn = 'invalid-date';
  else if (!isEnded && endedOn) errors.validityEndedOn = 'validity-date-not-allowed';
  else if (isEnded && writtenOn) {
    const check = validateValidityEndDate(endedOn, { today, writtenOn });
    if (!check.ok) errors.validityEndedOn = check.reason;
    else if (effectiveOn && effectiveOn !== 'invalid' && compareDates(check.value, effectiveOn) < 0) errors.validityEndedOn = 'date-before-effective';
  }
  const dateOrNull = (d: LocalDate | null | 'invalid') => (d === 'invalid' ? null : d);
  return { validity, effectiveOn: dateOrNull(effectiveOn), validityEndedOn: isEnded ? dateOrNull(endedOn) : null };
}

/** Disclosure errors under the item's own field names: `disclosure`, `exemption…`, `onRequestReason`. */
function checkDisclosure(input: ItemDraftInput, errors: Errors): Disclosure | undefined {
  const result = validateDisclosure({ attribute: input.disclosure, exemption: input.exemption, onRequestReason: input.onRequestReason });
  if (result.ok) return result.value;
  for (const [field, code] of Object.entries(result.errors)) {
    if (code !== undefined) errors[field === 'attribute' ? 'disclosure' : field] = code;
  }
  return undefined;
}

/** Checks a draft and returns it normalised (trimmed, dates typed, 有效性 defaulted), or every field error. */
export function toItemDraft(input: ItemDraftInput, ctx: ItemDraftContext): Validated<ItemDraft, ItemFieldErrorCode> {
  const errors: Errors = {};
  checkTitle(input.title, errors);
  const writtenOn = checkWrittenOn(input.writtenOn, ctx.today, errors);
  checkDocumentNumber(input.documentNumber, writtenOn, errors);
  checkIssuersAndClassification(input, ctx, errors);
  const validityFields = checkValidity(input, writtenOn, ctx.today, errors);
  const disclosure = checkDisclosure(input, errors);
  if (Object.keys(errors).length > 0 || !writtenOn || !disclosure) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: input.title.trim(),
      organId: input.organId,
      jointIssuers: [...(input.jointIssuers ?? [])],
      documentNumber: hasText(input.documentNumber) ? input.documentNumber.trim() : null,
      writtenOn,
      topicCode: input.topicCode,
      genreCode: input.genreCode,
      summary: input.summary?.trim() ?? '',
      bodyHtml: input.bodyHtml ?? '',
      disclosure,
      catalogueEntryId: hasText(input.catalogueEntryId) ? input.catalogueEntryId : null,
      ...validityFields,
    },
  };
}

/** Field → error code for every invalid field of a draft; empty when the draft is valid. */
export function validateItemDraft(input: ItemDraftInput, ctx: ItemDraftContext): FieldErrorMap<ItemFieldErrorCode> {
  const result = toItemDraft(input, ctx);
  return result.ok ? {} : result.errors;
}
