/**
 * Rules R1–R7 of ANNUAL-REPORT-FORMAT.md §6: R1–R2 are printed in table 三 of 国办公开办函〔2021〕30号; R3–R5 follow
 * from its structure; R6 is a cross-year review point [U]; R7 is the cell form. Each finding names the cell(s) and
 * says why in Chinese. On import, failures are warnings, never rejections (the caller decides).
 */
import type { AnnualReport, ApplicantCells, ApplicationTable } from './annual-report.ts';
import { rowCells } from './annual-report.ts';
import { toReportJson, type ReportTable } from './report-json.ts';
import {
  APPLICANT_COLUMNS,
  APPLICANT_COLUMN_LABELS,
  APPLICANT_KINDS,
  APPLICATION_TABLE_CAPTION,
  FEES_COLUMN,
  REVIEW_COLUMN_LABELS,
  REVIEW_GROUP_PATHS,
  REVIEW_KINDS,
  REVIEW_TABLE_CAPTION,
  applicationRows,
  outcomeRowsOf,
  type ApplicantColumn,
  type ApplicationRowKey,
} from './report-format.ts';

/** The rule codes of ANNUAL-REPORT-FORMAT.md §6. */
export const RULE_CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const;

/** One rule code. */
export type RuleCode = (typeof RULE_CODES)[number];

/** What each rule requires, in Chinese, as shown beside the findings. */
export const RULE_TITLES: Readonly<Record<RuleCode, string>> = {
  R1: '表三每列：第一项加第二项之和，等于第三项（七）总计加第四项之和',
  R2: '表三：区分处理的申请只计入（二）部分公开，不计其他情形',
  R3: '表三每列：（七）总计等于（一）至（六）各项之和',
  R4: '表三每行：总计等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和',
  R5: '表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  R6: '表三每列：本年上年结转数等于上一年度报告的结转下年度继续办理数',
  R7: '每个单元格为非负整数（本年收费金额可为小数）',
};

/** A cell by its official table caption, row label and column label. */
export interface CellRef {
  table: string;
  row: string;
  column: string;
}

/** One finding: per rule, a single passing finding, or one failing finding per failing column, row or cell. */
export interface RuleFinding {
  rule: RuleCode;
  ok: boolean;
  cells: readonly CellRef[];
  message: string;
  /** R6 without last year's report: nothing to compare with. */
  skipped?: boolean;
}

type Failure = Omit<RuleFinding, 'rule' | 'ok'>;

const T3 = '表三';
const labelOf = (table: ApplicationTable, key: ApplicationRowKey) =>
  applicationRows(table.layout).find((r) => r.key === key)?.label ?? key;
const cell3 = (table: ApplicationTable, key: ApplicationRowKey, column: ApplicantColumn): CellRef => ({
  table: APPLICATION_TABLE_CAPTION,
  row: labelOf(table, key),
  column: APPLICANT_COLUMN_LABELS[column],
});
const col = (c: ApplicantColumn) => `${T3}“${APPLICANT_COLUMN_LABELS[c]}”列`;
const sumOutcomes = (t: ApplicationTable, c: ApplicantColumn) =>
  outcomeRowsOf(t.layout).reduce((sum, r) => sum + rowCells(t, r.key)[c], 0);

/** R1 (printed): 一 + 二 = 三（七）总计 + 四, per column. */
function r1(report: AnnualReport): Failure[] {
  const t = report.applications;
  const keys = ['received', 'brought-forward', 'results-total', 'carried-forward'] as const;
  return APPLICANT_COLUMNS.flatMap((c) => {
    const [a, b, s, d] = keys.map((k) => rowCells(t, k)[c]) as [number, number, number, number];
    if (a + b === s + d) return [];
    return [{
      cells: keys.map((k) => cell3(t, k, c)),
      message: `${col(c)}：一、本年新收（${a}）加二、上年结转（${b}）为${a + b}，不等于（七）总计（${s}）加四、结转下年度继续办理（${d}）之和${s + d}。`,
    }];
  });
}

/** R2 (printed): a partially disclosed application counts only under （二）; double counting shows as outcome rows exceeding （七）. */
function r2(report: AnnualReport): Failure[] {
  const t = report.applications;
  return APPLICANT_COLUMNS.flatMap((c) => {
    const partial = rowCells(t, 'partially-disclosed')[c];
    const excess = sumOutcomes(t, c) - rowCells(t, 'results-total')[c];
    if (partial <= 0 || excess <= 0) return [];
    return [{
      cells: [cell3(t, 'partially-disclosed', c), cell3(t, 'results-total', c)],
      message: `${col(c)}：（二）部分公开${partial}件，而（一）至（六）各项之和比（七）总计多${excess}件，部分公开的申请可能又计入了其他情形；区分处理的，只计（二）部分公开，不计其他情形。`,
    }];
  });
}

