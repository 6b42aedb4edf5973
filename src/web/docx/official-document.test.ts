import { describe, expect, it } from 'vitest';
import { zipEntryNames } from '../../modules/catalogue/attachments/file-type.ts';
import { renderOfficialDocx } from './official-document.ts';
import { inflateRawSync } from 'node:zlib';

/** The text of word/document.xml inside a DOCX. */
function documentXml(docx: Buffer): string {
  for (let i = 0; i + 30 < docx.length; ) {
    if (docx.readUInt32LE(i) !== 0x04034b50) break;
    const method = docx.readUInt16LE(i + 8);
    const size = docx.readUInt32LE(i + 18);
    const nameLength = docx.readUInt16LE(i + 26);
    const extra = docx.readUInt16LE(i + 28);
    const name = docx.subarray(i + 30, i + 30 + nameLength).toString();
    const data = docx.subarray(i + 30 + nameLength + extra, i + 30 + nameLength + extra + size);
    if (name === 'word/document.xml') return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    i += 30 + nameLength + extra + size;
  }
  throw new Error('no document.xml');
}

describe('renderOfficialDocx', () => {
  it('writes an A4 document with the official fonts and the text', async () => {
    const bytes = await renderOfficialDocx({
      title: '政府信息公开申请答复告知书',
      documentNumber: '县科技依申〔2026〕3号',
      recipient: '张三',
      blocks: [
        { kind: 'paragraph', text: '本机关于2026年3月2日收到您的政府信息公开申请。' },
        { kind: 'heading', level: 1, text: '一、答复内容' },
        { kind: 'table', header: [['项目', '数量']], rows: [['予以公开', 1]] },
        { kind: 'signature', lines: ['某县科学技术局', '2026年3月20日'] },
      ],
    });
    expect(zipEntryNames(bytes)).toContain('word/document.xml');
    const xml = documentXml(bytes);
    expect(xml).toContain('政府信息公开申请答复告知书');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('黑体');
    expect(xml).toContain('县科技依申〔2026〕3号');
    expect(xml).toMatch(/w:pgSz w:w="11906" w:h="16838"/);
  });
});
