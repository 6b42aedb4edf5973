/** Row ↔ record mapping of the 依申请公开 tables: the one boundary where stored text becomes typed values. */
import type { FoiDocumentRow, FoiNoticeTemplateRow, FoiRequestEventRow, FoiRequestRow, FoiReviewRow } from '../../../db/schema.ts';
import { localDate, type LocalDate } from '../../../kernel/local-date.ts';
import type { ApplicantKind, IdType, OrganisationKind } from '../domain/applicant.ts';
import type { DeliveryMethod, ProvisionForm } from '../domain/intake.ts';
import type { OutcomeCode } from '../domain/outcomes.ts';
import { parseRequestEvent, type Channel, type RequestEvent } from '../domain/request-events.ts';

/** The applicant as stored in clear: everything but the identity number, which is kept encrypted and masked. */
export type StoredApplicant =
  | { kind: 'natural-person'; name: string; idType: IdType; phone: string; address: string; email: string | null }
  | { kind: OrganisationKind; name: string; legalRepresentative: string; contactName: string; phone: string; address: string | null; email: string | null };

/** How the application came in (条例 Art. 29, 31) and what it lacked. */
export interface IntakeFacts {
  /** The Art. 31 item the 收到申请之日 rests on, when staff gave the channel details. */
  receiptBasis: string | null;
  /** Art. 29 items missing at registration (a 补正 may be needed). */
  missing: string[];
}

/** One registered application (its status and due date are derived from its events, never stored). */
export interface FoiRequestRecord {
  id: string;
  organId: string;
  trackingCode: string;
  channel: Channel;
  receivedOn: LocalDate;
  arrivedAt: string;
  applicantKind: ApplicantKind;
  applicantName: string;
  applicant: StoredApplicant;
  intake: IntakeFacts;
  idNumberCipher: string | null;
  idNumberMasked: string | null;
  idNumberHash: string | null;
  phoneLast4: string | null;
  informationName: string | null;
  documentNumber: string | null;
  description: string;
  provisionForm: ProvisionForm | null;
  deliveryMethod: DeliveryMethod | null;
  duplicateOf: string | null;
  promotedItemId: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** An event as recorded, with who recorded it and when. */
export interface RecordedEvent {
  seq: number;
  event: RequestEvent;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
}

export const REVIEW_KINDS = ['reconsideration', 'litigation-direct', 'litigation-after-reconsideration'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** 行政复议 or 行政诉讼 against the handling of an application (条例 Art. 51), with its result. */
export interface FoiReview {
  id: string;
  requestId: string;
  kind: ReviewKind;
  result: ReviewResult;
  filedOn: LocalDate;
  decidedOn: LocalDate | null;
  note: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export const DOCUMENT_KINDS = ['notice', 'released'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A generated 告知书 or a released file, its bytes in the blob store by SHA-256. */
export interface FoiDocument {
  id: string;
  requestId: string;
  kind: DocumentKind;
  outcome: OutcomeCode | null;
  title: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  htmlText: string | null;
  createdAt: string;
  createdBy: string;
}

/** The office's editable wording of one outcome's 告知书. */
export interface NoticeTemplate {
  outcome: OutcomeCode;
  title: string;
  body: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export function requestFromRow(r: FoiRequestRow): FoiRequestRecord {
  return {
    id: r.id,
    organId: r.organ_id,
    trackingCode: r.tracking_code,
    channel: r.channel as Channel,
    receivedOn: localDate(r.received_on),
    arrivedAt: r.arrived_at,
    applicantKind: r.applicant_kind as ApplicantKind,
    applicantName: r.applicant_name,
    applicant: JSON.parse(r.applicant_json) as StoredApplicant,
    intake: JSON.parse(r.intake_json) as IntakeFacts,
    idNumberCipher: r.id_number_cipher,
    idNumberMasked: r.id_number_masked,
    idNumberHash: r.id_number_hash,
    phoneLast4: r.phone_last4,
    informationName: r.information_name,
    documentNumber: r.document_number,
    description: r.description,
    provisionForm: r.provision_form as ProvisionForm | null,
    deliveryMethod: r.delivery_method as DeliveryMethod | null,
    duplicateOf: r.duplicate_of,
    promotedItemId: r.promoted_item_id,
    version: Number(r.version),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function requestToRow(x: FoiRequestRecord): FoiRequestRow {
  return {
    id: x.id,
    organ_id: x.organId,
    tracking_code: x.trackingCode,
    channel: x.channel,
    received_on: x.receivedOn,
    arrived_at: x.arrivedAt,
    applicant_kind: x.applicantKind,
    applicant_name: x.applicantName,
    applicant_json: JSON.stringify(x.applicant),
    intake_json: JSON.stringify(x.intake),
    id_number_cipher: x.idNumberCipher,
    id_number_masked: x.idNumberMasked,
    id_number_hash: x.idNumberHash,
    phone_last4: x.phoneLast4,
    information_name: x.informationName,
    document_number: x.documentNumber,
    description: x.description,
    provision_form: x.provisionForm,
    delivery_method: x.deliveryMethod,
    duplicate_of: x.duplicateOf,
    promoted_item_id: x.promotedItemId,
    version: x.version,
    created_at: x.createdAt,
    created_by: x.createdBy,
    updated_at: x.updatedAt,
  };
}

/** Stored events were accepted by the workflow when recorded; one that no longer parses is corruption, not input. */
export function eventFromRow(r: FoiRequestEventRow): RecordedEvent {
  const parsed = parseRequestEvent(JSON.parse(r.payload_json));
  if (!parsed.ok) throw new Error(`stored event ${r.request_id}#${r.seq} does not parse: ${parsed.reason} ${parsed.detail ?? ''}`);
  return { seq: Number(r.seq), event: parsed.value, recordedAt: r.recorded_at, recordedBy: r.recorded_by, recordedByName: r.recorded_by_name };
}

export function reviewFromRow(r: FoiReviewRow): FoiReview {
  return {
    id: r.id,
    requestId: r.request_id,
    kind: r.kind as ReviewKind,
    result: r.result as ReviewResult,
    filedOn: localDate(r.filed_on),
    decidedOn: r.decided_on ? localDate(r.decided_on) : null,
    note: r.note,
    version: Number(r.version),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function reviewToRow(x: FoiReview): FoiReviewRow {
  return { id: x.id, request_id: x.requestId, kind: x.kind, result: x.result, filed_on: x.filedOn, decided_on: x.decidedOn, note: x.note, version: x.version, created_at: x.createdAt, created_by: x.createdBy, updated_at: x.updatedAt };
}

export function documentFromRow(r: FoiDocumentRow): FoiDocument {
  return {
    id: r.id,
    requestId: r.request_id,
    kind: r.kind as DocumentKind,
    outcome: r.outcome as OutcomeCode | null,
    title: r.title,
    filename: r.filename,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    htmlText: r.html_text,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function documentToRow(x: FoiDocument): FoiDocumentRow {
  return { id: x.id, request_id: x.requestId, kind: x.kind, outcome: x.outcome, title: x.title, filename: x.filename, media_type: x.mediaType, size_bytes: x.sizeBytes, sha256: x.sha256, html_text: x.htmlText, created_at: x.createdAt, created_by: x.createdBy };
}

export function templateFromRow(r: FoiNoticeTemplateRow): NoticeTemplate {
  return { outcome: r.outcome as OutcomeCode, title: r.title, body: r.body, version: Number(r.version), updatedAt: r.updated_at, updatedBy: r.updated_by };
}
