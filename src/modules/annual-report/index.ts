/** 年度报告 (条例 Art. 49–50, 国办公开办函〔2021〕30号): the module's public surface; other modules import only from here. */

/** The report's figures and narrative sections, as computed or imported. */
export type {
  AnnualReport,
  ApplicantCells,
  ApplicantCounts,
  ApplicationTable,
  DocumentCounts,
  ProactiveTable,
  ReportSection,
  ReviewCells,
  ReviewTable,
} from './domain/annual-report.ts';
/** The 2021 national format as data: headings, captions, official row and column labels, printed headers. */
export {
  APPLICANT_COLUMN_LABELS,
  APPLICANT_KINDS,
  REPORT_FORMAT,
  REVIEW_KINDS,
  SECTION_HEADINGS,
  applicationRows,
  type ApplicantKind,
  type OtherRowsLayout,
  type ReviewKind,
} from './domain/report-format.ts';
/** Outcome code → table 三 row (REFERENCE.md §3.11), replaceable as configuration. */
export { DEFAULT_OUTCOME_ROWS, OUTCOME_CODES, isOutcomeCode, type OutcomeCode, type OutcomeRowMapping } from './domain/outcome-rows.ts';
/** Tables 二, 三 and 四 from the records (条例 Art. 50 items 一–三). */
export {
  computeApplicationTable,
  computeProactiveTable,
  computeReviewTable,
  listRequestProblems,
  type CatalogueDocument,
  type DecisionFigures,
  type RequestRecord,
  type ReviewRecord,
  type ReviewYearRule,
} from './domain/compute-tables.ts';
/** Rules R1–R7 with Chinese findings naming the cells. */
export { RULE_CODES, RULE_TITLES, checkReport, isReportConsistent, type CellRef, type RuleCode, type RuleFinding } from './domain/rules.ts';
/** The JSON shape of ANNUAL-REPORT-FORMAT.md §7, and import of a published report. */
export { fromReportJson, toReportJson, type AnnualReportJson, type ImportRefusal, type ReportTable } from './domain/report-json.ts';
/** The 依申请公开 records the report and the self-inspection read; the foi-requests module implements this. */
export { emptyApplicationRecordSource, type ApplicationRecord, type ApplicationRecordSource } from './application-records.ts';
/** Wiring: the report and self-inspection services with the default indicators. */
export { createAnnualReportModule, type AnnualReportModuleDeps } from './annual-report-module.ts';
/** Use cases of the report (generate, edit, publish) and of the self-inspection (weights, scores, remarks). */
export { AnnualReportService, type ReportEdit, type ReportYear } from './annual-report-service.ts';
export { InspectionService, type EffectivePlan, type Inspection } from './inspection/inspection-service.ts';
/** The plug-in point: other modules register their indicators with `services.inspection.registerIndicator`. */
export { MAX_EVIDENCE_LINES, measuredOn, withRemainder, type IndicatorDefinition } from './inspection/indicator-registry.ts';
export { shareText, type IndicatorResult } from './domain/inspection.ts';
/** Figures the office enters (decisions with source, last year's 结转, 信息处理费). */
export { NO_ENTERED_FIGURES, type EnteredFigures } from './domain/entered-figures.ts';
/** 条例 Art. 49 due date and standing. */
export { reportDueOn, reportStanding, STANDING_LABELS, type ReportStanding } from './domain/report-schedule.ts';
/** Console pages and /api/v1 routes, and the Chinese messages of the module's codes. */
export { annualReportRoutes } from './web/annual-report-routes.ts';
export { ANNUAL_REPORT_MESSAGES } from './web/annual-report-messages.ts';
/** `gongkai report annual`. */
export { runAnnualReportCommand } from './cli/report-command.ts';
