import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx';

/**
 * Chinese official-document layout (GB/T 9704-2012 as offices apply it): A4, margins 37/35/28/26 mm,
 * title 方正小标宋简体 二号 (22 pt), body 仿宋_GB2312 三号 (16 pt) with a two-character indent and
 * fixed 28.95 pt line spacing, level-1 headings 黑体, level-2 楷体_GB2312. The fonts are named as
 * the bureau's machines have them; viewers without them substitute.
 */
export type Block =
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'table'; header: string[][]; rows: (string | number)[][]; caption?: string }
  | { kind: 'signature'; lines: string[] };

export interface OfficialDocument {
  title: string;
  /** 主送机关 or the applicant (告知书), printed flush left after the title. */
  recipient?: string;
  /** 文号 line under the title, e.g. 县科技依申〔2026〕3号. */
  documentNumber?: string;
  blocks: Block[];
}

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
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
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

/** The same document as a print-ready HTML fragment (escaped by the caller's JSX runtime). */
export function officialDocumentText(doc: OfficialDocument): string[] {
  const lines = [doc.title, ...(doc.documentNumber ? [doc.documentNumber] : []), ...(doc.recipient ? [`${doc.recipient}：`] : [])];
  for (const b of doc.blocks) {
    if (b.kind === 'table') lines.push(...(b.caption ? [b.caption] : []), ...b.header.map((h) => h.join(' | ')), ...b.rows.map((r) => r.join(' | ')));
    else if (b.kind === 'signature') lines.push(...b.lines);
    else lines.push(b.text);
  }
  return lines;
}
