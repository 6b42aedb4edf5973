/**
 * The printed report (domain/report-layout.ts) as DOCX in the official-document layout the platform uses for 公文
 * (src/web/docx/official-document.ts: GB/T 9704-2012 as offices apply it — A4, margins 37/35/28/26 mm, title
 * 方正小标宋简体 二号, body 仿宋_GB2312 三号 with fixed 28.95 pt lines, level-1 headings 黑体, level-2 楷体_GB2312),
 * plus what that renderer lacks: tables with merged header and label cells, as tables 三 and 四 are printed.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { PrintedTable, ReportBlock, ReportDocument } from '../domain/report-layout.ts';

const LINE = { line: Math.round(28.95 * 20), lineRule: LineRuleType.EXACT };
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: eastAsia });
const BODY = font('仿宋_GB2312');
const run = (text: string, f = BODY, size = 32, bold = false) => new TextRun({ text, font: f, size, bold });
/** A4 width less the 28 mm and 26 mm side margins, in twips. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);

/** Column widths by column count: table 二 (4), table 三 (10: three label columns), table 四 (15), else even. */
function columnWidths(table: PrintedTable): number[] {
  const n = table.columnCount;
  if (n === 10) {
    const labels = [620, 1250, 2550];
    const rest = TEXT_WIDTH - labels.reduce((a, b) => a + b, 0);
    return [...labels, ...Array.from({ length: 7 }, () => Math.floor(rest / 7))];
  }
  if (n === 4) return [2845, ...Array.from({ length: 3 }, () => Math.floor((TEXT_WIDTH - 2845) / 3))];
  return Array.from({ length: n }, () => Math.floor(TEXT_WIDTH / n));
}

function tableOf(table: PrintedTable): Table {
  const size = table.columnCount >= 15 ? 18 : 21;
  const widths = columnWidths(table);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: table.rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: i < table.headerRowCount,
          cantSplit: true,
          children: cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.colspan > 1 ? c.colspan : undefined,
                rowSpan: c.rowspan > 1 ? c.rowspan : undefined,
                verticalAlign: VerticalAlignTable.CENTER,
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.text, BODY, size, c.isHeader)] })],
              }),
          ),
        }),
    ),
  });
}

function render(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(block.text, font(block.level === 1 ? '黑体' : '楷体_GB2312'))] })];
    case 'paragraph':
      return [new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(block.text)] })];
    case 'table':
      return [
        ...(block.table.caption ? [new Paragraph({ spacing: LINE, alignment: AlignmentType.CENTER, children: [run(block.table.caption, font('黑体'), 28)] })] : []),
        tableOf(block.table),
        new Paragraph({ spacing: { line: 240 }, children: [] }),
      ];
  }
}

/** Renders a report (or a self-inspection report) as DOCX bytes. */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, line: 700, lineRule: LineRuleType.EXACT }, children: [run(doc.title, font('方正小标宋简体'), 44)] }),
    ...doc.blocks.flatMap(render),
    ...doc.signature.map((l) => new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(l)] })),
  ];
  const document = new Document({
    title: doc.title,
    styles: { default: { document: { run: { font: BODY, size: 32 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
