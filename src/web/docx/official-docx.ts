import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx';
import type { Block, OfficialDocument } from './official-document.ts';

/** The DOCX of an official document (official-document.ts), loaded on first use with the docx package. */

const LINE = { line: Math.round(28.95 * 20), lineRule: LineRuleType.EXACT };
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: eastAsia });
const BODY = font('仿宋_GB2312');
const run = (text: string, f = BODY, size = 32, bold = false) => new TextRun({ text, font: f, size, bold });

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const cell = (text: string | number, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(text), font('仿宋_GB2312'), 21, bold)] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...block.header.map((h) => new TableRow({ tableHeader: true, children: h.map((c) => cell(c, true)) })), ...block.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(block.text, font(block.level === 1 ? '黑体' : '楷体_GB2312'))] })];
    case 'paragraph':
      return [new Paragraph({ spacing: LINE, indent: block.indent === false ? undefined : { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(block.text)] })];
    case 'table':
      return [...(block.caption ? [new Paragraph({ spacing: LINE, alignment: AlignmentType.CENTER, children: [run(block.caption, font('黑体'), 28)] })] : []), table(block)];
    case 'signature':
      return block.lines.map((l) => new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(l)] }));
  }
}

/** Renders the document as DOCX bytes. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, line: 700, lineRule: LineRuleType.EXACT }, children: [run(doc.title, font('方正小标宋简体'), 44)] }),
  ];
  if (doc.documentNumber) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(doc.documentNumber)] }));
  if (doc.recipient) children.push(new Paragraph({ spacing: LINE, children: [run(`${doc.recipient}：`)] }));
  for (const block of doc.blocks) children.push(...render(block));
  const document = new Document({
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

