// Which importer a file needs. Content decides before the name does: people rename files, and
// Excel happily saves a CSV as "lista.xls". The name only breaks ties between text formats.

export type ImportFormat = 'csv' | 'xlsx' | 'pack' | 'krs' | 'unknown';

/** Other formats we recognise only to say clearly that they are not supported. */
export type ForeignFormat = 'xls' | 'ods' | 'docx' | 'pdf' | 'zip' | 'image';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .xls / .doc
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const GIF = [0x47, 0x49, 0x46, 0x38];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

// Enough of the start of a JSON file to see its shape; decoded leniently because JSON is UTF-8.
const HEAD_BYTES = 4096;

function jsonHead(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || head.startsWith('[') ? head : undefined;
}

/** A recognised format we don't import, or undefined. */
export function foreignFormat(fileName: string, bytes: Uint8Array): ForeignFormat | undefined {
  const ext = extension(fileName);
  if (startsWith(bytes, OLE)) return 'xls';
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG) || startsWith(bytes, JPEG) || startsWith(bytes, GIF)) return 'image';
  if (startsWith(bytes, ZIP)) {
    if (ext === 'ods') return 'ods';
    if (ext === 'docx' || ext === 'odt') return 'docx';
    if (ext === 'zip') return 'zip';
  }
  return undefined;
}

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (foreignFormat(fileName, bytes)) return 'unknown';
  if (startsWith(bytes, ZIP)) return 'xlsx';
  const head = jsonHead(bytes);
  if (head !== undefined) {
    // The pack names itself in its first key; a KRS extract starts with {"odpis": …}.
    if (/"format"\s*:\s*"radar-es\/data-pack"/.test(head)) return 'pack';
    if (/"odpis"\s*:/.test(head)) return 'krs';
    return extension(fileName) === 'json' ? 'pack' : 'unknown';
  }
  if (extension(fileName) === 'json') return 'pack';
  return 'csv';
}
