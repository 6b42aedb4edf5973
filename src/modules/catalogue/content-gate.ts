import type { Executor } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import { Conflict } from '../../kernel/errors.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import { ATTACHMENT_READER, checkText, DEFAULT_RULE_SET, readAttachmentText, type RuleSet } from '../content-checks/index.ts';
import type { BlobStore } from './attachments/blob-store.ts';
import { sniffFileType } from './attachments/file-type.ts';
import { bodyText } from './body-html.ts';
import {
  attachmentFindings,
  decideGate,
  metadataFindings,
  textFindings,
  timelinessFindings,
  type GateDecision,
  type InterpretationStatus,
  type ItemCheckFinding,
} from './domain/publication-gate.ts';
import { assessTimeliness, publicationLimitWorkingDays, type Timeliness, type WorkingDays } from './domain/timeliness.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { catalogueEntryRepository } from './sql/catalogue-entry-repository.ts';
import { checkRepository, type AttachmentText, type CheckOverrideRecord } from './sql/check-repository.ts';
import { itemRepository, type Attachment } from './sql/item-repository.ts';
import type { Item } from './sql/item-rows.ts';

/** What the gate needs; `blobs` and `calendar` are optional so a bare catalogue (bench, some tests) still runs. */
export interface ContentGateDeps {
  db: Executor;
  clock: Clock;
  settings: SettingsService;
  blobs?: BlobStore;
  calendar?: () => WorkingDays;
  /** The office's rule set; the built-in one until per-office rules are stored. */
  ruleSet?: () => RuleSet;
  /**
   * Extension point for the policy module (解读 links, not built yet): whether a 行政规范性文件 has its 解读.
   * Without it every item is 'unknown' and no 解读 finding is made.
   */
  interpretationOf?: (db: Executor, itemId: string | null) => Promise<InterpretationStatus>;
}

/** The fields of an item (or an import draft) the gate looks at. */
export type GateSubject = Pick<Item, 'title' | 'organId' | 'writtenOn' | 'topicCode' | 'genreCode' | 'documentNumber' | 'summary' | 'bodyHtml' | 'catalogueEntryId' | 'publishedOn'> & { id: string | null };

/** Every finding about an item now, the override records, and what the gate decides. */
export interface ItemChecks {
  findings: ItemCheckFinding[];
  decision: GateDecision;
  overrides: CheckOverrideRecord[];
  /** The date the timeliness was judged for: the publication date it has or would have. */
  publishOn: LocalDate;
  timeliness?: Timeliness & { limitWorkingDays: number };
}

/** Refusal of approve/schedule/publish/import while 确定 findings stand; the findings travel with it. */
export class ContentCheckBlocked extends Conflict {
  constructor(readonly blocking: readonly ItemCheckFinding[]) {
    super('content-check-blocked', { findings: blocking });
    // Logs and job records name the rules, never the text (which may not be public yet).
    this.message = `content-check-blocked: ${[...new Set(blocking.map((f) => f.rule))].join(', ')}`;
  }
}

const KIND_OF_MEDIA_TYPE: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/ofd': 'ofd',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Runs the publication gate: the content checker over the title, 内容概述, body and attachment texts, the
 * metadata and attachment rules, the Art. 26 deadline, and the leaders' overrides (domain/publication-gate.ts).
 *
 * The working copy's findings are recomputed whenever asked (on the item page, after every save, inside the
 * transaction of every gated event) rather than stored: checking a text takes milliseconds, the office's rules
 * may change between save and publication, and a stored list could go stale. What is slow, reading a PDF, is
 * stored once per file content (`attachment_texts`, keyed by SHA-256). What was true at publication (findings,
 * overrides, lateness) is stored with the edition (`item_edition_checks`).
 */
export class ContentGate {
  constructor(private readonly deps: ContentGateDeps) {}

  /** Reads and stores the text of the item's attachments not read yet. Call outside a transaction: PDFs are slow. */
  async readAttachments(itemId: string): Promise<void> {
    const attachments = await itemRepository.listAttachments(this.deps.db, itemId);
    const known = await checkRepository.findTexts(this.deps.db, attachments.map((a) => a.sha256));
    for (const a of attachments) if (!known.has(a.sha256)) await this.readFile(this.deps.db, a.sha256);
  }

