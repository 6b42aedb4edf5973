/**
 * Use cases of the 年度报告 (条例 Art. 49–50): generate from the records, edit the narrative and entered figures with
 * optimistic concurrency, check rules R1–R7, and publish into the 政府信息目录 as a 主动公开 item of genre
 * `annual-report`, so the portal's 信息公开年报 column lists it. Every change is audited in its transaction.
 */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { formatChineseDate, type LocalDate } from '../../kernel/local-date.ts';
import type { AuditAppend } from '../audit/index.ts';
import type { PublishingService } from '../catalogue/publishing-service.ts';
import { authorize } from '../identity/index.ts';
import type { ApplicationRecordSource } from './application-records.ts';
import type { AnnualReport, ReportSection } from './domain/annual-report.ts';
import { NO_ENTERED_FIGURES, validateEnteredFigures, type EnteredFigures } from './domain/entered-figures.ts';
import { mergeDrafts } from './domain/narrative.ts';
import { SECTION_HEADINGS } from './domain/report-format.ts';
import { toReportJson, type AnnualReportJson } from './domain/report-json.ts';
import { reportState, reportTransition, type CorrectionNotice, type ReportEvent } from './domain/report-correction.ts';
import { reportDocument, reportSummary, reportTitle, type ReportDocument } from './domain/report-layout.ts';
import { reportStanding, type ReportStanding } from './domain/report-schedule.ts';
import { isReportConsistent } from './domain/rules.ts';
import { reportBodyHtml } from './render/report-html.tsx';
import { asAnnualReport, compileReport, findingsFor, type ReportOrgan } from './report-compiler.ts';
import { ReportCorrectionService } from './report-correction-service.ts';
import { annualReportRepository as repo, type StoredReport } from './sql/annual-report-repository.ts';
import { reportEditionRepository as editions } from './sql/report-edition-repository.ts';

export interface AnnualReportDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
  items: PublishingService;
  records: ApplicationRecordSource;
}

/** What the office edits: narrative sections by heading and/or the entered figures. */
export interface ReportEdit {
  sections?: readonly ReportSection[];
  figures?: EnteredFigures;
}

/** One year in the console list. */
export interface ReportYear {
  year: number;
  status: 'draft' | 'published' | null;
  /** A 更正 of the published report is open (the portal still shows the last edition). */
  isCorrecting: boolean;
  dueOn: LocalDate;
  standing: ReportStanding;
  daysLeft: number;
  failedRules: number;
  version: number | null;
}

/** Longest narrative section the form accepts. */
export const MAX_SECTION_CHARS = 20_000;
/** 主题分类 of published reports: 综合政务 › 政务公开. */
const REPORT_TOPIC = 't02-01';

const auditActor = (a: Actor) => ({ id: a.id, name: a.displayName });
const summaryOf = (r: StoredReport) => ({ status: r.status, version: r.version, failedRules: r.findings.filter((f) => !f.ok).length });

export class AnnualReportService {
  /** 更正 of published reports: open, edit through generate/update, publish as a new edition, or cancel. */
  readonly corrections: ReportCorrectionService;

  constructor(private readonly deps: AnnualReportDeps) {
    this.corrections = new ReportCorrectionService(deps, this);
  }

  /** Whether 依申请公开 records are connected (false while the empty default source is wired). */
  get isConnected(): boolean {
    return this.deps.records.isConnected !== false;
  }

  /** The organ by 机构代码, or the main organ when no code is given. */
  async organ(code?: string | null): Promise<ReportOrgan> {
    let q = this.deps.db.selectFrom('organs').select(['id', 'code', 'name']);
    q = code ? q.where('code', '=', code) : q.where('is_main', '=', 1);
    const organ = await q.executeTakeFirst();
    if (!organ) throw new NotFound('unknown-organ');
    return organ;
  }

  async organById(id: string): Promise<ReportOrgan> {
    const organ = await this.deps.db.selectFrom('organs').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
    if (!organ) throw new NotFound('unknown-organ');
    return organ;
  }

