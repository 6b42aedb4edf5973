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

/** The document as DOCX; the docx package (≈ 8 MB per process) is loaded on the first call. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  return (await import('./official-docx.ts')).renderDocx(doc);
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