  /** Reads one stored file (by SHA-256) and stores its reading; undefined when the file is missing. */
  async readFile(db: Executor, sha256: string, bytes?: Uint8Array): Promise<AttachmentText | undefined> {
    const content = bytes ?? (this.deps.blobs?.has(sha256) ? await this.deps.blobs.read(sha256) : undefined);
    if (!content) return undefined;
    const kind = sniffFileType(content)?.kind ?? 'unknown';
    const reading = await readAttachmentText(kind, content);
    const text: AttachmentText = {
      sha256,
      kind,
      status: reading.status,
      problem: reading.status === 'unreadable' ? reading.problem : null,
      text: reading.status === 'text' ? reading.text : '',
      reader: ATTACHMENT_READER,
      readAt: this.deps.clock.now().toISOString(),
    };
    await checkRepository.saveText(db, text);
    return text;
  }

  /** The gate on an item as it stands; inside a transaction pass the transaction as `db`. */
  async assess(db: Executor, item: Item, publishOn: LocalDate): Promise<ItemChecks> {
    const attachments = await itemRepository.listAttachments(db, item.id);
    const overrides = await checkRepository.listOverrides(db, item.id);
    return this.assessSubject(db, item, attachments, overrides, publishOn);
  }

  /** The gate on a subject with its attachments and overrides. */
  async assessSubject(db: Executor, subject: GateSubject, attachments: readonly Attachment[], overrides: CheckOverrideRecord[], publishOn: LocalDate): Promise<ItemChecks> {
    const ruleSet = this.deps.ruleSet?.() ?? DEFAULT_RULE_SET;
    const context = { writtenOn: subject.writtenOn, publishedOn: publishOn };
    const check = (where: Parameters<typeof textFindings>[0], text: string) => textFindings(where, text, checkText(text, ruleSet, context));
    const none = { attachmentId: null, attachmentName: null, field: null };
    const body = bodyText(subject.bodyHtml);
    const findings = [...check({ source: 'title', ...none }, subject.title), ...check({ source: 'summary', ...none }, subject.summary), ...check({ source: 'body', ...none }, body)];
    const texts = await checkRepository.findTexts(db, attachments.map((a) => a.sha256));
    const facts = [];
    for (const a of attachments) {
      const reading = texts.get(a.sha256) ?? (await this.readFile(db, a.sha256));
      const isPresent = reading !== undefined && (this.deps.blobs?.has(a.sha256) ?? true);
      facts.push({ attachmentId: a.id, filename: a.filename, recordedKind: KIND_OF_MEDIA_TYPE[a.mediaType] ?? a.mediaType, sniffedKind: isPresent ? reading.kind : undefined, reading: reading?.status ?? 'not-checked', problem: reading?.problem ?? null });
      if (isPresent && reading.status === 'text') findings.push(...check({ source: 'attachment', attachmentId: a.id, attachmentName: a.filename, field: null }, reading.text));
    }
    const interpretation = subject.genreCode === 'normative-document' && this.deps.interpretationOf ? await this.deps.interpretationOf(db, subject.id) : 'unknown';
    findings.push(
      ...metadataFindings({ title: subject.title, organId: subject.organId, writtenOn: subject.writtenOn, topicCode: subject.topicCode, genreCode: subject.genreCode, documentNumber: subject.documentNumber, summary: subject.summary, bodyText: body, attachmentCount: attachments.length, interpretation }),
      ...attachmentFindings(facts),
    );
    const timeliness = await this.timeliness(db, subject, publishOn);
    findings.push(...timelinessFindings(timeliness, publishOn));
    return { findings, decision: decideGate(findings, overrides), overrides, publishOn, ...(timeliness ? { timeliness } : {}) };
  }

  /** Art. 26 judged as if published on `publishOn`, with the 基本目录 row's limit (or the default). */
  private async timeliness(db: Executor, subject: GateSubject, publishOn: LocalDate): Promise<(Timeliness & { limitWorkingDays: number }) | undefined> {
    const calendar = this.deps.calendar?.();
    if (!calendar || !subject.writtenOn) return undefined;
    const entry = subject.catalogueEntryId ? await catalogueEntryRepository.findById(db, subject.catalogueEntryId) : undefined;
    const limitWorkingDays = publicationLimitWorkingDays(entry?.timeLimitWorkingDays ?? (await this.deps.settings.get(db)).defaultPublicationLimitWorkingDays);
    return { ...assessTimeliness({ writtenOn: subject.writtenOn, publishedOn: publishOn, limitWorkingDays, today: publishOn }, calendar), limitWorkingDays };
  }
}