  async find(actor: Actor, organ: ReportOrgan, year: number): Promise<StoredReport | undefined> {
    authorize(actor, 'report.read');
    return repo.find(this.deps.db, organ.id, year);
  }

  async get(actor: Actor, organ: ReportOrgan, year: number): Promise<StoredReport> {
    const report = await this.find(actor, organ, year);
    if (!report) throw new NotFound('annual-report-not-found');
    return report;
  }

  /** Stored reports and the year now due (last year), each with its 31 January due date (Art. 49) and standing. */
  async listYears(actor: Actor, organ: ReportOrgan): Promise<ReportYear[]> {
    authorize(actor, 'report.read');
    const today = this.deps.clock.today();
    const stored = await repo.listByOrgan(this.deps.db, organ.id);
    const years = new Set([Number(today.slice(0, 4)) - 1, ...stored.map((r) => r.year)]);
    return [...years]
      .sort((a, b) => b - a)
      .map((year) => {
        const r = stored.find((s) => s.year === year);
        const publishedOn = r?.publishedAt ? (r.publishedAt.slice(0, 10) as LocalDate) : null;
        return { year, status: r?.status ?? null, isCorrecting: r ? reportState(r) === 'correcting' : false, ...reportStanding({ year, status: r?.status ?? null, publishedOn, today }), failedRules: r ? r.findings.filter((f) => !f.ok).length : 0, version: r?.version ?? null };
      });
  }

  /**
   * The stored report, or — when none was generated yet — one computed from the current records and not saved
   * (`isSaved` false), so exports never write to the database.
   */
  async current(actor: Actor, organ: ReportOrgan, year: number): Promise<{ report: StoredReport; isSaved: boolean }> {
    const stored = await this.find(actor, organ, year);
    if (stored) return { report: stored, isSaved: true };
    assertYear(year, this.deps.clock.today());
    const compiled = await compileReport(this.deps.db, this.deps.records, organ, year, NO_ENTERED_FIGURES);
    const now = this.deps.clock.now().toISOString();
    const base = { year, sections: compiled.drafts, tables: compiled.tables };
    const findings = await findingsFor(this.deps.db, organ, asAnnualReport(base, organ.name), NO_ENTERED_FIGURES);
    const report: StoredReport = { ...base, id: '', organId: organ.id, status: 'draft', drafts: compiled.drafts, figures: NO_ENTERED_FIGURES, findings, problems: compiled.problems, generatedAt: now, publishedAt: null, publishedBy: null, publishedItemId: null, correctionOpenedAt: null, correctionOpenedBy: null, version: 0, createdAt: now, updatedAt: now };
    return { report, isSaved: false };
  }

  /** The report as the domain reads it (rules, JSON, layout). */
  annualReport(report: StoredReport, organ: ReportOrgan): AnnualReport {
    return asAnnualReport(report, organ.name);
  }

  /** The JSON of ANNUAL-REPORT-FORMAT.md §7. */
  async json(actor: Actor, organ: ReportOrgan, year: number): Promise<AnnualReportJson> {
    return toReportJson(this.annualReport(await this.get(actor, organ, year), organ));
  }

  /** The printed document, signed with the first publication date (or today for a draft), opening with its 更正说明. */
  document(report: Pick<StoredReport, 'year' | 'sections' | 'tables' | 'publishedAt'>, organ: ReportOrgan, corrections: readonly CorrectionNotice[] = []): ReportDocument {
    const signedOn = (report.publishedAt?.slice(0, 10) as LocalDate | undefined) ?? this.deps.clock.today();
    return reportDocument(asAnnualReport(report, organ.name), { signedOn: formatChineseDate(signedOn), corrections });
  }

