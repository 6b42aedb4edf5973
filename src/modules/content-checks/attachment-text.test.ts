import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocx } from '../../web/docx/official-document.ts';
import { readAttachmentText } from './attachment-text.ts';
import { checkText, DEFAULT_RULE_SET } from './index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures', name)));

describe('readAttachmentText', () => {
  it('reads the text layer of a real CJK PDF (subset CID fonts, ToUnicode CMaps) and repairs Kangxi radicals', async () => {
    // Written by Chromium's PDF printer, which maps 目 to the radical ⽬ in its ToUnicode CMap.
    const reading = await readAttachmentText('pdf', fixture('notice-chromium.pdf'));
    expect(reading.status).toBe('text');
    const text = reading.status === 'text' ? reading.text : '';
    expect(text).toContain('根据主动公开根本目录的要求');
    expect(text).toContain('县科技发〔2023〕12号');
    expect(text).not.toMatch(/[\u2F00-\u2FDF]/u);
    const rules = checkText(text, DEFAULT_RULE_SET).filter((f) => f.severity === '确定').map((f) => f.text);
    expect(rules).toEqual(expect.arrayContaining(['根本目录', '效劳']));
  });

  it('reports a PDF without a text layer (a scan) as having no text', async () => {
    expect(await readAttachmentText('pdf', fixture('scan-no-text.pdf'))).toEqual({ status: 'no-text' });
  });

  it('reports a truncated or fake PDF as not opening', async () => {
    const truncated = fixture('notice-chromium.pdf').subarray(0, 20_000);
    expect(await readAttachmentText('pdf', truncated)).toEqual({ status: 'unreadable', problem: 'pdf-damaged' });
    expect(await readAttachmentText('pdf', new TextEncoder().encode('%PDF-1.7\n这不是PDF文件\n'))).toEqual({ status: 'unreadable', problem: 'pdf-damaged' });
  });

  it('reads a DOCX and reports a damaged one', async () => {
    const docx = await renderOfficialDocx({ title: '通知', blocks: [{ kind: 'paragraph', text: '为进一步标准权力清单和责任清单公开' }] });
    const reading = await readAttachmentText('docx', docx);
    expect(reading).toEqual({ status: 'text', text: expect.stringContaining('标准权力清单') });
    const damaged = Buffer.from(docx);
    damaged.fill(0, 40, 400);
    expect((await readAttachmentText('docx', damaged)).status).toBe('unreadable');
  });

  it('does not read spreadsheets, OFD or images (they only have to open)', async () => {
    expect(await readAttachmentText('xlsx', new Uint8Array([0x50, 0x4b, 3, 4]))).toEqual({ status: 'not-checked' });
  });
});
