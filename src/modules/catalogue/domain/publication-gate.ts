/**
 * The publication gate (issue 6): what must hold before an item is approved, scheduled or published.
 *
 * - Wording: the content checker's findings on the title, 内容概述, body and attachment text. 确定 findings block
 *   until fixed or until a leader overrides them with a reason; 疑似 and 提示 never block.
 * - Metadata: Art. 12 (the 目录 names 索引、名称、内容概述、生成日期), GB/T 9704-2012 §7.2.4 (发文字号 year = the year of
 *   成文日期), 国办发〔2018〕37号 (行政规范性文件 统一编号): what is missing or contradicts itself blocks and is fixed, not
 *   overridden: an override is for wording that is right in its context, never for a hole in the record.
 * - Attachments that do not open (missing file, content that is not the recorded type, a DOCX/PDF that does not
 *   parse) block: the public page would offer a broken file (国办秘函〔2019〕19号 counts broken attachments).
 * - Timeliness (条例 Art. 26): publishing after the limit is a fact to record (the edition is marked late), never a
 *   reason to keep the information from the public any longer.
 *
 * Pure: the caller gathers the facts (texts, findings, readings, the deadline) and decides nothing itself.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import { yearOf } from '../../../kernel/local-date.ts';
import { parseDocumentNumber } from './document-number.ts';
import { hasText } from './field-errors.ts';
import { requiresValidity } from './genres.ts';
import type { Timeliness } from './timeliness.ts';

/** 确定 blocks; 疑似 asks for a look; 提示 is advice (the content checker's scale). */
export type CheckSeverity = '确定' | '疑似' | '提示';

/** Where a finding is: a text of the item, an attachment, or the metadata. */
export type CheckSource = 'title' | 'summary' | 'body' | 'attachment' | 'metadata' | 'timeliness';

/** Chinese names of the sources, for the console. */
export const CHECK_SOURCE_LABELS: Record<CheckSource, string> = {
  title: '标题',
  summary: '内容概述',
  body: '正文',
  attachment: '附件',
  metadata: '元数据',
  timeliness: '公开时限',
};

/** A finding of the content checker (structurally the content-checks module's `Finding`). */
export interface TextFinding {
  start: number;
  end: number;
  text: string;
  rule: string;
  severity: CheckSeverity;
  suggestion: string;
  message: string;
}

/** One finding about an item, wherever it is, with enough context to show and to recognise it again after edits. */
export interface ItemCheckFinding {
  /** Stable across edits elsewhere: source, attachment or field, rule, the text and its occurrence number. */
  key: string;
  source: CheckSource;
  attachmentId: string | null;
  attachmentName: string | null;
  /** The metadata field, for metadata findings. */
  field: string | null;
  start: number;
  end: number;
  text: string;
  /** Up to CONTEXT_CHARS characters of the text before and after the finding. */
  before: string;
  after: string;
  rule: string;
  severity: CheckSeverity;
  suggestion: string;
  message: string;
  /** Only wording may be overridden; metadata, attachments and timeliness are fixed (or, for timeliness, recorded). */
  isOverridable: boolean;
}

/** Characters of context shown on each side of a finding. */
export const CONTEXT_CHARS = 20;

type Located = Pick<ItemCheckFinding, 'source' | 'attachmentId' | 'attachmentName' | 'field'>;

function keyed(findings: Omit<ItemCheckFinding, 'key'>[]): ItemCheckFinding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.source}:${f.attachmentId ?? f.field ?? ''}:${f.rule}:${f.text}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base}#${n}`, ...f };
  });
}

/** The checker's findings on one text of the item, placed and given their context. */
export function textFindings(where: Located, text: string, findings: readonly TextFinding[]): ItemCheckFinding[] {
  return keyed(
    findings.map((f) => ({
      ...where,
      start: f.start,
      end: f.end,
      text: f.text,
      before: text.slice(Math.max(0, f.start - CONTEXT_CHARS), f.start),
      after: text.slice(f.end, f.end + CONTEXT_CHARS),
      rule: f.rule,
      severity: f.severity,
      suggestion: f.suggestion,
      message: f.message,
      isOverridable: true,
    })),
  );
}

/**
 * Whether a 行政规范性文件 has its 解读 linked. The policy module (解读 links, 国办发〔2016〕80号 同步解读) does not
 * exist yet, so today every caller passes 'unknown' and no finding is made; the module will supply the real answer.
 */
export type InterpretationStatus = 'linked' | 'missing' | 'not-required' | 'unknown';

