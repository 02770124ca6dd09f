// A short list as QR codes: real entities of the default directory, encoded, rendered, read back by
// jsQR (an independent reader) from the images, put together in any order, and read as a package.
import jsQR from 'jsqr';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDefaultPack } from '../../../scripts/defaultPack.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { readListPackage, writeListPackage } from '../../../shared/io/share/listPackage.ts';
import { fromBase45, listToQrTexts, MAX_QR_CODES, QrAssembly, QrListError, toBase45 } from '../../../shared/io/share/listQr.ts';
import { qrMatrix, type QrMatrix } from '../../../shared/io/share/qr.ts';

/** The code as a scanner sees a printout: 3 px modules, a quiet zone, and a blur of one pixel. */
function scan(m: QrMatrix): string | undefined {
  const scale = 3;
  const quiet = 4;
  const side = (m.size + 2 * quiet) * scale;
  const grey = new Float32Array(side * side).fill(255);
  for (let y = 0; y < m.size; y++)
    for (let x = 0; x < m.size; x++)
      if (m.modules[y * m.size + x])
        for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) grey[((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx] = 0;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      // A 3×3 box blur: edges grey, as a camera renders them.
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < side && xx >= 0 && xx < side) {
            sum += grey[yy * side + xx];
            n++;
          }
        }
      const v = sum / n;
      rgba.set([v, v, v, 255], (y * side + x) * 4);
    }
  return jsQR(rgba, side, side)?.data;
}

let entities: Entity[];
beforeAll(async () => {
  entities = (JSON.parse(await buildDefaultPack()) as { entities: Entity[] }).entities;
});

function packageOf(n: number): string {
  const now = '2026-12-04T10:00:00.000Z';
  return writeListPackage({
    list: { name: 'Przetarg: catering 2027 — Małopolska' },
    entities: entities.slice(0, n),
    persons: [{ id: 'p1', entityId: entities[0].id, name: 'Ewa Kowalska', role: 'prezeska', email: 'ewa@example.pl', phone: '+48600100200', createdAt: now, updatedAt: now }],
    includePrivate: false,
    exporter: { name: 'Jan Zakupowy', company: 'Gmina Przykładowa' },
    exportedAt: now,
  });
}

describe('a list as QR codes', () => {
  test('base45 round-trips every byte value (RFC 9285 examples too)', () => {
    expect(toBase45(new TextEncoder().encode('AB'))).toBe('BB8');
    expect(toBase45(new TextEncoder().encode('Hello!!'))).toBe('%69 VD92EX0');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase45(toBase45(all))).toEqual(all);
    expect(fromBase45(toBase45(all.slice(1)))).toEqual(all.slice(1));
    expect(() => fromBase45('GGW')).toThrow(QrListError); // 65535 < value: not base45
  });

  test('a 10-entity list of the default directory fits in a few codes that jsQR reads from rendered images, in any order', () => {
    const json = packageOf(10);
    const texts = listToQrTexts(json);
    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(texts.length).toBeLessThanOrEqual(4);
    // Each code is alphanumeric-mode text and decodes back from its picture.
    const scanned = texts.map((t) => {
      expect(t).toMatch(/^RQ1:[0-9A-Z$%*+\-./]+:\d\/\d:[0-9A-Z $%*+\-./:]+$/);
      const m = qrMatrix(t);
      expect(m.size).toBeLessThanOrEqual(117); // version 25 at most
      return scan(m);
    });
    expect(scanned).toEqual(texts);
    const assembly = new QrAssembly();
    for (const t of [...scanned].reverse()) assembly.add(t!);
    expect(assembly.complete()).toBe(true);
    const back = readListPackage(assembly.packageJson());
    expect(back.list.name).toBe('Przetarg: catering 2027 — Małopolska');
    expect(back.entities.map((e) => e.id)).toEqual(entities.slice(0, 10).map((e) => e.id));
    expect(back.entities[0]).toEqual(readListPackage(json).entities[0]);
    expect(back.persons[0].name).toBe('Ewa Kowalska');
  }, 30_000); // jsQR over four blurred 300-pixel images: seconds on a busy 2-core machine

  test('missing, repeated, foreign and damaged codes are told apart; nothing is put together from them', () => {
    const texts = listToQrTexts(packageOf(25));
    expect(texts.length).toBeGreaterThan(1);
    const a = new QrAssembly();
    expect(a.add(texts[0])).toBe(true);
    expect(a.add(texts[0])).toBe(false); // the same picture twice
    expect(a.complete()).toBe(false);
    expect(a.missing()).toEqual(Array.from({ length: texts.length - 1 }, (_, i) => i + 2));
    expect(() => a.packageJson()).toThrow(QrListError);
    // Another list's code (its own set id) is refused, not mixed in.
    const other = listToQrTexts(packageOf(25), 'ZZZZ');
    expect(() => a.add(other[1])).toThrow(expect.objectContaining({ code: 'mixed' }));
    // A contact card's QR or a web address is not ours.
    expect(() => a.add('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD')).toThrow(expect.objectContaining({ code: 'not_ours' }));
    expect(() => a.add('https://example.pl/')).toThrow(expect.objectContaining({ code: 'not_ours' }));
    // A code whose data was altered (a character swapped) fails as damaged, not as a wrong list.
    const b = new QrAssembly();
    const [head, data] = [texts[0].slice(0, texts[0].lastIndexOf(':') + 1), texts[0].slice(texts[0].lastIndexOf(':') + 1)];
    b.add(head + data.slice(0, 10) + (data[10] === 'A' ? 'B' : 'A') + data.slice(11));
    for (const t of texts.slice(1)) b.add(t);
    expect(() => b.packageJson()).toThrow(expect.objectContaining({ code: 'damaged' }));
  });

  test('a list too big for a few codes is refused with the number of codes it would need', () => {
    try {
      listToQrTexts(packageOf(entities.length));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QrListError);
      expect((err as QrListError).code).toBe('too_large');
      expect((err as QrListError).detail.codes).toBeGreaterThan(MAX_QR_CODES);
    }
  });
});
