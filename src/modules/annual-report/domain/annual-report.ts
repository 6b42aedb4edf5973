/**
 * The 年度报告 as figures: what 条例 Art. 50 items 一–三 require, in the tables of 国办公开办函〔2021〕30号, plus the
 * narrative sections. Computed reports and imported published ones share this shape, so rules R1–R7 check both.
 */
import {
  APPLICANT_KINDS,
  type ApplicantColumn,
  type ApplicantKind,
  type ApplicationRowKey,
  type OtherRowsLayout,
  type ReviewColumn,
  type ReviewKind,
} from './report-format.ts';

/** 本年制发件数, 本年废止件数, 现行有效件数 of 规章 or 行政规范性文件 (Art. 20 item 一). */
export interface DocumentCounts {
  issued: number;
  repealed: number;
  effective: number;
}

/** Table 二: documents (Art. 20 item 一), decisions (items 五, 六) and fees in 万元 (item 八). */
export interface ProactiveTable {
  regulation: DocumentCounts;
  normativeDocument: DocumentCounts;
  licensing: number;
  penalty: number;
  enforcement: number;
  feesWanYuan: number;
  /** Where the decision and fee figures come from when the office entered them (issue 5); not printed. */
  decisionsSource?: string | null;
}

/** One row of table 三: a count per applicant kind and the 总计 column (kept, not derived, so R4 can be checked). */
export type ApplicantCells = Readonly<Record<ApplicantColumn, number>>;

/** Table 三; rows absent from `rows` are printed as 0 (R7: an empty cell means 0). */
export interface ApplicationTable {
  layout: OtherRowsLayout;
  rows: Readonly<Partial<Record<ApplicationRowKey, ApplicantCells>>>;
}

/** One group of table 四; `total` is kept, not derived, so R5 can be checked. */
export type ReviewCells = Readonly<Record<ReviewColumn, number>>;

/** Table 四: 行政复议, 未经复议直接起诉, 复议后起诉. */
export type ReviewTable = Readonly<Record<ReviewKind, ReviewCells>>;

/** A narrative section under its official heading. */
export interface ReportSection {
  heading: string;
  text: string;
}

/** One organ's report for one calendar year (条例 Art. 49–50). */
export interface AnnualReport {
  organ: string;
  year: number;
  sections: readonly ReportSection[];
  proactive: ProactiveTable;
  applications: ApplicationTable;
  reviews: ReviewTable;
}

/** Counts per applicant kind; a missing kind is 0. */
export type ApplicantCounts = Readonly<Partial<Record<ApplicantKind, number>>>;

/** A table 三 row from counts per kind, with 总计 as their sum (R4 by construction). */
export function applicantCells(counts: ApplicantCounts = {}): ApplicantCells {
  const byKind = Object.fromEntries(APPLICANT_KINDS.map((k) => [k, counts[k] ?? 0])) as Record<ApplicantKind, number>;
  return { ...byKind, total: APPLICANT_KINDS.reduce((sum, k) => sum + byKind[k], 0) };
}

/** The cells of a row, zeros when the row is absent. */
export function rowCells(table: ApplicationTable, key: ApplicationRowKey): ApplicantCells {
  return table.rows[key] ?? applicantCells();
}

/** A table 四 group from its four result counts, with 总计 as their sum (R5 by construction). */
export function reviewCells(counts: Partial<Record<Exclude<ReviewColumn, 'total'>, number>> = {}): ReviewCells {
  const { upheld = 0, corrected = 0, other = 0, pending = 0 } = counts;
  return { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
}
