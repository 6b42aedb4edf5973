/**
 * The report as the platform's JSON (ANNUAL-REPORT-FORMAT.md §7): tables keyed by official caption, columns and rows
 * by official label, so other systems read a 国办公开办函〔2021〕30号 report by its printed labels (条例 Art. 49–50).
 * `fromReportJson` reads a previous year's published figures back; rule failures are left to checkReport (warnings).
 */
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type {
  AnnualReport,
  ApplicantCells,
  ApplicationTable,
  DocumentCounts,
  ProactiveTable,
  ReviewCells,
  ReviewTable,
} from './annual-report.ts';
import { rowCells } from './annual-report.ts';
import {
  APPLICANT_COLUMNS,
  APPLICANT_COLUMN_LABELS,
  APPLICATION_TABLE_CAPTION,
  PROACTIVE_BLOCKS,
  REPORT_FORMAT,
  REVIEW_COLUMNS,
  REVIEW_KINDS,
  REVIEW_TABLE_CAPTION,
  REVIEW_TABLE_COLUMNS,
  SPLIT_OTHER_ROW_KEYS,
  applicationRows,
  type ApplicationRowKey,
  type OtherRowsLayout,
  type ProactiveBlock,
  type ProactiveRowKey,
  type ReviewKind,
} from './report-format.ts';

/** One report table, readable by its official labels. */
export interface ReportTable {
  columns: string[];
  rows: { section: string | null; label: string; cells: number[] }[];
}

/** The six tables of a report, keyed by official caption; the four blocks of 二 are separate tables. */
export interface ReportTables {
  '第二十条第（一）项': ReportTable;
  '第二十条第（五）项': ReportTable;
  '第二十条第（六）项': ReportTable;
  '第二十条第（八）项': ReportTable;
  '三、收到和处理政府信息公开申请情况': ReportTable;
  '四、政府信息公开行政复议、行政诉讼情况': ReportTable;
}

/** The JSON shape of ANNUAL-REPORT-FORMAT.md §7 (its `AnnualReport` interface). */
export interface AnnualReportJson {
  format: typeof REPORT_FORMAT;
  organ: string;
  year: number;
  sections: { heading: string; text: string }[];
  tables: ReportTables;
}

function proactiveCells(p: ProactiveTable, key: ProactiveRowKey): number[] {
  const docs = (d: DocumentCounts) => [d.issued, d.repealed, d.effective];
  const cells: Record<ProactiveRowKey, number[]> = {
    regulation: docs(p.regulation),
    'normative-document': docs(p.normativeDocument),
    licensing: [p.licensing],
    penalty: [p.penalty],
    enforcement: [p.enforcement],
    fees: [p.feesWanYuan],
  };
  return cells[key];
}

const blockTable = (block: ProactiveBlock, p: ProactiveTable): ReportTable => ({
  columns: [...block.columns],
  rows: block.rows.map((r) => ({ section: null, label: r.label, cells: proactiveCells(p, r.key) })),
});

/** Table 三 as JSON, in the table's own layout (an imported single （六） row stays single). */
export function applicationTableJson(table: ApplicationTable): ReportTable {
  return {
    columns: APPLICANT_COLUMNS.map((c) => APPLICANT_COLUMN_LABELS[c]),
    rows: applicationRows(table.layout).map((r) => ({
      section: r.section,
      label: r.label,
      cells: APPLICANT_COLUMNS.map((c) => rowCells(table, r.key)[c]),
    })),
  };
}

/** Table 四 as JSON: 15 columns, one row labelled "". */
export function reviewTableJson(table: ReviewTable): ReportTable {
  const cells = REVIEW_KINDS.flatMap((kind) => REVIEW_COLUMNS.map((c) => table[kind][c]));
  return { columns: [...REVIEW_TABLE_COLUMNS], rows: [{ section: null, label: '', cells }] };
}

