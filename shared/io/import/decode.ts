// Bytes → text for CSV and JSON imports. Files reach us from Excel and from office systems in
// UTF-8 (with or without BOM), in Windows-1250 (Polish Windows' "ANSI"), or — from Excel's
// "Unicode text" — in UTF-16 with a BOM. A file that is not text at all is refused here, before
// a parser turns it into a screen of garbage.
import { ImportError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1250' | 'utf-16le' | 'utf-16be';

/** Encodings the user may choose when detection got it wrong. */
export const USER_ENCODINGS = ['utf-8', 'windows-1250'] as const;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function bomEncoding(bytes: Uint8Array): { encoding: TextEncoding; skip: number } | undefined {
  if (startsWith(bytes, UTF8_BOM)) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

// How much of the file the binary check reads: enough to see a header and many rows, cheap on 50 MB.
const SAMPLE_BYTES = 64 * 1024;

/**
 * True when the bytes are not text in a single-byte or UTF-8 encoding: any NUL, or more than 1%
 * of C0 control characters other than tab, line feed, form feed and carriage return. Text files
 * have none of these; images, PDFs, .xls and zip files have plenty within the first kilobytes.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls > n / 100;
}

// A runtime built without full ICU has no Windows-1250 decoder and throws RangeError: say so
// plainly instead of failing somewhere deeper.
function decoderFor(encoding: 'utf-8' | 'windows-1250'): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(encoding);
  } catch {
    throw new ImportError('encoding', { encoding });
  }
}

/**
 * Decode a text file. A BOM decides the encoding; otherwise the file is UTF-8 when it decodes as
 * valid UTF-8 (Windows-1250 text with Polish letters practically never does), else Windows-1250.
 * `encoding` forces a choice (the user's override); invalid UTF-8 then becomes U+FFFD, visibly.
 */
export function decodeText(
  bytes: Uint8Array,
  encoding?: 'utf-8' | 'windows-1250',
): { text: string; encoding: TextEncoding } {
  const bom = bomEncoding(bytes);
  // UTF-16 is full of NUL bytes by design, so it is recognised by its BOM before the binary check.
  if (bom && bom.encoding !== 'utf-8') {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)), encoding: bom.encoding };
  }
  const body = bom ? bytes.subarray(bom.skip) : bytes;
  if (looksBinary(body)) throw new ImportError('binary');
  if (encoding) return { text: decoderFor(encoding).decode(body), encoding };
  if (bom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decoderFor('windows-1250').decode(body), encoding: 'windows-1250' };
  }
}
