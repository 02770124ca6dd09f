// QR codes are decoded with jsQR (an independent reader) from a rendered image of our matrix.
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { entityToQrVCard, qrMatrix, qrSvgPath, type QrMatrix } from '../../../shared/io/share/qr.ts';
import { personToVCard } from '../../../shared/io/share/vcard.ts';
import { ShareError } from '../../../shared/io/share/shareError.ts';
import { alternatywy, person } from './fixtures.ts';

/** Renders the matrix as a camera would see the printout: 4 px modules, a 4-module quiet zone. */
function decode(m: QrMatrix): string | undefined {
  const scale = 4;
  const quiet = 4;
  const side = (m.size + 2 * quiet) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (!m.modules[y * m.size + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const px = ((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx;
          rgba.fill(0, px * 4, px * 4 + 3);
        }
      }
    }
  }
  return jsQR(rgba, side, side)?.data;
}

/** Rebuilds the matrix from the SVG path: each `M x y h n v1 h-n z` paints n modules of row y. */
function fromPath(d: string, size: number): Uint8Array {
  const out = new Uint8Array(size * size);
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(runs.map((r) => r[0]).join('')).toBe(d); // nothing else in the path
  for (const [, x, y, n, back] of runs) {
    expect(back).toBe(n);
    for (let i = 0; i < Number(n); i++) out[Number(y) * size + Number(x) + i] = 1;
  }
  return out;
}

describe('QR code of a contact card', () => {
  test('the entity card decodes back to the same vCard text, Polish letters included', () => {
    const card = entityToQrVCard({ ...alternatywy(), categories: ['catering', 'care', 'events', 'cleaning'] });
    expect(card).not.toContain('NOTE');
    expect(card.replace(/\r\n /g, '')).toMatch(/CATEGORIES[^:]*:Gastronomia i catering,Usługi opiekuńcze,Organizacja wydarzeń\r\n/);
    const m = qrMatrix(card);
    expect(decode(m)).toBe(card);
  });

  test('a person card decodes too', () => {
    const e = alternatywy();
    const card = personToVCard(person(e.id, 'Żaneta Kłos', { role: 'Koordynatorka', phone: '+48601234567', email: 'zaneta@example.pl' }), e);
    expect(decode(qrMatrix(card))).toBe(card);
  });

  test('error correction M, and L for a card too long for M; too long even for L is a ShareError', () => {
    const short = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan\r\nEND:VCARD\r\n';
    const m = qrMatrix(short);
    expect(m.size).toBe(QRCode.create(short, { errorCorrectionLevel: 'M' }).modules.size);
    const long = 'x'.repeat(2400); // over M's 2331-byte capacity, under L's 2953
    const l = qrMatrix(long);
    expect(l.size).toBe(QRCode.create(long, { errorCorrectionLevel: 'L' }).modules.size);
    expect(decode(l)).toBe(long);
    expect(() => qrMatrix('x'.repeat(3000))).toThrow(ShareError);
  });

  test('the SVG path paints exactly the dark modules, one subpath per run', () => {
    const m = qrMatrix(entityToQrVCard(alternatywy()));
    const d = qrSvgPath(m);
    expect(fromPath(d, m.size)).toEqual(m.modules);
    // The top-left finder pattern's first row is one run of 7 dark modules.
    expect(d.startsWith('M0 0h7v1h-7z')).toBe(true);
  });
});