/** The report as the JSON served by `GET /api/v1/annual-reports/{year}` (ANNUAL-REPORT-FORMAT.md §7). */
export function toReportJson(report: AnnualReport): AnnualReportJson {
  const [item1, item5, item6, item8] = PROACTIVE_BLOCKS as [ProactiveBlock, ProactiveBlock, ProactiveBlock, ProactiveBlock];
  return {
    format: REPORT_FORMAT,
    organ: report.organ,
    year: report.year,
    sections: report.sections.map((s) => ({ heading: s.heading, text: s.text })),
    tables: {
      '第二十条第（一）项': blockTable(item1, report.proactive),
      '第二十条第（五）项': blockTable(item5, report.proactive),
      '第二十条第（六）项': blockTable(item6, report.proactive),
      '第二十条第（八）项': blockTable(item8, report.proactive),
      [APPLICATION_TABLE_CAPTION]: applicationTableJson(report.applications),
      [REVIEW_TABLE_CAPTION]: reviewTableJson(report.reviews),
    } as ReportTables,
  };
}

// ---------------------------------------------------------------- import

/** Why a JSON document is not a readable report (structure only: arithmetic is checked by checkReport). */
export type ImportRefusal =
  | 'not-an-object'
  | 'unsupported-format'
  | 'missing-field'
  | 'missing-table'
  | 'unexpected-columns'
  | 'unknown-row'
  | 'missing-row'
  | 'mixed-other-rows'
  | 'wrong-cell-count'
  | 'cell-not-a-number';

type ImportResult<T> = Result<T, ImportRefusal>;

/** Label comparison tolerant of what PDF extraction and hand-typing change: spaces, half-width brackets and quotes, dots. */
export function normaliseLabel(label: string): string {
  return label
    .replace(/\s+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/[“”"＂]/gu, '"')
    .replace(/[．。]/gu, '.');
}

/** Labels published reports print instead of the official ones. */
const ROW_ALIASES: Readonly<Record<string, string>> = {
  [normaliseLabel('（二）部分公开')]: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  [normaliseLabel('规范性文件')]: '行政规范性文件',
};

const canonical = (label: string) => ROW_ALIASES[normaliseLabel(label)] ?? label;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one table: columns must be the official ones; returns cells by normalised row label (empty cell = 0, R7). */
function readTable(tables: Record<string, unknown>, caption: string, columns: readonly string[]): ImportResult<Map<string, number[]>> {
  const table = tables[caption];
  if (!isRecord(table) || !Array.isArray(table.columns) || !Array.isArray(table.rows)) return refuse('missing-table', caption);
  const given = table.columns.map((c) => normaliseLabel(String(c)));
  if (given.join('|') !== columns.map(normaliseLabel).join('|')) return refuse('unexpected-columns', caption);
  const rows = new Map<string, number[]>();
  for (const row of table.rows) {
    if (!isRecord(row) || typeof row.label !== 'string' || !Array.isArray(row.cells)) return refuse('missing-field', `${caption} rows`);
    if (row.cells.length !== columns.length) return refuse('wrong-cell-count', `${caption} ${row.label}`);
    if (!row.cells.every((c) => c === null || typeof c === 'number')) return refuse('cell-not-a-number', `${caption} ${row.label}`);
    rows.set(normaliseLabel(canonical(row.label)), row.cells.map((c) => (c === null ? 0 : (c as number))));
  }
  return ok(rows);
}

/** Takes the official rows out of a read table, refusing unknown and missing ones. */
function pickRows<K extends string>(
  rows: Map<string, number[]>,
  wanted: readonly { key: K; label: string }[],
  caption: string,
): ImportResult<Record<K, number[]>> {
  const known = new Set(wanted.map((w) => normaliseLabel(w.label)));
  const unknown = [...rows.keys()].find((label) => !known.has(label));
  if (unknown !== undefined) return refuse('unknown-row', `${caption} ${unknown}`);
  const picked = {} as Record<K, number[]>;
  for (const w of wanted) {
    const cells = rows.get(normaliseLabel(w.label));
    if (!cells) return refuse('missing-row', `${caption} ${w.label}`);
    picked[w.key] = cells;
  }
  return ok(picked);
}

function readProactive(tables: Record<string, unknown>): ImportResult<ProactiveTable> {
  const cells: Partial<Record<ProactiveRowKey, number[]>> = {};
  for (const block of PROACTIVE_BLOCKS) {
    const read = readTable(tables, block.caption, block.columns);
    if (!read.ok) return read;
    const picked = pickRows(read.value, block.rows, block.caption);
    if (!picked.ok) return picked;
    Object.assign(cells, picked.value);
  }
  const docs = (c: number[] | undefined): DocumentCounts => ({ issued: c?.[0] ?? 0, repealed: c?.[1] ?? 0, effective: c?.[2] ?? 0 });
  const one = (key: ProactiveRowKey) => cells[key]?.[0] ?? 0;
  return ok({
    regulation: docs(cells.regulation),
    normativeDocument: docs(cells['normative-document']),
    licensing: one('licensing'),
    penalty: one('penalty'),
    enforcement: one('enforcement'),
    feesWanYuan: one('fees'),
    decisionsSource: null,
  });
}

/** Table 三 in whichever （六） layout the published report used (ANNUAL-REPORT-FORMAT.md §4 platform rule). */
function readApplications(tables: Record<string, unknown>): ImportResult<ApplicationTable> {
  const columns = APPLICANT_COLUMNS.map((c) => APPLICANT_COLUMN_LABELS[c]);
  const read = readTable(tables, APPLICATION_TABLE_CAPTION, columns);
  if (!read.ok) return read;
  const labelsOf = (keys: readonly ApplicationRowKey[]) =>
    applicationRows(keys.length === 1 ? 'single' : 'split').filter((r) => keys.includes(r.key)).map((r) => normaliseLabel(r.label));
  const hasSplit = labelsOf(SPLIT_OTHER_ROW_KEYS).some((l) => read.value.has(l));
  const hasSingle = labelsOf(['other-processing']).some((l) => read.value.has(l));
  if (hasSplit && hasSingle) return refuse('mixed-other-rows', APPLICATION_TABLE_CAPTION);
  const layout: OtherRowsLayout = hasSingle ? 'single' : 'split';
  const picked = pickRows(read.value, applicationRows(layout), APPLICATION_TABLE_CAPTION);
  if (!picked.ok) return picked;
  const rows: Partial<Record<ApplicationRowKey, ApplicantCells>> = {};
  for (const [key, cells] of Object.entries(picked.value) as [ApplicationRowKey, number[]][]) {
    rows[key] = Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, cells[i] ?? 0])) as ApplicantCells;
  }
  return ok({ layout, rows });
}

