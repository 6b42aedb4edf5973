/**
 * The printed report (domain/report-layout.ts) as DOCX in the official-document layout the platform uses for 公文
 * (src/web/docx/official-document.ts: GB/T 9704-2012 as offices apply it — A4, margins 37/35/28/26 mm, title
 * 方正小标宋简体 二号, body 仿宋_GB2312 三号 with fixed 28.95 pt lines, level-1 headings 黑体, level-2 楷体_GB2312),
 * plus what that renderer lacks: tables with merged header and label cells, as tables 三 and 四 are printed.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType, convertMillimetersToTwip } from 'docx';
import { BODY, bodyParagraph, captionParagraph, headingParagraph, officialDocx, run, signatureParagraph, titleParagraph } from '../../../web/docx/official-docx.ts';
import type { PrintedTable, ReportBlock, ReportDocument } from '../domain/report-layout.ts';

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
      return [headingParagraph(block.level, block.text)];
    case 'paragraph':
      return [bodyParagraph(block.text)];
    case 'table':
      return [
        ...(block.table.caption ? [captionParagraph(block.table.caption)] : []),
        tableOf(block.table),
        new Paragraph({ spacing: { line: 240 }, children: [] }),
      ];
  }
}

/** Renders a report (or a self-inspection report) as DOCX bytes (through report-docx.ts, which loads this module on use). */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  return officialDocx([titleParagraph(doc.title), ...doc.blocks.flatMap(render), ...doc.signature.map(signatureParagraph)], doc.title);
}
