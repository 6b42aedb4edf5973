/**
 * 更正 of a published 年度报告. The office opens a correction, edits the figures or the narrative and regenerates as for
 * a draft (the portal keeps showing the published edition meanwhile), then publishes the correction with a mandatory
 * 更正说明: the report's catalogue item is revised and published again as a new edition through the catalogue's own
 * workflow (revise → edit → submit → approve → publish, each step audited there), the 更正说明 opens the printed report
 * and becomes the edition's change note, and the report keeps every published edition in annual_report_editions.
 */
import type { Actor } from '../../kernel/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { chinaDateOf, formatChineseDate } from '../../kernel/local-date.ts';
import { sanitizeBodyHtml } from '../catalogue/body-html.ts';
import type { ItemInput } from '../catalogue/item-service.ts';
import type { Item } from '../catalogue/sql/item-rows.ts';
import { authorize, can, systemActor } from '../identity/index.ts';
import type { AnnualReportDeps, AnnualReportService } from './annual-report-service.ts';
import { checkCorrectionNote, reportState, reportTransition, type CorrectionNotice, type ReportEvent } from './domain/report-correction.ts';
import { reportSummary } from './domain/report-layout.ts';
import { isReportConsistent } from './domain/rules.ts';
import { reportBodyHtml } from './render/report-html.tsx';
import { findingsFor, type ReportOrgan } from './report-compiler.ts';
import { annualReportRepository as repo, type StoredReport } from './sql/annual-report-repository.ts';
import { reportEditionRepository as editions, type ReportEdition } from './sql/report-edition-repository.ts';

const auditActor = (a: Actor) => ({ id: a.id, name: a.displayName });

/** The 更正说明 of the editions after the first, as the printed report states them. */
export function correctionNotices(list: readonly ReportEdition[]): CorrectionNotice[] {
  return list.filter((e) => e.correctionNote !== null).map((e) => ({ correctedOn: formatChineseDate(chinaDateOf(new Date(e.publishedAt))), note: e.correctionNote! }));
}

function assertState(report: StoredReport, event: ReportEvent, expectedVersion: number): void {
  const allowed = reportTransition(reportState(report), event);
  if (!allowed.ok) throw new Conflict(allowed.reason);
  if (report.version !== expectedVersion) throw new Conflict('stale-version');
}

export class ReportCorrectionService {
  constructor(
    private readonly deps: AnnualReportDeps,
    private readonly reports: AnnualReportService,
  ) {}

  /** Every published edition of the report, oldest first (empty for a draft). */
  async listEditions(actor: Actor, organ: ReportOrgan, year: number): Promise<ReportEdition[]> {
    const report = await this.reports.get(actor, organ, year);
    return editions.list(this.deps.db, report.id);
  }

  /** One published edition, as it was published. */
  async getEdition(actor: Actor, organ: ReportOrgan, year: number, editionNo: number): Promise<ReportEdition> {
    const report = await this.reports.get(actor, organ, year);
    const edition = await editions.find(this.deps.db, report.id, editionNo);
    if (!edition) throw new NotFound('report-edition-not-found');
    return edition;
  }

  /** The 更正说明 published so far, for the printed report. */
  async notices(reportId: string): Promise<CorrectionNotice[]> {
    return correctionNotices(await editions.list(this.deps.db, reportId));
  }

  /** Opens a 更正 of a published report: it becomes editable again; the portal keeps the published edition. */
  async open(actor: Actor, organ: ReportOrgan, year: number, expectedVersion: number): Promise<StoredReport> {
    authorize(actor, 'report.publish');
    return this.change(actor, organ, year, expectedVersion, 'openCorrection', (before, now) => ({ ...before, correctionOpenedAt: now, correctionOpenedBy: actor.displayName }));
  }

  /** Drops an open 更正: the report returns to its last published edition's figures and text. */
  async cancel(actor: Actor, organ: ReportOrgan, year: number, expectedVersion: number): Promise<StoredReport> {
    authorize(actor, 'report.publish');
    const report = await this.reports.get(actor, organ, year);
    const last = await editions.latest(this.deps.db, report.id);
    if (!last) throw new Conflict('report-not-published');
    return this.change(actor, organ, year, expectedVersion, 'cancelCorrection', (before) => ({ ...before, sections: last.sections, figures: last.figures, tables: last.tables, findings: last.findings, correctionOpenedAt: null, correctionOpenedBy: null }));
  }