function readReviews(tables: Record<string, unknown>): ImportResult<ReviewTable> {
  const read = readTable(tables, REVIEW_TABLE_CAPTION, REVIEW_TABLE_COLUMNS);
  if (!read.ok) return read;
  const cells = read.value.get('');
  if (!cells || read.value.size !== 1) return refuse(cells ? 'unknown-row' : 'missing-row', REVIEW_TABLE_CAPTION);
  const group = (i: number) =>
    Object.fromEntries(REVIEW_COLUMNS.map((c, j) => [c, cells[i * REVIEW_COLUMNS.length + j] ?? 0])) as ReviewCells;
  return ok(Object.fromEntries(REVIEW_KINDS.map((kind, i) => [kind, group(i)])) as Record<ReviewKind, ReviewCells>);
}

/** Reads a report in the §7 JSON shape (e.g. last year's published figures, for 上年结转 and R6). */
export function fromReportJson(value: unknown): ImportResult<AnnualReport> {
  if (!isRecord(value)) return refuse('not-an-object');
  if (value.format !== REPORT_FORMAT) return refuse('unsupported-format', String(value.format));
  const { organ, year, tables } = value;
  if (typeof organ !== 'string' || typeof year !== 'number' || !Number.isInteger(year) || !isRecord(tables)) {
    return refuse('missing-field', 'organ, year, tables');
  }
  const rawSections = Array.isArray(value.sections) ? value.sections : [];
  const sections = rawSections.filter(isRecord).map((s) => ({ heading: String(s.heading ?? ''), text: String(s.text ?? '') }));
  const proactive = readProactive(tables);
  if (!proactive.ok) return proactive;
  const applications = readApplications(tables);
  if (!applications.ok) return applications;
  const reviews = readReviews(tables);
  if (!reviews.ok) return reviews;
  return ok({ organ, year, sections, proactive: proactive.value, applications: applications.value, reviews: reviews.value });
}
