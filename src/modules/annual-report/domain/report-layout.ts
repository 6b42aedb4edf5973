/**
 * The 年度报告 as printed (国办公开办函〔2021〕30号): title, sections 一–六 in order, and tables 二, 三, 四 with their merged
 * header and label cells (ANNUAL-REPORT-FORMAT.md §3–§5). One layout feeds both the DOCX and the HTML renderers, so the
 * preview, the download and the published page show the same document.
 */
import type { AnnualReport, ApplicationTable, ProactiveTable, ReviewTable } from './annual-report.ts';
import { rowCells } from './annual-report.ts';
import { correctionLines, type CorrectionNotice } from './report-correction.ts';
import { applicationTableJson, reviewTableJson } from './report-json.ts';
import {
  APPLICATION_HEADER,
  PROACTIVE_BLOCKS,
  PROACTIVE_LABEL_HEADER,
  REVIEW_HEADER,
  SECTION_HEADINGS,
  applicationRows,
  type ApplicationRow,
  type ProactiveRowKey,
} from './report-format.ts';

/** One printed cell; `isHeader` cells are set bold and repeated on a new page. */
export interface PrintedCell {
  text: string;
  colspan: number;
  rowspan: number;
  isHeader: boolean;
}

/** A printed table: rows of cells; a cell covered by a span above or to the left is not listed. */
export interface PrintedTable {
  caption: string;
  columnCount: number;
  headerRowCount: number;
  rows: PrintedCell[][];
}

/** A block of the printed report. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: PrintedTable };

/** The printed report: title, blocks in order, signature lines (发布机关, date). */
export interface ReportDocument {
  title: string;
  blocks: ReportBlock[];
  signature: string[];
}

const cell = (text: string | number, colspan = 1, rowspan = 1, isHeader = false): PrintedCell => ({ text: formatNumber(text), colspan, rowspan, isHeader });
const head = (text: string, colspan = 1, rowspan = 1) => cell(text, colspan, rowspan, true);

/** Counts as integers; 万元 amounts with up to four decimals, trailing zeros dropped (7730.28, not 7730.2800). */
function formatNumber(value: string | number): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
}

/** The report title as offices print it: 某县科学技术局2025年政府信息公开工作年度报告. */
export function reportTitle(organ: string, year: number): string {
  return `${organ}${year}年政府信息公开工作年度报告`;
}

// ---------------------------------------------------------------- table 二

function proactiveValues(p: ProactiveTable, key: ProactiveRowKey): number[] {
  const docs = { regulation: p.regulation, 'normative-document': p.normativeDocument } as const;
  if (key === 'regulation' || key === 'normative-document') return [docs[key].issued, docs[key].repealed, docs[key].effective];
  return [{ licensing: p.licensing, penalty: p.penalty, enforcement: p.enforcement, fees: p.feesWanYuan }[key]];
}

/** Table 二 as one printed table of four captioned blocks; the single value column of 五, 六, 八 spans three (§3). */
export function proactivePrintedTable(p: ProactiveTable): PrintedTable {
  const rows: PrintedCell[][] = [];
  for (const block of PROACTIVE_BLOCKS) {
    rows.push([head(block.caption, 4)]);
    const span = block.columns.length === 1 ? 3 : 1;
    rows.push([head(PROACTIVE_LABEL_HEADER), ...block.columns.map((c) => head(c, span))]);
    for (const r of block.rows) rows.push([cell(r.label), ...proactiveValues(p, r.key).map((v) => cell(v, span))]);
  }
  return { caption: '', columnCount: 4, headerRowCount: 0, rows };
}

// ---------------------------------------------------------------- table 三

