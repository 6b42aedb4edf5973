import { normalizeExtractedText } from './domain/extracted-text.ts';

/**
 * The text layer of a PDF, one line per text line, pages separated by a blank line (the pairing rules stop there).
 * pdf.js (ADR 0002) reads what real government PDFs use: CID fonts with ToUnicode CMaps, compressed object
 * and xref streams, owner-password encryption. Scans carry no text layer: the result is ''.
 * Throws for a file that does not parse or needs a password to open.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pageCount: number }> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given; pass a copy so the caller's bytes stay usable.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('').trim());
      page.cleanup();
    }
    return { text: normalizeExtractedText(pages.filter((p) => p.length > 0).join('\n\n')), pageCount: doc.numPages };
  } finally {
    await task.destroy();
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;

/** Loaded on first use (about 100 ms), so processes that never see a PDF do not pay for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}
