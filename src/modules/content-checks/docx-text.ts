import { zipEntryText as zipEntry } from '../../web/docx/zip-entry.ts';

/** The text of a DOCX (word/document.xml), one line per paragraph, for checking before publishing. */
export function docxText(bytes: Buffer): string {
  const xml = zipEntry(bytes, 'word/document.xml');
  if (!xml) throw new Error('not-a-docx');
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[0] === '<w:tab/>' ? '\t' : decodeXml(m[1] ?? '')))
        .join(''),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );
}
