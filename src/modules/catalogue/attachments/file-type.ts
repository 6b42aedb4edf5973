/**
 * Attachment types are sniffed from the bytes, never trusted from the file name or the browser:
 * PDF, DOCX, XLSX, OFD (GB/T 33190, a ZIP with OFD.xml at its root) and common images.
 */
export interface SniffedType {
  kind: 'pdf' | 'docx' | 'xlsx' | 'ofd' | 'png' | 'jpeg' | 'gif' | 'webp';
  mediaType: string;
  extension: string;
}

const TYPES: Record<SniffedType['kind'], Omit<SniffedType, 'kind'>> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  ofd: { mediaType: 'application/ofd', extension: 'ofd' },
  png: { mediaType: 'image/png', extension: 'png' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg' },
  gif: { mediaType: 'image/gif', extension: 'gif' },
  webp: { mediaType: 'image/webp', extension: 'webp' },
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** Names of the entries in a ZIP archive, read from its local file headers. */
export function zipEntryNames(bytes: Uint8Array, limit = 2000): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i + 30 <= bytes.length && names.length < limit; ) {
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], i)) break;
    const view = new DataView(bytes.buffer, bytes.byteOffset + i);
    const flags = view.getUint16(6, true);
    const compressedSize = view.getUint32(18, true);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    names.push(decoder.decode(bytes.subarray(i + 30, i + 30 + nameLength)));
    // Entries with a data descriptor (flag bit 3) do not state their size here: stop reading.
    if (flags & 0x08) break;
    i += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

export function sniffFileType(bytes: Uint8Array): SniffedType | undefined {
  const found = (kind: SniffedType['kind']): SniffedType => ({ kind, ...TYPES[kind] });
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return found('pdf');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return found('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return found('jpeg');
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return found('gif');
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return found('webp');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (names.some((n) => n.startsWith('word/'))) return found('docx');
    if (names.some((n) => n.startsWith('xl/'))) return found('xlsx');
    if (names.some((n) => n === 'OFD.xml')) return found('ofd');
    // docx/xlsx written with data descriptors: fall back to the [Content_Types].xml hint.
    const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    if (text.includes('word/document.xml')) return found('docx');
    if (text.includes('xl/workbook.xml')) return found('xlsx');
    if (text.includes('OFD.xml')) return found('ofd');
  }
  return undefined;
}

/**
 * A safe display file name: no directories, no control or reserved characters, no leading dots,
 * at most 120 characters, and the extension of the sniffed type.
 */
export function safeFileName(name: string, type: SniffedType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 120);
  return `${cleaned || '附件'}.${type.extension}`;
}