  /**
   * Computes tables 二–四 from the records, drafts the narrative (keeping sections the office edited), lists record
   * problems and checks R1–R7. Creates the report on first call; a published report is not regenerated.
   */
  async generate(actor: Actor, organ: ReportOrgan, year: number, expectedVersion?: number): Promise<StoredReport> {
    authorize(actor, 'report.edit');
    assertYear(year, this.deps.clock.today());
    const existing = await repo.find(this.deps.db, organ.id, year);
    const figures = existing?.figures ?? NO_ENTERED_FIGURES;
    const compiled = await compileReport(this.deps.db, this.deps.records, organ, year, figures);
    const sections = existing ? mergeDrafts(existing.sections, existing.drafts, compiled.drafts) : compiled.drafts;
    const findings = await findingsFor(this.deps.db, organ, asAnnualReport({ year, sections, tables: compiled.tables }, organ.name), figures);
    const now = this.deps.clock.now().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.find(trx, organ.id, year);
      if (before) assertEditable(before, 'generate', expectedVersion);
      const after: StoredReport = {
        ...(before ?? { id: newId(), organId: organ.id, year, status: 'draft', figures, publishedAt: null, publishedBy: null, publishedItemId: null, correctionOpenedAt: null, correctionOpenedBy: null, version: 0, createdAt: now }),
        sections,
        drafts: compiled.drafts,
        tables: compiled.tables,
        findings,
        problems: compiled.problems,
        generatedAt: now,
        version: (before?.version ?? 0) + 1,
        updatedAt: now,
      };
      if (before) {
        if (!(await repo.update(trx, after, before.version))) throw new Conflict('stale-version');
      } else await repo.insert(trx, after);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'annual-report.generate', subjectType: 'annual-report', subjectId: after.id, before: before && summaryOf(before), after: { year, organId: organ.id, ...summaryOf(after) } });
      return after;
    });
  }

  /** Saves edited sections and/or entered figures at `expectedVersion`; new figures recompute the tables and rules. */
  async update(actor: Actor, organ: ReportOrgan, year: number, expectedVersion: number, edit: ReportEdit): Promise<StoredReport> {
    authorize(actor, 'report.edit');
    const current = await this.get(actor, organ, year);
    assertEditable(current, 'update', expectedVersion);
    const sections = edit.sections ? checkedSections(current.sections, edit.sections) : current.sections;
    let figures = current.figures;
    let tables = current.tables;
    let problems = current.problems;
    if (edit.figures) {
      const checked = validateEnteredFigures(edit.figures);
      if (!checked.ok) throw new InvalidInput(checked.errors ?? {});
      figures = checked.value;
      ({ tables, problems } = await compileReport(this.deps.db, this.deps.records, organ, year, figures));
    }
    const findings = await findingsFor(this.deps.db, organ, asAnnualReport({ year, sections, tables }, organ.name), figures);
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.find(trx, organ.id, year);
      if (!before) throw new NotFound('annual-report-not-found');
      assertEditable(before, 'update', expectedVersion);
      const after: StoredReport = { ...before, sections, figures, tables, problems, findings, version: before.version + 1, updatedAt: this.deps.clock.now().toISOString() };
      if (!(await repo.update(trx, after, before.version))) throw new Conflict('stale-version');
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'annual-report.update', subjectType: 'annual-report', subjectId: after.id, before: { figures: before.figures, sections: edit.sections ? before.sections : undefined }, after: { figures: after.figures, sections: edit.sections ? after.sections : undefined, ...summaryOf(after) } });
      return after;
    });
  }

  /**
   * Publishes a report whose rules all hold (R6 may be skipped): the HTML goes into the catalogue as a 主动公开 item of
   * genre 年度报告, published today, and the report is frozen. The catalogue import runs in its own transaction; if
   * the report changed meanwhile, the item is retracted again and the publication refused as stale.
   */
  async publish(actor: Actor, organ: ReportOrgan, year: number, expectedVersion: number): Promise<StoredReport> {
    authorize(actor, 'report.publish');
    const current = await this.get(actor, organ, year);
    assertEditable(current, 'publish', expectedVersion);
    const findings = await findingsFor(this.deps.db, organ, this.annualReport(current, organ), current.figures);
    if (!isReportConsistent(findings)) throw new Conflict('report-rules-failed', { failed: findings.filter((f) => !f.ok).map((f) => f.message) });
    const today = this.deps.clock.today();
    const publishedAt = this.deps.clock.now().toISOString();
    const doc = this.document({ ...current, publishedAt }, organ);
    const item = await this.deps.items.importItem(actor, {
      title: reportTitle(organ.name, year),
      organId: organ.id,
      writtenOn: today,
      topicCode: REPORT_TOPIC,
      genreCode: 'annual-report',
      summary: reportSummary(year),
      bodyHtml: reportBodyHtml(doc),
      disclosure: 'proactive',
      catalogueEntryId: await this.reportEntryId(organ),
    }, { publishedOn: today });
    try {
      return await this.deps.db.transaction().execute(async (trx) => {
        const before = await repo.find(trx, organ.id, year);
        if (!before || before.version !== expectedVersion || before.status !== 'draft') throw new Conflict('stale-version');
        const after: StoredReport = { ...before, findings, status: 'published', publishedAt, publishedBy: actor.displayName, publishedItemId: item.id, version: before.version + 1, updatedAt: publishedAt };
        if (!(await repo.update(trx, after, before.version))) throw new Conflict('stale-version');
        // The first edition of the report's history; each 更正 adds one (report-correction-service.ts).
        await editions.insert(trx, { id: newId(), reportId: after.id, editionNo: 1, itemId: item.id, itemEditionNo: item.currentEdition, publishedAt, publishedBy: actor.displayName, correctionNote: null, sections: after.sections, figures: after.figures, tables: after.tables, findings });
        await this.deps.audit(trx, { actor: auditActor(actor), action: 'annual-report.publish', subjectType: 'annual-report', subjectId: after.id, before: summaryOf(before), after: { ...summaryOf(after), itemId: item.id } });
        return after;
      });
    } catch (error) {
      await this.deps.items.apply(actor, item.id, 'retract', { reason: '年度报告发布未完成（报告已被他人修改），自动撤回' }).catch(() => undefined);
      throw error;
    }
  }

  /** The 基本目录 row for 年度报告 (政务公开工作年度报告 / 年报), when the organ's catalogue has one. */
  private async reportEntryId(organ: ReportOrgan): Promise<string | null> {
    const entries = await this.deps.db.selectFrom('catalogue_entries').select(['id', 'level2']).where('organ_id', '=', organ.id).orderBy('sort_order').execute();
    return entries.find((e) => /年度报告|年报/u.test(e.level2))?.id ?? null;
  }
}

