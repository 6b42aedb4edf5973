/**
 * Gathers the records of one organ and year and computes what a report holds: tables 二, 三, 四 (compute-tables.ts),
 * drafts of sections 一–六 (narrative.ts), the record problems to correct, and the rule findings R1–R7 (rules.ts).
 * Reads only; runs before the use case opens its transaction (SQLite has a single connection).
 */
import type { Db } from '../../db/database.ts';
import type { ApplicationRecordSource } from './application-records.ts';
import { applicantCells, reviewCells, type AnnualReport, type ReportSection } from './domain/annual-report.ts';
import { computeApplicationTable, computeProactiveTable, computeReviewTable, listRequestProblems } from './domain/compute-tables.ts';
import type { EnteredFigures } from './domain/entered-figures.ts';
import { draftSections } from './domain/narrative.ts';
import { REVIEW_KINDS } from './domain/report-format.ts';
import { checkReport, type RuleFinding } from './domain/rules.ts';
import { annualReportRepository as repo, type RecordProblem, type ReportTables, type StoredReport } from './sql/annual-report-repository.ts';
import { catalogueRecords } from './sql/catalogue-records.ts';

/** The organ a report is for. */
export interface ReportOrgan {
  id: string;
  code: string;
  name: string;
}

/** Everything generate/update store, computed from the records and the entered figures. */
export interface CompiledReport {
  tables: ReportTables;
  drafts: ReportSection[];
  problems: RecordProblem[];
}

const PROBLEM_LABELS: Record<string, string> = {
  'decided-without-outcome': '有答复日期但未登记办理结果（按未办结统计）',
  'outcome-without-decision-date': '有办理结果但未登记答复日期（按未办结统计）',
  'closed-before-received': '办结日期早于收到日期（按收到当日办结统计）',
  'unknown-outcome': '办理结果代码无法识别（计入（六）3.其他）',
  'unknown-applicant-kind': '申请人类型无法识别（计入“其他”列）',
};

/** The stored report as the domain's AnnualReport (what the rules, JSON and layout read). */
export function asAnnualReport(stored: Pick<StoredReport, 'year' | 'sections' | 'tables'>, organName: string): AnnualReport {
  return { organ: organName, year: stored.year, sections: stored.sections, ...stored.tables };
}

/** Last year's figures for R6: the platform's own report for year − 1, else the office's entered 结转下年度, else none. */
export async function previousYearReport(db: Db, organ: ReportOrgan, year: number, figures: EnteredFigures): Promise<AnnualReport | null> {
  const stored = await repo.find(db, organ.id, year - 1);
  if (stored) return asAnnualReport(stored, organ.name);
  if (!figures.previousCarriedForward) return null;
  const zeroReviews = Object.fromEntries(REVIEW_KINDS.map((k) => [k, reviewCells()])) as AnnualReport['reviews'];
  const zeroDocs = { issued: 0, repealed: 0, effective: 0 };
  return {
    organ: organ.name,
    year: year - 1,
    sections: [],
    proactive: { regulation: zeroDocs, normativeDocument: zeroDocs, licensing: 0, penalty: 0, enforcement: 0, feesWanYuan: 0 },
    applications: { layout: 'split', rows: { 'carried-forward': applicantCells(figures.previousCarriedForward) } },
    reviews: zeroReviews,
  };
}

/** Rules R1–R7 on a report, with last year's figures when there are any. */
export async function findingsFor(db: Db, organ: ReportOrgan, report: AnnualReport, figures: EnteredFigures): Promise<RuleFinding[]> {
  return checkReport(report, await previousYearReport(db, organ, report.year, figures));
}

/** Computes tables, drafts and problems from the records of `organ` for `year`. */
export async function compileReport(db: Db, records: ApplicationRecordSource, organ: ReportOrgan, year: number, figures: EnteredFigures): Promise<CompiledReport> {
  const [documents, itemsPublished, coverage, requests, reviews, recordedFee] = await Promise.all([
    catalogueRecords.documents(db, organ.id, year),
    catalogueRecords.countPublished(db, organ.id, year),
    catalogueRecords.coverage(db, organ.id, year),
    records.requestRecords(organ.id, year),
    records.reviewRecords(organ.id, year),
    records.processingFeesYuan ? records.processingFeesYuan(organ.id, year) : Promise.resolve(0),
  ]);
  const proactive = computeProactiveTable({
    year,
    items: documents,
    decisions: { licensing: figures.licensing, penalty: figures.penalty, enforcement: figures.enforcement, feesWanYuan: figures.feesWanYuan, source: figures.decisionsSource },
  });
  const applications = computeApplicationTable({ year, requests, previousYearCarryOver: figures.previousCarriedForward });
  const reviewTable = computeReviewTable({ year, reviews });
  const facts = {
    organ: organ.name,
    year,
    itemsPublished,
    catalogueEntries: coverage.length,
    catalogueEntriesCovered: coverage.filter((c) => c.itemsInYear > 0).length,
    processingFeeYuan: figures.processingFeeYuan ?? recordedFee,
  };
  const problems = listRequestProblems(requests).map((p) => ({ reference: requests[p.index]?.reference ?? `第${p.index + 1}条`, problem: PROBLEM_LABELS[p.problem] ?? p.problem }));
  return { tables: { proactive, applications, reviews: reviewTable }, drafts: draftSections(facts, proactive, applications, reviewTable), problems };
}
