/** The 依申请公开 tables (foi-requests module), split from schema.ts, which re-exports them and lists them in `Schema`. */

/** 依申请公开 (foi-requests module): status and due date are derived, never stored. */
export interface FoiRequestRow {
  id: string;
  organ_id: string;
  tracking_code: string;
  channel: string;
  received_on: string;
  arrived_at: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_json: string;
  intake_json: string;
  id_number_cipher: string | null;
  id_number_masked: string | null;
  id_number_hash: string | null;
  phone_last4: string | null;
  information_name: string | null;
  document_number: string | null;
  description: string;
  provision_form: string | null;
  delivery_method: string | null;
  duplicate_of: string | null;
  promoted_item_id: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}
export interface FoiRequestEventRow {
  request_id: string;
  seq: number;
  type: string;
  occurred_on: string;
  payload_json: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
}
export interface FoiReviewRow {
  id: string;
  request_id: string;
  kind: string;
  result: string;
  filed_on: string;
  decided_on: string | null;
  note: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}
export interface FoiDocumentRow {
  id: string;
  request_id: string;
  kind: string;
  outcome: string | null;
  title: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  html_text: string | null;
  created_at: string;
  created_by: string;
}
/** 依申请公开 reminders: one per request, kind and reply due date (foi-requests module). */
export interface FoiReminderRow {
  id: string;
  request_id: string;
  kind: string;
  due_on: string;
  is_provisional: number;
  working_days_left: number;
  raised_on: string;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  resolved_at: string | null;
}
export interface FoiNoticeTemplateRow {
  outcome: string;
  title: string;
  body: string;
  version: number;
  updated_at: string;
  updated_by: string;
}
