import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, ImportError } from '../../../shared/io/import/errors.ts';
import { assertImportSize, parseImportFile } from '../../../shared/io/import/index.ts';
import { MAX_IMPORT_BYTES } from '../../../shared/io/import/limits.ts';
import { cp1250 } from './cp1250.ts';
import { parseTable } from './parseTable.ts';

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const e = await promise.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('parseImportFile', () => {
  it('reads a Windows-1250 semicolon CSV from Polish Excel', async () => {
    const text = 'Nazwa;Miejscowość;Województwo;Oferta\r\n' +
      'Spółdzielnia Socjalna „Żółw”;Łódź;łódzkie;"Catering; sprzątanie"\r\n' +
      'ZAKŁAD AKTYWNOŚCI ZAWODOWEJ Ś;Ńakło;ŚLĄSKIE;Ąę Ćń Óź\r\n';
    const p = await parseTable('lista.csv', cp1250(text));
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1250', delimiter: ';' });
    expect(p.headers).toEqual(['Nazwa', 'Miejscowość', 'Województwo', 'Oferta']);
    expect(p.mapping).toEqual(['name', 'city', 'voivodeship', 'offer']);
    expect(p.rows).toEqual([
      ['Spółdzielnia Socjalna „Żółw”', 'Łódź', 'łódzkie', 'Catering; sprzątanie'],
      ['ZAKŁAD AKTYWNOŚCI ZAWODOWEJ Ś', 'Ńakło', 'ŚLĄSKIE', 'Ąę Ćń Óź'],
    ]);
  });

  it('reads UTF-8 with a BOM without a stray character in the first header', async () => {
    const p = await parseTable('lista.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Nazwa,NIP\nA,5261040828\n')]));
    expect(p.headers[0]).toBe('Nazwa');
    expect(p.mapping).toEqual(['name', 'nip']);
  });

  it('refuses an empty file, a BOM alone and a header without rows', async () => {
    expect((await failure(parseImportFile('a.csv', new Uint8Array()))).code).toBe('empty');
    expect((await failure(parseImportFile('a.csv', new Uint8Array([0xef, 0xbb, 0xbf])))).code).toBe('empty');
    expect((await failure(parseImportFile('a.csv', new TextEncoder().encode('Nazwa;NIP\r\n')))).code).toBe('no_rows');
  });

  it('refuses a binary file and names formats it recognises', async () => {
    const binary = new Uint8Array(512).map((_, i) => (i * 37) % 256);
    expect((await failure(parseImportFile('lista.csv', binary))).code).toBe('binary');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await failure(parseImportFile('stary.xls', xls))).toMatchObject({ code: 'unknown_format', detail: { format: 'xls' } });
  });

  it('refuses an oversized file by its size, stating the limit, before reading it', async () => {
    const size = 200 * 1024 * 1024;
    expect(() => assertImportSize(size)).toThrow(expect.objectContaining({ code: 'too_large', detail: { size, limit: MAX_IMPORT_BYTES } }));
    expect(() => assertImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    // parseImportFile checks first: a small array that reports 200 MB is refused without being read.
    const huge = new Uint8Array([0x41]);
    Object.defineProperty(huge, 'length', { value: size });
    expect(await failure(parseImportFile('big.csv', huge))).toMatchObject({ code: 'too_large', detail: { limit: MAX_IMPORT_BYTES } });
  });

  it('refuses a CSV with a mismatched quote, and a JSON pack of an unknown version', async () => {
    const bad = new TextEncoder().encode('Nazwa;Oferta\nA;"catering\nB;druk\n');
    expect(await failure(parseImportFile('a.csv', bad))).toMatchObject({ code: 'csv_quotes', detail: { line: 2 } });
    const pack = new TextEncoder().encode('{"format":"radar-es/data-pack","version":7,"name":"x","createdAt":"2030-01-01","entities":[]}');
    expect(await failure(parseImportFile('pack.json', pack))).toMatchObject({ code: 'pack_version', detail: { version: 7 } });
  });

  it('refuses a truncated XLSX', async () => {
    const { buildXlsx } = await import('./xlsxFixture.ts');
    const bytes = buildXlsx([{ name: 'A', rows: [['Nazwa'], ['X']] }]);
    expect((await failure(parseImportFile('a.xlsx', bytes.subarray(0, bytes.length - 40)))).code).toBe('xlsx_broken');
  });

  it('exports every error code the UI has to translate', () => {
    expect(IMPORT_ERROR_CODES).toEqual(expect.arrayContaining(['empty', 'binary', 'too_large', 'csv_quotes', 'xlsx_broken', 'pack_version',
      'pack_invalid', 'krs_invalid', 'unknown_format', 'encoding', 'no_rows', 'no_name_column']));
  });
});