/** A report for a year that has not begun makes no sense; 2008 is the first year under the 2007 条例. */
function assertYear(year: number, today: LocalDate): void {
  if (!Number.isInteger(year) || year < 2008 || year > Number(today.slice(0, 4))) throw new InvalidInput({ year: 'report-year-invalid' });
}

/** Refuses `event` unless the report's state allows it (domain/report-correction.ts), then a stale version. */
function assertEditable(report: StoredReport, event: ReportEvent, expectedVersion: number | undefined): void {
  const allowed = reportTransition(reportState(report), event);
  if (!allowed.ok) throw new Conflict(allowed.reason);
  if (expectedVersion !== undefined && report.version !== expectedVersion) throw new Conflict('stale-version');
}

/** Replaces the texts of the sections given, by official heading; unknown headings and overlong texts are refused. */
function checkedSections(current: readonly ReportSection[], edits: readonly ReportSection[]): ReportSection[] {
  const errors: Record<string, string> = {};
  edits.forEach((e, i) => {
    if (!(SECTION_HEADINGS as readonly string[]).includes(e.heading)) errors[`sections.${i}.heading`] = 'unknown-section';
    else if (e.text.length > MAX_SECTION_CHARS) errors[`sections.${i}.text`] = 'too-long';
  });
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return SECTION_HEADINGS.map((heading) => ({ heading, text: edits.find((e) => e.heading === heading)?.text ?? current.find((s) => s.heading === heading)?.text ?? '' }));
}