const GROUPED_SECTIONS = new Set(['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);

/** The label cells of one row of table 三: top-level rows span three columns, grouped sub-rows sit under their group. */
function applicationLabelCells(rows: readonly ApplicationRow[], index: number): PrintedCell[] {
  const r = rows[index]!;
  const resultsRows = rows.filter((x) => x.section === '三、本年度办理结果' || GROUPED_SECTIONS.has(x.section ?? ''));
  const labels: PrintedCell[] = [];
  if (r.section === null) return [cell(r.label, 3)];
  if (resultsRows[0] === r) labels.push(cell('三、本年度办理结果', 1, resultsRows.length));
  if (r.section === '三、本年度办理结果') return [...labels, cell(r.label, 2)];
  const group = rows.filter((x) => x.section === r.section);
  if (group[0] === r) labels.push(cell(r.section, 1, group.length));
  return [...labels, cell(r.label)];
}

/** Table 三 with its three header rows (the 勾稽 note spans them) and the nested row labels (§4). */
export function applicationPrintedTable(t: ApplicationTable): PrintedTable {
  const rows = applicationRows(t.layout);
  const json = applicationTableJson(t);
  const header = APPLICATION_HEADER.map((r) => r.map((h) => head(h.text, h.colspan, h.rowspan)));
  const body = rows.map((_, i) => [...applicationLabelCells(rows, i), ...json.rows[i]!.cells.map((v) => cell(v))]);
  return { caption: '', columnCount: 10, headerRowCount: header.length, rows: [...header, ...body] };
}

// ---------------------------------------------------------------- table 四

/** Table 四: three header rows and one data row of fifteen cells (§5). */
export function reviewPrintedTable(t: ReviewTable): PrintedTable {
  const header = REVIEW_HEADER.map((r) => r.map((h) => head(h.text, h.colspan, h.rowspan)));
  const values = reviewTableJson(t).rows[0]!.cells.map((v) => cell(v));
  return { caption: '', columnCount: 15, headerRowCount: header.length, rows: [...header, values] };
}

// ---------------------------------------------------------------- document

/** Narrative text as blocks: one paragraph per line; a line opening with （一）… is a level-2 heading. */
export function textBlocks(text: string): ReportBlock[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => (/^（[一二三四五六七八九十]+）[^。；]{0,30}$/u.test(l) ? { kind: 'heading', level: 2, text: l } : { kind: 'paragraph', text: l }));
}

/**
 * The whole report in print order: each section's text, then the section's table (二, 三, 四). A corrected report
 * opens with its 更正说明, newest first, so a reader sees what changed before reading the figures.
 */
export function reportDocument(report: AnnualReport, options: { signedOn?: string; corrections?: readonly CorrectionNotice[] } = {}): ReportDocument {
  const tables: Record<string, PrintedTable | undefined> = {
    [SECTION_HEADINGS[1]]: proactivePrintedTable(report.proactive),
    [SECTION_HEADINGS[2]]: applicationPrintedTable(report.applications),
    [SECTION_HEADINGS[3]]: reviewPrintedTable(report.reviews),
  };
  const blocks: ReportBlock[] = correctionLines(options.corrections ?? []).map((text) => ({ kind: 'paragraph', text }));
  for (const heading of SECTION_HEADINGS) {
    const section = report.sections.find((s) => s.heading === heading);
    blocks.push({ kind: 'heading', level: 1, text: heading }, ...textBlocks(section?.text ?? ''));
    const table = tables[heading];
    if (table) blocks.push({ kind: 'table', table });
  }
  return { title: reportTitle(report.organ, report.year), blocks, signature: [report.organ, ...(options.signedOn ? [options.signedOn] : [])] };
}

/** The 内容概述 of the published report; after a 更正 it names the correction dates. */
export function reportSummary(year: number, correctedOn: readonly string[] = []): string {
  const base = `本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和国办公开办函〔2021〕30号规定的格式编制，报告期为${year}年1月1日至12月31日。`;
  return correctedOn.length === 0 ? base : `${base}本报告已于${correctedOn.join('、')}更正，更正说明见正文开头。`;
}

/** Cells of a table 三 row by key, for narrative drafts. */
export const applicationTotal = (t: ApplicationTable, key: Parameters<typeof rowCells>[1]) => rowCells(t, key).total;
