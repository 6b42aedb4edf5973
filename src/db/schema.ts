/**
 * Row types of every table, as Kysely sees them. Dates are 'YYYY-MM-DD' text, instants ISO-8601
 * text, booleans 0/1 integers and structured values JSON text, identically on SQLite and PostgreSQL,
 * so that rows map to domain values at one boundary (each module's sql/ folder).
 */
import type { Generated } from 'kysely';
import type { FoiRequestRow, FoiRequestEventRow, FoiReviewRow, FoiDocumentRow, FoiReminderRow, FoiNoticeTemplateRow } from './schema-foi.ts';

export type * from './schema-foi.ts';

export interface OrganRow {
  id: string;
  code: string;
  name: string;
  short_name: string;
  credit_code: string | null;
  is_main: number;
  site_id_code: string | null;
  address: string | null;
  phone: string | null;
  created_at: string;
}
export interface UnitRow {
  id: string;
  organ_id: string;
  name: string;
  sort_order: number;
  created_at: string;
}
export interface UserRow {
  id: string;
  organ_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  is_disabled: number;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}
export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface LoginAttemptRow {
  id: string;
  key: string;
  attempted_at: string;
  succeeded: number;
}
export interface AuditHeadRow {
  id: number;
  seq: number;
  last_hash: string;
}
export interface AuditLogRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}
export interface CounterRow {
  key: string;
  value: number;
}
export interface SettingRow {
  key: string;
  value_json: string;
  updated_at: string;
}
export interface CalendarYearRow {
  year: number;
  notice: string;
  issued_on: string | null;
  source: string | null;
  off_json: string;
  work_json: string;
  version: number;
  updated_at: string;
}
export interface ScheduledJobRow {
  id: string;
  kind: string;
  subject_id: string;
  run_at: string;
  payload_json: string;
  claimed_by: string | null;
  claimed_at: string | null;
  done_at: string | null;
  error: string | null;
  created_at: string;
}
export interface TopicRow {
  code: string;
  name: string;
  parent_code: string | null;
  sort_order: number;
}
export interface GenreRow {
  code: string;
  name: string;
  column_type: string;
  sort_order: number;
}
export interface CatalogueEntryRow {
  id: string;
  organ_id: string;
  sort_order: number;
  level1: string;
  level2: string;
  content: string;
  basis_json: string;
  time_limit_working_days: number | null;
  time_limit_text: string;
  subject: string;
  channels_json: string;
  audience_json: string;
  methods_json: string;
  levels_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ItemRow {
  id: string;
  organ_id: string;
  unit_id: string | null;
  index_number: string;
  index_year: number;
  index_serial: number;
  title: string;
  joint_issuers_json: string;
  document_number: string | null;
  written_on: string;
  published_on: string | null;
  topic_code: string;
  genre_code: string;
  validity: string;
  effective_on: string | null;
  expired_on: string | null;
  repealed_on: string | null;
  summary: string;
  body_html: string;
  disclosure: string;
  exemption_basis: string | null;
  exemption_reason: string | null;
  on_request_reason: string | null;
  catalogue_entry_id: string | null;
  state: string;
  scheduled_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  retracted_at: string | null;
  retract_reason: string | null;
  retract_notice: string | null;
  current_edition: number | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ItemEditionRow {
  id: string;
  item_id: string;
  edition_no: number;
  published_at: string;
  published_by: string;
  change_note: string;
  snapshot_json: string;
}
export interface ItemLinkRow {
  id: string;
  from_item_id: string;
  to_item_id: string;
  kind: string;
  created_at: string;
}
export interface AttachmentRow {
  id: string;
  item_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
  created_by: string;
  removed_at: string | null;
}

export interface PublicItemRow {
  item_id: string;
  index_number: string;
  title: string;
  document_number: string | null;
  organ_id: string;
  organ_name: string;
  joint_issuers_json: string;
  written_on: string;
  published_on: string;
  published_year: number;
  topic_code: string;
  topic_root_code: string;
  genre_code: string;
  column_type: string;
  validity: string;
  effective_on: string | null;
  expired_on: string | null;
  repealed_on: string | null;
  summary: string;
  catalogue_entry_id: string | null;
  edition_no: number;
  attachments_json: string;
  changed_at: string;
}

/**
 * The search index (search module). SQLite: an FTS5 table (item_id UNINDEXED, title, body) whose
 * rowid is item_search_docs.doc_id; PostgreSQL: item_id, title_seg, body_seg and the generated
 * tsv. Only item_id is common, so writes and matches use dialect-specific SQL.
 */
export interface ItemSearchRow {
  item_id: string;
}
/** PostgreSQL only (migration 202612040006): an entry's key, item and title, narrow enough to walk. */
export interface ItemSearchKeyRow {
  doc_id: number;
  item_id: string;
  title_seg: string;
}
export interface ItemSearchDocRow {
  doc_id: Generated<number>;
  item_id: string;
  edition_no: number;
  body_text: string;
}

/** 年度报告 (annual-report module): figures, narrative and rule findings as JSON text; one per organ and year. */
export interface AnnualReportRow {
  id: string;
  organ_id: string;
  year: number;
  status: string;
  sections_json: string;
  drafts_json: string;
  figures_json: string;
  tables_json: string;
  findings_json: string;
  problems_json: string;
  generated_at: string;
  published_at: string | null;
  published_by: string | null;
  published_item_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** Set while a 更正 of the published report is open (migration 202612040004). */
  correction_opened_at: string | null;
  correction_opened_by: string | null;
}
/** One publication of a 年度报告: the first (no note), then one per 更正 with its 更正说明. */
export interface AnnualReportEditionRow {
  id: string;
  report_id: string;
  edition_no: number;
  item_id: string | null;
  item_edition_no: number | null;
  published_at: string;
  published_by: string;
  correction_note: string | null;
  sections_json: string;
  figures_json: string;
  tables_json: string;
  findings_json: string;
}
/** 自查 indicator weights and the 政务公开 weight in performance appraisal (hundredths of a percent). */
export interface InspectionPlanRow {
  organ_id: string;
  appraisal_weight_bp: number;
  weights_json: string;
  version: number;
  updated_at: string;
  updated_by: string;
}
/** The office's words in a year-end self-inspection report. */
export interface InspectionReportRow {
  id: string;
  organ_id: string;
  year: number;
  problems: string;
  remedies: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** Site health (国办秘函〔2019〕19号): a check run with its verdicts (JSON text), and its findings. */
export interface SiteHealthRunRow {
  id: string;
  checked_on: string;
  started_at: string;
  finished_at: string;
  trigger: string;
  scheduled_for: string | null;
  triggered_by: string;
  is_vetoed: number;
  finding_count: number;
  verdicts_json: string;
  stats_json: string;
}
export interface SiteHealthFindingRow {
  id: string;
  run_id: string;
  seq: number;
  indicator: string;
  severity: string;
  subject_type: string;
  subject_id: string;
  title: string;
  explanation: string;
  fix_url: string;
}

/** Text read from an attachment's file, once per content (issue 6). */
export interface AttachmentTextRow {
  sha256: string;
  kind: string;
  status: string;
  problem: string | null;
  text: string;
  reader: string;
  read_at: string;
}
/** A leader's override of 确定 content-check findings, with the reason (issue 6). */
export interface ItemCheckOverrideRow {
  id: string;
  item_id: string;
  item_version: number;
  overridden_at: string;
  overridden_by: string;
  overridden_by_name: string;
  reason: string;
  finding_keys_json: string;
  findings_json: string;
}
/** What the publication gate found when an edition was published (issue 6). */
export interface ItemEditionCheckRow {
  item_id: string;
  edition_no: number;
  checked_at: string;
  timeliness_status: string | null;
  late_by_days: number | null;
  due_on: string | null;
  findings_json: string;
  override_ids_json: string;
}

export interface Schema {
  organs: OrganRow;
  units: UnitRow;
  users: UserRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_attempts: LoginAttemptRow;
  audit_head: AuditHeadRow;
  audit_log: AuditLogRow;
  counters: CounterRow;
  settings: SettingRow;
  calendar_years: CalendarYearRow;
  scheduled_jobs: ScheduledJobRow;
  topics: TopicRow;
  genres: GenreRow;
  catalogue_entries: CatalogueEntryRow;
  items: ItemRow;
  item_editions: ItemEditionRow;
  item_links: ItemLinkRow;
  attachments: AttachmentRow;
  public_items: PublicItemRow;
  item_search: ItemSearchRow;
  item_search_docs: ItemSearchDocRow;
  item_search_keys: ItemSearchKeyRow;
  foi_requests: FoiRequestRow;
  foi_request_events: FoiRequestEventRow;
  foi_reviews: FoiReviewRow;
  foi_documents: FoiDocumentRow;
  foi_notice_templates: FoiNoticeTemplateRow;
  foi_reminders: FoiReminderRow;
  annual_reports: AnnualReportRow;
  annual_report_editions: AnnualReportEditionRow;
  inspection_plans: InspectionPlanRow;
  inspection_reports: InspectionReportRow;
  attachment_texts: AttachmentTextRow;
  item_check_overrides: ItemCheckOverrideRow;
  item_edition_checks: ItemEditionCheckRow;
  site_health_runs: SiteHealthRunRow;
  site_health_findings: SiteHealthFindingRow;
}
