import type { LocalDate } from '../../../kernel/local-date.ts';
import type { ItemInput } from '../item-service.ts';
import type { Item } from '../sql/item-rows.ts';

/** The console form's fields, all strings as posted. */
export type ItemFormValues = Record<string, string>;

/** Reads the posted console form into the use case's input. */
export function itemInputFromForm(f: ItemFormValues): ItemInput {
  const disclosure = f.disclosure ?? '';
  return {
    title: f.title ?? '',
    unitId: f.unitId || undefined,
    jointIssuers: (f.jointIssuers ?? '')
      .split(/[\n,，、]/)
      .map((s) => s.trim())
      .filter(Boolean),
    documentNumber: f.documentNumber || null,
    writtenOn: f.writtenOn ?? '',
    topicCode: f.topicCode ?? '',
    genreCode: f.genreCode ?? '',
    summary: f.summary ?? '',
    bodyHtml: f.bodyHtml ?? '',
    disclosure: disclosure as ItemInput['disclosure'],
    exemption: disclosure === 'exempt' ? { basis: f.exemptionBasis ?? '', reason: f.exemptionReason ?? '' } : null,
    onRequestReason: disclosure === 'on-request' ? (f.onRequestReason ?? '') : null,
    catalogueEntryId: f.catalogueEntryId || null,
    effectiveOn: f.effectiveOn || null,
  } as ItemInput;
}

/** The form values that show an existing item. */
export function formFromItem(item: Item): ItemFormValues {
  return {
    title: item.title,
    unitId: item.unitId ?? '',
    jointIssuers: item.jointIssuers.join('、'),
    documentNumber: item.documentNumber ?? '',
    writtenOn: item.writtenOn,
    topicCode: item.topicCode,
    genreCode: item.genreCode,
    summary: item.summary,
    bodyHtml: item.bodyHtml,
    disclosure: item.disclosure,
    exemptionBasis: item.exemptionBasis ?? '',
    exemptionReason: item.exemptionReason ?? '',
    onRequestReason: item.onRequestReason ?? '',
    catalogueEntryId: item.catalogueEntryId ?? '',
    effectiveOn: (item.effectiveOn ?? '') as LocalDate | '',
    version: String(item.version),
  };
}

/** Errors keyed by nested names (exemption.basis) become the form's flat field names. */
export function formErrors(fields: Record<string, string>): Record<string, string> {
  const map: Record<string, string> = { 'exemption.basis': 'exemptionBasis', 'exemption.reason': 'exemptionReason', exemption: 'exemptionBasis', validityEndedOn: 'effectiveOn' };
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [map[k] ?? k, v]));
}
