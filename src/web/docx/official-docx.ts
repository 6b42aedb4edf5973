import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx';
import type { Block, OfficialDocument } from './official-document.ts';

/**
 * The DOCX of an official document (official-document.ts), and the layout's pieces the annual report's DOCX shares;
 * loaded on first use with the docx package (≈ 8 MB per process).
 */

/** Fixed 28.95 pt lines. */
const LINE = { line: Math.round(28.95 * 20), lineRule: LineRuleType.EXACT };
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: eastAsia });
export const BODY = font('仿宋_GB2312');
export const run = (text: string, f = BODY, size = 32, bold = false) => new TextRun({ text, font: f, size, bold });

/** The title, 方正小标宋简体 二号, centred. */
export const titleParagraph = (title: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, line: 700, lineRule: LineRuleType.EXACT }, children: [run(title, font('方正小标宋简体'), 44)] });
/** A level-1 (黑体) or level-2 (楷体_GB2312) heading, indented two characters. */
export const headingParagraph = (level: 1 | 2, text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text, font(level === 1 ? '黑体' : '楷体_GB2312'))] });
/** Body text, justified, indented two characters unless `indent` is false. */
export const bodyParagraph = (text: string, indent = true) => new Paragraph({ spacing: LINE, indent: indent ? { firstLine: 640 } : undefined, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
/** A table's caption, 黑体 四号, centred. */
export const captionParagraph = (text: string) => new Paragraph({ spacing: LINE, alignment: AlignmentType.CENTER, children: [run(text, font('黑体'), 28)] });
/** Signature lines, flush right less two characters. */
export const signatureParagraph = (line: string) => new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(line)] });

/** A4 with the layout's margins and a centred page number (— 1 —) in the footer, as DOCX bytes. */
export function officialDocx(children: (Paragraph | Table)[], title?: string): Promise<Buffer> {
  const document = new Document({
    ...(title !== undefined && { title }),
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
      return [headingParagraph(block.level, block.text)];
    case 'paragraph':
      return [bodyParagraph(block.text, block.indent !== false)];
    case 'table':
      return [...(block.caption ? [captionParagraph(block.caption)] : []), table(block)];
    case 'signature':
      return block.lines.map(signatureParagraph);
  }
}

/** Renders the document as DOCX bytes. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [titleParagraph(doc.title)];
  if (doc.documentNumber) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(doc.documentNumber)] }));
  if (doc.recipient) children.push(new Paragraph({ spacing: LINE, children: [run(`${doc.recipient}：`)] }));
  for (const block of doc.blocks) children.push(...render(block));
  return officialDocx(children);
}
