/**
 * annual_report_editions rows ↔ report editions: what was published at each publication of a 年度报告 (the first, then
 * one per 更正 with its 更正说明). Append-only: editions are inserted, never changed.
 */
import type { Executor } from '../../../db/database.ts';
import type { AnnualReportEditionRow } from '../../../db/schema.ts';
import type { ReportSection } from '../domain/annual-report.ts';
import { NO_ENTERED_FIGURES, type EnteredFigures } from '../domain/entered-figures.ts';
import type { RuleFinding } from '../domain/rules.ts';
import type { ReportTables } from './annual-report-repository.ts';

/** One published edition of a report, as it was published. */
export interface ReportEdition {
  id: string;
  reportId: string;
  editionNo: number;
  /** The catalogue item and its edition that carried this publication to the portal. */
  itemId: string | null;
  itemEditionNo: number | null;
  publishedAt: string;
  publishedBy: string;
  /** 更正说明; null for the first edition. */
  correctionNote: string | null;
  sections: ReportSection[];
  figures: EnteredFigures;
  tables: ReportTables;
  findings: RuleFinding[];
}

function fromRow(r: AnnualReportEditionRow): ReportEdition {
  return {
    id: r.id,
    reportId: r.report_id,
    editionNo: Number(r.edition_no),
    itemId: r.item_id,
    itemEditionNo: r.item_edition_no === null ? null : Number(r.item_edition_no),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    correctionNote: r.correction_note,
    sections: JSON.parse(r.sections_json),
    figures: { ...NO_ENTERED_FIGURES, ...JSON.parse(r.figures_json) },
    tables: JSON.parse(r.tables_json),
    findings: JSON.parse(r.findings_json),
  };
}

function toRow(e: ReportEdition): AnnualReportEditionRow {
  return {
    id: e.id,
    report_id: e.reportId,
    edition_no: e.editionNo,
    item_id: e.itemId,
    item_edition_no: e.itemEditionNo,
    published_at: e.publishedAt,
    published_by: e.publishedBy,
    correction_note: e.correctionNote,
    sections_json: JSON.stringify(e.sections),
    figures_json: JSON.stringify(e.figures),
    tables_json: JSON.stringify(e.tables),
    findings_json: JSON.stringify(e.findings),
  };
}

/** Reads and appends editions; pass the transaction inside one. */
export const reportEditionRepository = {
  /** Every edition of a report, oldest first. */
  async list(db: Executor, reportId: string): Promise<ReportEdition[]> {
    const rows = await db.selectFrom('annual_report_editions').selectAll().where('report_id', '=', reportId).orderBy('edition_no').execute();
    return rows.map(fromRow);
  },

  async find(db: Executor, reportId: string, editionNo: number): Promise<ReportEdition | undefined> {
    const row = await db.selectFrom('annual_report_editions').selectAll().where('report_id', '=', reportId).where('edition_no', '=', editionNo).executeTakeFirst();
    return row && fromRow(row);
  },

  async latest(db: Executor, reportId: string): Promise<ReportEdition | undefined> {
    const row = await db.selectFrom('annual_report_editions').selectAll().where('report_id', '=', reportId).orderBy('edition_no', 'desc').limit(1).executeTakeFirst();
    return row && fromRow(row);
  },

  async insert(db: Executor, edition: ReportEdition): Promise<void> {
    await db.insertInto('annual_report_editions').values(toRow(edition)).execute();
  },
};