  private async change(actor: Actor, organ: ReportOrgan, year: number, expectedVersion: number, event: 'openCorrection' | 'cancelCorrection', next: (before: StoredReport, now: string) => StoredReport): Promise<StoredReport> {
    const now = this.deps.clock.now().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.find(trx, organ.id, year);
      if (!before) throw new NotFound('annual-report-not-found');
      assertState(before, event, expectedVersion);
      const after: StoredReport = { ...next(before, now), version: before.version + 1, updatedAt: now };
      if (!(await repo.update(trx, after, before.version))) throw new Conflict('stale-version');
      const action = event === 'openCorrection' ? 'annual-report.open-correction' : 'annual-report.cancel-correction';
      await this.deps.audit(trx, { actor: auditActor(actor), action, subjectType: 'annual-report', subjectId: after.id, before: { version: before.version, state: reportState(before) }, after: { version: after.version, state: reportState(after) } });
      return after;
    });
  }

  /**
   * Publishes the open 更正 with its 更正说明 (required): rules R1–R7 must hold, the catalogue item gets a new edition
   * whose change note is the 更正说明, and the report records the edition. If the report was changed while the item
   * was being published, the edition is still recorded (it is what the public now sees), the correction stays open
   * with the newer changes, and `stale-version` is returned.
   */
  async publish(actor: Actor, organ: ReportOrgan, year: number, expectedVersion: number, correctionNote: string): Promise<StoredReport> {
    authorize(actor, 'report.publish');
    const note = checkCorrectionNote(correctionNote);
    if (!note.ok) throw new InvalidInput({ correctionNote: note.reason });
    const current = await this.reports.get(actor, organ, year);
    assertState(current, 'publishCorrection', expectedVersion);
    if (!current.publishedItemId) throw new Conflict('report-not-published');
    const findings = await findingsFor(this.deps.db, organ, this.reports.annualReport(current, organ), current.figures);
    if (!isReportConsistent(findings)) throw new Conflict('report-rules-failed', { failed: findings.filter((f) => !f.ok).map((f) => f.message) });
    const publishedAt = this.deps.clock.now().toISOString();
    const notices = [...(await this.notices(current.id)), { correctedOn: formatChineseDate(this.deps.clock.today()), note: note.value }];
    const doc = this.reports.document(current, organ, notices);
    const item = await this.publishItemEdition(actor, current.publishedItemId, { bodyHtml: reportBodyHtml(doc), summary: reportSummary(year, notices.map((n) => n.correctedOn)) }, `更正：${note.value}`);
    const { after, isCurrent } = await this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.find(trx, organ.id, year);
      if (!before) throw new NotFound('annual-report-not-found');
      const editionNo = ((await editions.latest(trx, before.id))?.editionNo ?? 0) + 1;
      await editions.insert(trx, { id: newId(), reportId: before.id, editionNo, itemId: item.id, itemEditionNo: item.currentEdition, publishedAt, publishedBy: actor.displayName, correctionNote: note.value, sections: current.sections, figures: current.figures, tables: current.tables, findings });
      const isCurrent = before.version === expectedVersion && reportState(before) === 'correcting';
      const after: StoredReport = isCurrent ? { ...before, findings, correctionOpenedAt: null, correctionOpenedBy: null, version: before.version + 1, updatedAt: publishedAt } : before;
      if (isCurrent && !(await repo.update(trx, after, before.version))) throw new Conflict('stale-version');
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'annual-report.publish-correction', subjectType: 'annual-report', subjectId: before.id, before: { version: before.version, state: reportState(before) }, after: { version: after.version, state: reportState(after), editionNo, itemId: item.id, itemEditionNo: item.currentEdition, correctionNote: note.value } });
      return { after, isCurrent };
    });
    if (!isCurrent) throw new Conflict('stale-version');
    return after;
  }

  /**
   * Takes the report's catalogue item through revise → edit → submit → approve → publish from whatever state an
   * earlier, interrupted attempt left it in, so a refusal on the way (a content check, say) can be fixed and retried.
   * The office publishes reports under `report.publish` (as the first publication imports the item already approved):
   * an actor who cannot approve catalogue items has the approval recorded by a system actor that names them.
   */
  private async publishItemEdition(actor: Actor, itemId: string, content: { bodyHtml: string; summary: string }, changeNote: string): Promise<Item> {
    const items = this.deps.items;
    const reviewer = can(actor.role, 'item.approve') ? actor : systemActor(`${actor.displayName}（年度报告更正）`);
    let item = await items.get(itemId);
    if (item.state === 'retracted') throw new Conflict('report-item-retracted');
    if (item.state === 'scheduled') item = await items.apply(actor, itemId, 'unschedule', { expectedVersion: item.version });
    const isUpToDate = item.bodyHtml === sanitizeBodyHtml(content.bodyHtml) && item.summary === content.summary;
    if (item.state === 'published') item = await items.apply(actor, itemId, 'revise', { expectedVersion: item.version });
    else if ((item.state === 'submitted' || item.state === 'approved') && !isUpToDate) item = await items.apply(reviewer, itemId, 'return', { expectedVersion: item.version, reason: '年度报告更正内容已修改，重新提交' });
    if (item.state === 'draft') {
      item = await items.update(actor, itemId, item.version, itemInput(item, content));
      item = await items.apply(actor, itemId, 'submit', { expectedVersion: item.version });
    }
    if (item.state === 'submitted') item = await items.apply(reviewer, itemId, 'approve', { expectedVersion: item.version, note: `年度报告更正：由${actor.displayName}依年度报告公布权限审查后发布` });
    return items.apply(actor, itemId, 'publish', { expectedVersion: item.version, changeNote });
  }
}

/** The item's own metadata with the corrected body and 内容概述; 成文日期 and 索引号 stay those of the report. */
function itemInput(item: Item, content: { bodyHtml: string; summary: string }): ItemInput {
  return {
    title: item.title,
    jointIssuers: item.jointIssuers,
    documentNumber: item.documentNumber,
    writtenOn: item.writtenOn,
    topicCode: item.topicCode,
    genreCode: item.genreCode,
    summary: content.summary,
    bodyHtml: content.bodyHtml,
    disclosure: item.disclosure,
    catalogueEntryId: item.catalogueEntryId,
    unitId: item.unitId,
  };
}