/** The metadata the gate looks at. */
export interface MetadataFacts {
  title: string;
  organId: string;
  writtenOn: LocalDate | null;
  topicCode: string;
  genreCode: string;
  documentNumber: string | null;
  summary: string;
  bodyText: string;
  attachmentCount: number;
  interpretation: InterpretationStatus;
}

const REQUIRED_FIELDS: readonly (readonly [keyof MetadataFacts, string])[] = [
  ['title', '标题'],
  ['organId', '发布机构'],
  ['writtenOn', '成文日期'],
  ['topicCode', '主题分类'],
  ['genreCode', '体裁'],
];

const metadata = (field: string, rule: string, severity: CheckSeverity, message: string, text = ''): Omit<ItemCheckFinding, 'key'> => ({
  source: 'metadata',
  attachmentId: null,
  attachmentName: null,
  field,
  start: 0,
  end: text.length,
  text,
  before: '',
  after: '',
  rule,
  severity,
  suggestion: '',
  message,
  isOverridable: false,
});

/** Missing or contradicting metadata (Art. 12, GB/T 9704-2012 §7.2.4, 国办发〔2018〕37号). */
export function metadataFindings(m: MetadataFacts): ItemCheckFinding[] {
  const found: Omit<ItemCheckFinding, 'key'>[] = [];
  for (const [field, label] of REQUIRED_FIELDS) {
    if (!hasText(m[field] as string | null)) found.push(metadata(field, 'metadata/required', '确定', `缺少${label}，补全后才能发布。`));
  }
  // A 台账 import may register an item by its metadata alone (the 目录 entry is what Art. 12 requires), so an empty
  // body asks for a look rather than blocks.
  if (!hasText(m.bodyText) && m.attachmentCount === 0) found.push(metadata('body', 'metadata/no-content', '疑似', '正文和附件均为空，公开页面将没有内容。'));
  if (hasText(m.documentNumber)) {
    const parsed = parseDocumentNumber(m.documentNumber);
    if (!parsed.ok) found.push(metadata('documentNumber', 'metadata/document-number-form', '确定', '发文字号格式不正确，应为“机关代字〔年份〕序号号”。', m.documentNumber));
    else if (m.writtenOn && parsed.value.year !== yearOf(m.writtenOn))
      found.push(metadata('documentNumber', 'metadata/document-number-year', '确定', `发文字号的年份（${parsed.value.year}）与成文日期（${m.writtenOn}）不一致。`, m.documentNumber));
  } else if (requiresValidity(m.genreCode)) {
    // 国办发〔2018〕37号 wants every 行政规范性文件 统一编号, but the item model keeps 发文字号 optional (imports of old
    // documents often lack it), so its absence asks for a look rather than blocks.
    found.push(metadata('documentNumber', 'metadata/document-number-required', '疑似', '规章和行政规范性文件应有发文字号（统一登记、统一编号、统一印发）。'));
  }
  // Art. 12 names 内容概述 in the 目录; the item can still be read without it, so it asks for a look rather than blocks.
  if (!hasText(m.summary)) found.push(metadata('summary', 'metadata/summary-missing', '疑似', '内容概述为空；政府信息公开目录应包括内容概述（条例第十二条）。'));
  if (m.interpretation === 'missing') found.push(metadata('interpretation', 'metadata/interpretation-missing', '疑似', '行政规范性文件尚未关联政策解读。'));
  return keyed(found);
}

/** What opening an attachment showed. `sniffedKind` is undefined when the stored file is missing. */
export interface AttachmentFacts {
  attachmentId: string;
  filename: string;
  recordedKind: string;
  sniffedKind: string | null | undefined;
  reading: 'text' | 'no-text' | 'unreadable' | 'not-checked';
  problem?: string | null;
}

const ATTACHMENT_PROBLEMS: Record<string, string> = {
  'pdf-damaged': 'PDF 文件已损坏或格式不正确，无法打开。',
  'pdf-encrypted': 'PDF 文件设有打开密码，公众无法打开。',
  'docx-damaged': 'DOCX 文件已损坏或格式不正确，无法打开。',
};

