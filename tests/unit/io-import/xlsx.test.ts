import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../shared/io/import/xlsx.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';
import { MAX_XLSX_UNPACKED_BYTES } from '../../../shared/io/import/limits.ts';
import { buildXlsx } from './xlsxFixture.ts';
import { parseTable } from './parseTable.ts';

// 45292 is 2024-01-01 in Excel's 1900 date system (days since 1899-12-30).
const workbook = () =>
  buildXlsx([
    {
      name: 'Podmioty',
      rows: [
        ['Nazwa', 'NIP', 'Telefon', 'Data wpisu', 'Kod pocztowy', 'Uwagi'],
        ['Spółdzielnia Socjalna „Alternatywy”', 9291928963, 603254662, { date: 45292 }, '65-454', { inline: '=HYPERLINK("http://evil.example","x")' }],
        [null, null, null, null, null, null],
        ['Fundacja <script>alert(1)</script>', 5261040828, null, null, '00-950', 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ'],
      ],
    },
    { name: 'Drugi arkusz', rows: [['Name', 'City'], ['Other entity', 'Kraków']] },
  ]);

describe('readXlsx', () => {
  it('reads the first sheet as strings, numbers exactly as stored and dates as ISO', async () => {
    const x = await readXlsx(workbook());
    expect(x.sheets).toEqual(['Podmioty', 'Drugi arkusz']);
    expect(x.sheet).toBe('Podmioty');
    expect(x.headers).toEqual(['Nazwa', 'NIP', 'Telefon', 'Data wpisu', 'Kod pocztowy', 'Uwagi']);
    expect(x.rows[0]).toEqual(['Spółdzielnia Socjalna „Alternatywy”', '9291928963', '603254662', '2024-01-01', '65-454', '=HYPERLINK("http://evil.example","x")']);
    // The blank row 3 is skipped, and row 4 keeps its spreadsheet number.
    expect(x.rowNumbers).toEqual([2, 4]);
    expect(x.rows[1]).toEqual(['Fundacja <script>alert(1)</script>', '5261040828', '', '', '00-950', 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ']);
    for (const row of x.rows) for (const cell of row) expect(typeof cell).toBe('string');
  });

  it('reads a sheet chosen by name or by position', async () => {
    const byName = await readXlsx(workbook(), 'Drugi arkusz');
    const byIndex = await readXlsx(workbook(), 2);
    expect(byName.rows).toEqual([['Other entity', 'Kraków']]);
    expect(byIndex.rows).toEqual(byName.rows);
    await expect(readXlsx(workbook(), 'Brak')).rejects.toMatchObject({ code: 'sheet_not_found', detail: { sheet: 'Brak' } });
  });

  it('accepts a view on a larger buffer (a Node Buffer from the pool) and an ArrayBuffer', async () => {
    const bytes = workbook();
    const padded = new Uint8Array(bytes.length + 20);
    padded.set(bytes, 10);
    const x = await readXlsx(padded.subarray(10, 10 + bytes.length));
    expect(x.rows.length).toBe(2);
    const fromBuffer = await readXlsx(bytes.slice().buffer);
    expect(fromBuffer.rows).toEqual(x.rows);
  });

  it('refuses a truncated file with xlsx_broken', async () => {
    const bytes = workbook();
    for (const cut of [0.5, 0.9]) {
      const err = await readXlsx(bytes.subarray(0, Math.floor(bytes.length * cut))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).code).toBe('xlsx_broken');
    }
  });

  it('refuses a workbook that claims to unpack to more than the limit, before inflating it', async () => {
    const bytes = workbook();
    // Set the uncompressed size of every central directory entry (signature PK\x01\x02, size at
    // offset 24) to 2 GB: a zip bomb's header, as the unzipper sees it before inflating.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let entries = 0;
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 0x7fffffff, true);
        entries++;
      }
    }
    expect(entries).toBeGreaterThan(3);
    await expect(readXlsx(bytes)).rejects.toMatchObject({ code: 'too_large', detail: { limit: MAX_XLSX_UNPACKED_BYTES } });
  });

  it('refuses a zip that is not a workbook', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    await expect(readXlsx(zip)).rejects.toMatchObject({ code: 'xlsx_broken' });
  });

  it('goes through parseImportFile with a proposed mapping', async () => {
    const p = await parseTable('lista.xlsx', workbook());
    expect(p.format).toBe('xlsx');
    expect(p.mapping).toEqual(['name', 'nip', 'phone', null, 'postalCode', null]);
  });
});
