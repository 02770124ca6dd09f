// QR code of one contact card, as a module matrix and an SVG path, so a Svelte component renders
// `<path d={...}/>` with no innerHTML and the page prints it crisp at any size.
import QRCode from 'qrcode';
import type { Entity } from '../../model/types.ts';
import { ShareError } from './shareError.ts';
import { entityToVCard, type EntityCardOptions } from './vcard.ts';

export interface QrMatrix {
  size: number;
  /** Row-major, size × size; 1 = dark. */
  modules: Uint8Array;
}

/**
 * Error correction M survives a crease or a smudge on paper; a long card that doesn't fit in M
 * (the largest QR version) is tried again with L rather than refused.
 */
export function qrMatrix(text: string): QrMatrix {
  for (const level of ['M', 'L'] as const) {
    try {
      const qr = QRCode.create(text, { errorCorrectionLevel: level });
      return { size: qr.modules.size, modules: Uint8Array.from(qr.modules.data) };
    } catch (e) {
      // qrcode throws a plain Error when the data is too big for the level; any other error is ours.
      if (!(e instanceof Error) || !/too big/i.test(e.message)) throw e;
    }
  }
  throw new ShareError('too_large', { size: new TextEncoder().encode(text).length, limit: 2953 });
}

/**
 * One subpath per horizontal run of dark modules, in module units (0..size); the caller adds the
 * quiet zone with its viewBox, e.g. `viewBox="-4 -4 {size + 8} {size + 8}"`.
 */
export function qrSvgPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  const { size, modules } = matrix;
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[y * size + x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}

/** A card small enough for a readable code: no NOTE or UID, a few phones, e-mails and categories. */
export function entityToQrVCard(e: Entity, opts: Omit<EntityCardOptions, 'compact'> = {}): string {
  return entityToVCard(e, { ...opts, compact: true });
}
