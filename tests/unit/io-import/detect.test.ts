import { describe, expect, it } from 'vitest';
import { detectFormat, foreignFormat } from '../../../shared/io/import/detect.ts';
import { buildXlsx } from './xlsxFixture.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('trusts content over the file name', () => {
    const xlsx = buildXlsx([{ name: 'A', rows: [['Nazwa']] }]);
    expect(detectFormat('lista.csv', xlsx)).toBe('xlsx');
    expect(detectFormat('lista', xlsx)).toBe('xlsx');
    expect(detectFormat('dane.txt', text('{"format":"radar-es/data-pack","version":1}'))).toBe('pack');
    expect(detectFormat('odpis.txt', text('\uFEFF  {"odpis":{"rodzaj":"Aktualny"}}'))).toBe('krs');
    expect(detectFormat('odpisy.json', text('[{"odpis":{}}]'))).toBe('krs');
    expect(detectFormat('lista.xlsx', text('Nazwa;NIP\nA;1'))).toBe('csv');
  });

  it('sends other JSON to the pack reader only when named .json', () => {
    expect(detectFormat('x.json', text('{"a":1}'))).toBe('pack');
    expect(detectFormat('x.csv', text('{"a":1}'))).toBe('unknown');
  });

  it('recognises formats we do not import', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectFormat('stary.xls', ole)).toBe('unknown');
    expect(foreignFormat('stary.xls', ole)).toBe('xls');
    expect(foreignFormat('a.pdf', text('%PDF-1.7\n'))).toBe('pdf');
    const zip = buildXlsx([{ name: 'A', rows: [] }]);
    expect(foreignFormat('arkusz.ods', zip)).toBe('ods');
  });
});
