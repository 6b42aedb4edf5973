/**
 * annual_reports rows ↔ stored reports. Figures, narrative and findings are JSON text on both databases, read back
 * into domain values here and nowhere else (STYLE.md §7).
 */
import type { Executor } from '../../../db/database.ts';
import type { AnnualReportRow } from '../../../db/schema.ts';
import type { ApplicationTable, ProactiveTable, ReportSection, ReviewTable } from '../domain/annual-report.ts';
import { NO_ENTERED_FIGURES, type EnteredFigures } from '../domain/entered-figures.ts';
import type { RuleFinding } from '../domain/rules.ts';

/** The three computed tables of a report. */
export interface ReportTables {
  proactive: ProactiveTable;
  applications: ApplicationTable;
  reviews: ReviewTable;
}

/** A record the office should correct before publishing (listRequestProblems), by the request's reference. */
export interface RecordProblem {
  reference: string;
  problem: string;
}

/** One organ's report for one year as stored. */
export interface StoredReport {
  id: string;
  organId: string;
  year: number;
  status: 'draft' | 'published';
  sections: ReportSection[];
  /** The last drafts generated, to tell which sections the office has edited. */
  drafts: ReportSection[];
  figures: EnteredFigures;
  tables: ReportTables;
  findings: RuleFinding[];
  problems: RecordProblem[];
  generatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  publishedItemId: string | null;
  /** When a 更正 of the published report was opened, and by whom; null when none is open. */
  correctionOpenedAt: string | null;
  correctionOpenedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function fromRow(r: AnnualReportRow): StoredReport {
  return {
    id: r.id,
    organId: r.organ_id,
    year: Number(r.year),
    status: r.status === 'published' ? 'published' : 'draft',
    sections: JSON.parse(r.sections_json),
    drafts: JSON.parse(r.drafts_json),
    figures: { ...NO_ENTERED_FIGURES, ...JSON.parse(r.figures_json) },
    tables: JSON.parse(r.tables_json),
    findings: JSON.parse(r.findings_json),
    problems: JSON.parse(r.problems_json),
    generatedAt: r.generated_at,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    publishedItemId: r.published_item_id,
    correctionOpenedAt: r.correction_opened_at ?? null,
    correctionOpenedBy: r.correction_opened_by ?? null,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(s: StoredReport): AnnualReportRow {
  return {
    id: s.id,
    organ_id: s.organId,
    year: s.year,
    status: s.status,
    sections_json: JSON.stringify(s.sections),
    drafts_json: JSON.stringify(s.drafts),
    figures_json: JSON.stringify(s.figures),
    tables_json: JSON.stringify(s.tables),
    findings_json: JSON.stringify(s.findings),
    problems_json: JSON.stringify(s.problems),
    generated_at: s.generatedAt,
    published_at: s.publishedAt,
    published_by: s.publishedBy,
    published_item_id: s.publishedItemId,
    correction_opened_at: s.correctionOpenedAt,
    correction_opened_by: s.correctionOpenedBy,
    version: s.version,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

/** Reads and writes annual_reports; pass the transaction inside one (SQLite has a single connection). */
export const annualReportRepository = {
  async find(db: Executor, organId: string, year: number): Promise<StoredReport | undefined> {
    const row = await db.selectFrom('annual_reports').selectAll().where('organ_id', '=', organId).where('year', '=', year).executeTakeFirst();
    return row && fromRow(row);
  },

  async listByOrgan(db: Executor, organId: string): Promise<StoredReport[]> {
    const rows = await db.selectFrom('annual_reports').selectAll().where('organ_id', '=', organId).orderBy('year', 'desc').execute();
    return rows.map(fromRow);
  },

  async insert(db: Executor, report: StoredReport): Promise<void> {
    await db.insertInto('annual_reports').values(toRow(report)).execute();
  },

  /** Writes `report` over the stored row if that row is still at `expectedVersion`; false when it is not. */
  async update(db: Executor, report: StoredReport, expectedVersion: number): Promise<boolean> {
    const { id, organ_id, year, created_at, ...changes } = toRow(report);
    const result = await db.updateTable('annual_reports').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
