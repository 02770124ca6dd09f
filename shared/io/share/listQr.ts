// A short list as QR codes, and back: the list package (compact JSON, deflated) in base45, split
// over a few codes that a phone photographs one by one; the app's import reads the pictures
// (jsQR) and puts the package together again. Base45 (RFC 9285) uses exactly the QR alphanumeric
// alphabet, which packs 5.5 bits a character, so 3 characters carry 2 bytes at 97% of byte mode's
// density while staying plain text all the way.
//
// Each code reads `RQ1:<set>:<n>/<total>:<base45>`. `set` ties the codes of one list together (a
// picture of another list's code is refused, not mixed in). The chunk size keeps each code near QR
// version 22 (105 modules) at level M, well below the largest (177 modules) whose modules get too
// small for a phone photo of a printed page; the tests decode rendered and scaled, blurred images
// with jsQR, not photographs. Ten entities of the default directory are 10.8 kB of compact JSON,
// 2.1 kB deflated, 4 codes (tests/unit/io-share/listQr.test.ts); the most is MAX_QR_CODES.
import { deflateSync, inflateSync } from 'fflate';

/** Base45 characters per code: with the header, ~QR version 22 at level M (1,030 alphanumeric characters). */
export const QR_CHUNK_CHARS = 960;
/** More codes than this and a file is the better way (photographing more is error-prone). */
export const MAX_QR_CODES = 8;
const PREFIX = 'RQ1';

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function toBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    const c = n % 45;
    n = (n - c) / 45;
    out += B45[c] + B45[n % 45] + B45[(n - (n % 45)) / 45];
  }
  if (bytes.length % 2) {
    const n = bytes[bytes.length - 1];
    out += B45[n % 45] + B45[(n - (n % 45)) / 45];
  }
  return out;
}

export function fromBase45(text: string): Uint8Array {
  const out: number[] = [];
  const v = (ch: string) => {
    const i = B45.indexOf(ch);
    if (i < 0) throw new QrListError('damaged');
    return i;
  };
  for (let i = 0; i < text.length; i += 3) {
    const rest = text.length - i;
    if (rest === 1) throw new QrListError('damaged');
    const n = v(text[i]) + v(text[i + 1]) * 45 + (rest >= 3 ? v(text[i + 2]) * 2025 : 0);
    if (rest >= 3) {
      if (n > 0xffff) throw new QrListError('damaged');
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) throw new QrListError('damaged');
      out.push(n);
    }
  }
  return Uint8Array.from(out);
}

export type QrListErrorCode = 'too_large' | 'not_ours' | 'damaged' | 'mixed';

export class QrListError extends Error {
  constructor(
    readonly code: QrListErrorCode,
    readonly detail: { codes?: number; limit?: number } = {},
  ) {
    super(code);
  }
}

/** The QR texts of a list package (its JSON as written); throws too_large past MAX_QR_CODES. */
export function listToQrTexts(packageJson: string, set = randomSet()): string[] {
  const compact = JSON.stringify(JSON.parse(packageJson));
  const payload = toBase45(deflateSync(new TextEncoder().encode(compact), { level: 9 }));
  const total = Math.max(1, Math.ceil(payload.length / QR_CHUNK_CHARS));
  if (total > MAX_QR_CODES) throw new QrListError('too_large', { codes: total, limit: MAX_QR_CODES });
  return Array.from({ length: total }, (_, i) => `${PREFIX}:${set}:${i + 1}/${total}:${payload.slice(i * QR_CHUNK_CHARS, (i + 1) * QR_CHUNK_CHARS)}`);
}

function randomSet(): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0] % 45 ** 4;
  return toBase45(Uint8Array.from([n >> 16, (n >> 8) & 0xff, n & 0xff])).slice(0, 4).replace(/[ :]/g, 'Q');
}

export interface QrPart {
  set: string;
  index: number;
  total: number;
  data: string;
}

const PART = /^RQ1:([0-9A-Z$%*+\-./]{1,8}):(\d{1,2})\/(\d{1,2}):([0-9A-Z $%*+\-./:]*)$/;

/** One code's text as a part; throws not_ours for any other QR (a vCard, a web address). */
export function parseQrPart(text: string): QrPart {
  const m = PART.exec(text);
  if (!m) throw new QrListError('not_ours');
  const index = Number(m[2]);
  const total = Number(m[3]);
  if (index < 1 || total < 1 || index > total || total > MAX_QR_CODES) throw new QrListError('damaged');
  return { set: m[1], index, total, data: m[4] };
}

/** The codes read so far of one list: which are missing, and the package once all are in. */
export class QrAssembly {
  private parts = new Map<number, string>();
  private set: string | undefined;
  total = 0;

  /** Adds a code's text; returns false when that code was already read. Throws mixed for another list's code. */
  add(text: string): boolean {
    const part = parseQrPart(text);
    if (this.set !== undefined && (part.set !== this.set || part.total !== this.total)) throw new QrListError('mixed');
    this.set = part.set;
    this.total = part.total;
    if (this.parts.has(part.index)) return false;
    this.parts.set(part.index, part.data);
    return true;
  }

  get read(): number {
    return this.parts.size;
  }

  missing(): number[] {
    return Array.from({ length: this.total }, (_, i) => i + 1).filter((i) => !this.parts.has(i));
  }

  complete(): boolean {
    return this.total > 0 && this.parts.size === this.total;
  }

  /** The list package's JSON text (to be read by readListPackage, which validates it). */
  packageJson(): string {
    if (!this.complete()) throw new QrListError('damaged');
    const payload = Array.from({ length: this.total }, (_, i) => this.parts.get(i + 1)!).join('');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(inflateSync(fromBase45(payload)));
    } catch (err) {
      if (err instanceof QrListError) throw err;
      throw new QrListError('damaged');
    }
  }
}