/** R3: （七）总计 = Σ（一）…（六）, per column, in the report's （六） layout. */
function r3(report: AnnualReport): Failure[] {
  const t = report.applications;
  return APPLICANT_COLUMNS.flatMap((c) => {
    const total = rowCells(t, 'results-total')[c];
    const sum = sumOutcomes(t, c);
    if (total === sum) return [];
    return [{ cells: [cell3(t, 'results-total', c)], message: `${col(c)}：（七）总计为${total}，但（一）至（六）各项之和为${sum}。` }];
  });
}

/** R4: 总计 = the six applicant columns, per row of table 三. */
function r4(report: AnnualReport): Failure[] {
  const t = report.applications;
  return applicationRows(t.layout).flatMap((r) => {
    const cells: ApplicantCells = rowCells(t, r.key);
    const sum = APPLICANT_KINDS.reduce((s, k) => s + cells[k], 0);
    if (cells.total === sum) return [];
    return [{ cells: [cell3(t, r.key, 'total')], message: `${T3}“${r.label}”行：总计为${cells.total}，但自然人至其他六列之和为${sum}。` }];
  });
}

/** R5: in each group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
function r5(report: AnnualReport): Failure[] {
  return REVIEW_KINDS.flatMap((kind) => {
    const g = report.reviews[kind];
    const sum = g.upheld + g.corrected + g.other + g.pending;
    if (g.total === sum) return [];
    const group = REVIEW_GROUP_PATHS[kind].join('/');
    return [{
      cells: [{ table: REVIEW_TABLE_CAPTION, row: '', column: `${group}/${REVIEW_COLUMN_LABELS.total}` }],
      message: `表四“${group}”：总计为${g.total}，但结果维持、结果纠正、其他结果、尚未审结之和为${sum}。`,
    }];
  });
}

/** R6 [U]: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. */
function r6(report: AnnualReport, previous: AnnualReport): Failure[] {
  if (previous.year !== report.year - 1) {
    return [{ cells: [], message: `用于核对的上一年度报告是${previous.year}年度的，应为${report.year - 1}年度。` }];
  }
  const t = report.applications;
  return APPLICANT_COLUMNS.flatMap((c) => {
    const now = rowCells(t, 'brought-forward')[c];
    const before = rowCells(previous.applications, 'carried-forward')[c];
    if (now === before) return [];
    return [{
      cells: [cell3(t, 'brought-forward', c)],
      message: `${col(c)}：二、上年结转政府信息公开申请数量为${now}，但${previous.year}年度报告的四、结转下年度继续办理为${before}。`,
    }];
  });
}

/** R7: every cell a non-negative integer, 本年收费金额（万元） a non-negative number. */
function r7(report: AnnualReport): Failure[] {
  const tables = Object.entries(toReportJson(report).tables) as [string, ReportTable][];
  return tables.flatMap(([table, t]) =>
    t.rows.flatMap((row) =>
      row.cells.flatMap((value, i) => {
        const column = t.columns[i] ?? '';
        const isDecimal = column === FEES_COLUMN;
        if (Number.isFinite(value) && value >= 0 && (isDecimal || Number.isInteger(value))) return [];
        const where = `${tableName(table)}${row.label ? `“${row.label}”行` : ''}“${column}”列`;
        return [{ cells: [{ table, row: row.label, column }], message: `${where}的值${value}不是${isDecimal ? '非负数' : '非负整数'}。` }];
      }),
    ),
  );
}

const tableName = (caption: string) =>
  caption === APPLICATION_TABLE_CAPTION ? T3 : caption === REVIEW_TABLE_CAPTION ? '表四' : `表二${caption}`;

const passed = (rule: RuleCode): RuleFinding => ({ rule, ok: true, cells: [], message: `${rule} 通过：${RULE_TITLES[rule]}。` });

/** Checks R1–R7 (R6 only with last year's report); one passing finding per rule that holds. */
export function checkReport(report: AnnualReport, previousYearReport?: AnnualReport | null): RuleFinding[] {
  const failures: [RuleCode, Failure[]][] = [
    ['R1', r1(report)],
    ['R2', r2(report)],
    ['R3', r3(report)],
    ['R4', r4(report)],
    ['R5', r5(report)],
    ['R6', previousYearReport ? r6(report, previousYearReport) : []],
    ['R7', r7(report)],
  ];
  return failures.flatMap(([rule, found]) => {
    if (rule === 'R6' && !previousYearReport) {
      return [{ rule, ok: true, skipped: true, cells: [], message: 'R6 未核对：没有上一年度报告的数据，请录入上一年度公布的报告。' }];
    }
    return found.length === 0 ? [passed(rule)] : found.map((f) => ({ rule, ok: false, ...f }));
  });
}

/** Whether every rule holds (skipped R6 counts as holding). */
export function isReportConsistent(findings: readonly RuleFinding[]): boolean {
  return findings.every((f) => f.ok);
}