/** Attachments that do not open block; a PDF without a text layer (a scan) is advice: its text cannot be checked. */
export function attachmentFindings(attachments: readonly AttachmentFacts[]): ItemCheckFinding[] {
  const found: Omit<ItemCheckFinding, 'key'>[] = [];
  for (const a of attachments) {
    const at = (rule: string, severity: CheckSeverity, message: string): Omit<ItemCheckFinding, 'key'> => ({
      ...metadata('attachment', rule, severity, message, a.filename),
      source: 'attachment',
      attachmentId: a.attachmentId,
      attachmentName: a.filename,
      field: null,
    });
    if (a.sniffedKind === undefined) found.push(at('attachment/missing', '确定', '附件文件缺失，无法打开，请重新上传。'));
    else if (a.sniffedKind !== a.recordedKind) found.push(at('attachment/type-mismatch', '确定', `附件内容与登记的文件类型不符（登记为 ${a.recordedKind.toUpperCase()}，实际为 ${a.sniffedKind?.toUpperCase() ?? '无法识别的格式'}），请重新上传。`));
    else if (a.reading === 'unreadable') found.push(at('attachment/unreadable', '确定', ATTACHMENT_PROBLEMS[a.problem ?? ''] ?? '附件无法打开，请重新上传。'));
    else if (a.reading === 'no-text' && a.recordedKind === 'pdf') found.push(at('attachment/no-text-layer', '提示', 'PDF 没有文字层（扫描件），无法检查其中的文字，也不便于检索和无障碍阅读；建议上传带文字的版本。'));
  }
  return keyed(found);
}

/** 条例 Art. 26: publishing on `publishOn` after the limit is recorded as late; it never blocks. */
export function timelinessFindings(t: (Timeliness & { limitWorkingDays: number }) | undefined, publishOn: LocalDate): ItemCheckFinding[] {
  if (!t || (t.status !== 'late' && t.status !== 'overdue')) return [];
  const message = `公开时限为成文后${t.limitWorkingDays}个工作日（${t.dueOn} 前），${publishOn} 发布将超期 ${t.lateByDays ?? 0} 天；仍应尽快发布，版本记录将标注“超期公开”。`;
  return keyed([{ ...metadata('writtenOn', 'timeliness/late', '提示', message), source: 'timeliness' }]);
}

/** A leader's recorded decision that some 确定 wording findings are right in context. */
export interface CheckOverride {
  id: string;
  findingKeys: readonly string[];
}

/** The gate's answer. */
export interface GateDecision {
  /** No 确定 finding is left uncovered. */
  canPublish: boolean;
  /** 确定 findings not covered by an override: they block. */
  blocking: ItemCheckFinding[];
  /** The blocking findings a leader may override (wording only). */
  overridable: ItemCheckFinding[];
  /** 确定 findings covered by an override, with the override that covered each. */
  overridden: (ItemCheckFinding & { overrideId: string })[];
  /** 疑似 and 提示: shown, never blocking. */
  advisory: ItemCheckFinding[];
}

/**
 * Decides whether the item may go public. An override covers exactly the findings it listed: a finding that
 * appears after it (a new word, a second occurrence) blocks again.
 */
export function decideGate(findings: readonly ItemCheckFinding[], overrides: readonly CheckOverride[]): GateDecision {
  const coveredBy = new Map<string, string>();
  for (const o of overrides) for (const key of o.findingKeys) if (!coveredBy.has(key)) coveredBy.set(key, o.id);
  const blocking: ItemCheckFinding[] = [];
  const overridden: GateDecision['overridden'] = [];
  const advisory: ItemCheckFinding[] = [];
  for (const f of findings) {
    const overrideId = f.isOverridable ? coveredBy.get(f.key) : undefined;
    if (f.severity !== '确定') advisory.push(f);
    else if (overrideId) overridden.push({ ...f, overrideId });
    else blocking.push(f);
  }
  return { canPublish: blocking.length === 0, blocking, overridable: blocking.filter((f) => f.isOverridable), overridden, advisory };
}

/** Why a leader's override is refused. */
export type OverrideRefusal = 'override-reason-required' | 'nothing-to-override';

/** The findings a leader's override would cover now, or why it cannot be made. */
export function overrideScope(decision: GateDecision, reason: string | null | undefined): { ok: true; findings: ItemCheckFinding[] } | { ok: false; reason: OverrideRefusal } {
  if (!hasText(reason) || reason.trim().length < 4) return { ok: false, reason: 'override-reason-required' };
  if (decision.overridable.length === 0) return { ok: false, reason: 'nothing-to-override' };
  return { ok: true, findings: decision.overridable };
}

/** The gate's own codes and their Chinese messages. */
export const PUBLICATION_GATE_MESSAGES = {
  'content-check-blocked': '内容检查发现“确定”问题，不能审核通过或发布。请修改下列问题；属于用词正确的特殊情形的，可由分管领导填写理由后放行。缺少元数据或附件无法打开的，必须修改后才能发布。',
  'override-reason-required': '放行须填写理由（至少4个字）。',
  'nothing-to-override': '当前没有可以放行的“确定”用词问题。',
  'override-not-allowed-in-state': '已撤回的信息不能放行。',
} as const;

/** Codes of the gate. */
export type PublicationGateCode = keyof typeof PUBLICATION_GATE_MESSAGES;
