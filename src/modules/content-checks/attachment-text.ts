import { docxText } from './docx-text.ts';
import { pdfText } from './pdf-text.ts';

/**
 * What reading an attachment gave: its text (DOCX, PDF text layer), no text (a scanned PDF), a file that does not
 * open, or a kind whose text is not checked (XLSX, OFD, images: they still must open, which sniffing checked).
 */
export type AttachmentReading =
  | { status: 'text'; text: string }
  | { status: 'no-text' }
  | { status: 'unreadable'; problem: 'pdf-damaged' | 'pdf-encrypted' | 'docx-damaged' }
  | { status: 'not-checked' };

/** Name and version of the reader; stored with each reading so a better reader can re-read old files. */
export const ATTACHMENT_READER = 'gongkai-reader/1 pdfjs-dist@5.4.624';

/** Reads the text of an attachment of sniffed kind `kind` (see catalogue/attachments/file-type.ts). */
export async function readAttachmentText(kind: string, bytes: Uint8Array): Promise<AttachmentReading> {
  if (kind === 'docx') {
    try {
      const text = docxText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return text.trim() ? { status: 'text', text } : { status: 'no-text' };
    } catch {
      return { status: 'unreadable', problem: 'docx-damaged' };
    }
  }
  if (kind === 'pdf') {
    try {
      const { text } = await pdfText(bytes);
      return text.trim() ? { status: 'text', text } : { status: 'no-text' };
    } catch (error) {
      return { status: 'unreadable', problem: (error as { name?: string }).name === 'PasswordException' ? 'pdf-encrypted' : 'pdf-damaged' };
    }
  }
  return { status: 'not-checked' };
}
