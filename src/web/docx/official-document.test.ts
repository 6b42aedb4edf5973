import { describe, expect, it } from 'vitest';
import { zipEntryNames } from '../../modules/catalogue/attachments/file-type.ts';
import { renderOfficialDocx } from './official-document.ts';
import { zipEntryText } from './zip-entry.ts';

const documentXml = (docx: Buffer) => zipEntryText(docx, 'word/document.xml') ?? '';


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
