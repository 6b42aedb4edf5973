import type { ItemEditionRow, ItemRow } from '../../../db/schema.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { DisclosureAttribute, ExemptionBasis } from '../domain/disclosure.ts';
import type { ItemState } from '../domain/item-workflow.ts';
import type { Validity } from '../domain/validity.ts';

/** A catalogue item as the use cases see it (the working copy; editions hold what was published). */
export interface Item {
  id: string;
  organId: string;
  unitId: string | null;
  indexNumber: string;
  indexYear: number;
  indexSerial: number;
  title: string;
  jointIssuers: string[];
  documentNumber: string | null;
  writtenOn: LocalDate;
  publishedOn: LocalDate | null;
  topicCode: string;
  genreCode: string;
  validity: Validity;
  effectiveOn: LocalDate | null;
  expiredOn: LocalDate | null;
  repealedOn: LocalDate | null;
  summary: string;
  bodyHtml: string;
  disclosure: DisclosureAttribute;
  exemptionBasis: ExemptionBasis | null;
  exemptionReason: string | null;
  onRequestReason: string | null;
  catalogueEntryId: string | null;
  state: ItemState;
  scheduledAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  approvalNote: string | null;
  retractedAt: string | null;
  retractReason: string | null;
  retractNotice: string | null;
  currentEdition: number | null;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the public saw at one publication: frozen metadata, body and attachment list. */
export interface EditionSnapshot {
  title: string;
  organId: string;
  organName: string;
  jointIssuers: string[];
  documentNumber: string | null;
  writtenOn: LocalDate;
  publishedOn: LocalDate;
  topicCode: string;
  genreCode: string;
  summary: string;
  bodyHtml: string;
  catalogueEntryId: string | null;
  attachments: { id: string; filename: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export interface Edition {
  id: string;
  itemId: string;
  editionNo: number;
  publishedAt: string;
  publishedBy: string;
  changeNote: string;
  snapshot: EditionSnapshot;
}

export function itemFromRow(r: ItemRow): Item {
  return {
    id: r.id,
    organId: r.organ_id,
    unitId: r.unit_id,
    indexNumber: r.index_number,
    indexYear: Number(r.index_year),
    indexSerial: Number(r.index_serial),
    title: r.title,
    jointIssuers: JSON.parse(r.joint_issuers_json) as string[],
    documentNumber: r.document_number,
    writtenOn: r.written_on as LocalDate,
    publishedOn: r.published_on as LocalDate | null,
    topicCode: r.topic_code,
    genreCode: r.genre_code,
    validity: r.validity as Validity,
    effectiveOn: r.effective_on as LocalDate | null,
    expiredOn: r.expired_on as LocalDate | null,
    repealedOn: r.repealed_on as LocalDate | null,
    summary: r.summary,
    bodyHtml: r.body_html,
    disclosure: r.disclosure as DisclosureAttribute,
    exemptionBasis: r.exemption_basis as ExemptionBasis | null,
    exemptionReason: r.exemption_reason,
    onRequestReason: r.on_request_reason,
    catalogueEntryId: r.catalogue_entry_id,
    state: r.state as ItemState,
    scheduledAt: r.scheduled_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    approvalNote: r.approval_note,
    retractedAt: r.retracted_at,
    retractReason: r.retract_reason,
    retractNotice: r.retract_notice,
    currentEdition: r.current_edition === null ? null : Number(r.current_edition),
    createdBy: r.created_by,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function itemToRow(i: Item): ItemRow {
  return {
    id: i.id,
    organ_id: i.organId,
    unit_id: i.unitId,
    index_number: i.indexNumber,
    index_year: i.indexYear,
    index_serial: i.indexSerial,
    title: i.title,
    joint_issuers_json: JSON.stringify(i.jointIssuers),
    document_number: i.documentNumber,
    written_on: i.writtenOn,
    published_on: i.publishedOn,
    topic_code: i.topicCode,
    genre_code: i.genreCode,
    validity: i.validity,
    effective_on: i.effectiveOn,
    expired_on: i.expiredOn,
    repealed_on: i.repealedOn,
    summary: i.summary,
    body_html: i.bodyHtml,
    disclosure: i.disclosure,
    exemption_basis: i.exemptionBasis,
    exemption_reason: i.exemptionReason,
    on_request_reason: i.onRequestReason,
    catalogue_entry_id: i.catalogueEntryId,
    state: i.state,
    scheduled_at: i.scheduledAt,
    approved_by: i.approvedBy,
    approved_at: i.approvedAt,
    approval_note: i.approvalNote,
    retracted_at: i.retractedAt,
    retract_reason: i.retractReason,
    retract_notice: i.retractNotice,
    current_edition: i.currentEdition,
    created_by: i.createdBy,
    version: i.version,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

export function editionFromRow(r: ItemEditionRow): Edition {
  return {
    id: r.id,
    itemId: r.item_id,
    editionNo: Number(r.edition_no),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    changeNote: r.change_note,
    snapshot: JSON.parse(r.snapshot_json) as EditionSnapshot,
  };
}
