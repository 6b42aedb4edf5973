import { describe, expect, it } from 'vitest';
import { safeFileName, sniffFileType, zipEntryNames } from './file-type.ts';

/** A stored (uncompressed) ZIP with the given entries, enough for sniffing. */
function zip(entries: string[]): Uint8Array {
  const parts: number[] = [];
  for (const name of entries) {
    const nameBytes = [...new TextEncoder().encode(name)];
    const header = new Uint8Array(30);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint32(18, 2, true);
    v.setUint16(26, nameBytes.length, true);
    parts.push(...header, ...nameBytes, 0x68, 0x69);
  }
  return new Uint8Array(parts);
}

describe('sniffFileType', () => {
  it.each([
    ['pdf', new TextEncoder().encode('%PDF-1.7\n...')],
    ['png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0])],
    ['docx', zip(['[Content_Types].xml', 'word/document.xml'])],
    ['xlsx', zip(['[Content_Types].xml', 'xl/workbook.xml'])],
    ['ofd', zip(['OFD.xml', 'Doc_0/Document.xml'])],
  ])('recognises %s from its bytes', (kind, bytes) => {
    expect(sniffFileType(bytes)?.kind).toBe(kind);
  });
  it('refuses scripts, HTML and executables whatever their name', () => {
    expect(sniffFileType(new TextEncoder().encode('<script>alert(1)</script>'))).toBeUndefined();
    expect(sniffFileType(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBeUndefined();
    expect(sniffFileType(zip(['evil.exe']))).toBeUndefined();
  });
  it('lists zip entries', () => {
    expect(zipEntryNames(zip(['a.xml', 'b/c.xml']))).toEqual(['a.xml', 'b/c.xml']);
  });
});

describe('safeFileName', () => {
  const pdf = sniffFileType(new TextEncoder().encode('%PDF-'))!;
  it.each([
    ['../../etc/passwd', 'passwd.pdf'],
    ['C:\\Windows\\关于印发方案的通知.exe', '关于印发方案的通知.pdf'],
    ['..\u0000.hidden', 'hidden.pdf'],
    ['附件1：实施细则.pdf', '附件1：实施细则.pdf'],
    ['', '附件.pdf'],
    ['<img src=x>.pdf', 'img src=x.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input, pdf)).toBe(expected);
  });
});
