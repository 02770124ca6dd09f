// Tables that broke the importers (issue #19, findings 5–7): a one-column CSV split on the comma,
// headers named like Object.prototype's members, sheets that claim a huge extent, a workbook whose
// parts don't fit together.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { autoMap, rowsToDrafts } from '../../../shared/io/import/columns.ts';
import { parseCsv } from '../../../shared/io/import/csv.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';
import { parseImportFile } from '../../../shared/io/import/index.ts';
import { readXlsx } from '../../../shared/io/import/xlsx.ts';
import { buildXlsx } from '../io-import/xlsxFixture.ts';

async function code(p: Promise<unknown>): Promise<[string, Record<string, unknown> | undefined]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return [e.code, e.detail];
    throw e;
  }
  throw new Error('accepted');
}

describe('one-column CSV', () => {
  test.each([
    ['Nazwa\nFundacja Dobra, Kraków\nSpółdzielnia Socjalna "Razem"; Lublin\n', ['Fundacja Dobra, Kraków', 'Spółdzielnia Socjalna "Razem"; Lublin']],
    ['Nazwa\r\n"Fundacja ""Dom"", Kraków"\r\nZAZ\tTarnów\r\n', ['Fundacja "Dom", Kraków', 'ZAZ\tTarnów']],
  ])('every value is read whole: %j', (text, names) => {
    const csv = parseCsv(text);
    expect(csv.headers).toEqual(['Nazwa']);
    expect(csv.rows.map((r) => r[0])).toEqual(names);
    expect(csv.rows.every((r) => r.length === 1)).toBe(true);
  });

  test('a two-column table is still split', () => {
    expect(parseCsv('Nazwa,Miasto\nFundacja Dobra,Kraków\n').rows).toEqual([['Fundacja Dobra', 'Kraków']]);
  });
});

describe("headers named like Object.prototype's members", () => {
  const names = Object.getOwnPropertyNames(Object.prototype);
  test(`${names.length} names (${names.slice(0, 4).join(', ')}…) map to nothing, and the import plans`, async () => {
    const headers = ['Nazwa', ...names];
    expect(autoMap(headers)).toEqual(['name', ...names.map(() => null)]);
    const text = headers.join(';') + '\n' + headers.map((_, i) => (i === 0 ? 'Fundacja Dobra' : `v${i}`)).join(';') + '\n';
    const parsed = await parseImportFile('t.csv', new TextEncoder().encode(text));
    if (parsed.format !== 'csv') throw new Error(`read as ${parsed.format}`);
    expect(parsed.headers).toEqual(headers);
    // What crosses to the page must be cloneable (a function in the mapping broke postMessage).
    expect(() => structuredClone(parsed)).not.toThrow();
    expect(rowsToDrafts(parsed.rows, parsed.mapping)).toEqual([{ name: 'Fundacja Dobra' }]);
  });

  test('a mapping naming a prototype member (from a tampered page message) sets nothing', () => {
    const drafts = rowsToDrafts([['a', 'b']], ['name', 'constructor' as never]);
    expect(drafts).toEqual([{ name: 'a' }]);
    expect(Object.getPrototypeOf(drafts[0])).toBe(Object.prototype);
  });
});

function patched(change: (files: Record<string, string>) => void): Uint8Array {
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(buildXlsx([{ name: 'Arkusz1', rows: [['Nazwa'], ['Fundacja']] }])))) files[k] = strFromU8(v);
  change(files);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
const SHEET = 'xl/worksheets/sheet1.xml';

describe('XLSX extent and broken parts', () => {
  test('a row numbered 1,000,000,000 is refused from the XML, with the row in the message detail', async () => {
    const bytes = patched((f) => (f[SHEET] = f[SHEET].replace('<row r="2">', '<row r="1000000000">').replace('r="A2"', 'r="A1000000000"')));
    expect(bytes.length).toBeLessThan(4000);
    expect(await code(readXlsx(bytes))).toEqual(['xlsx_extent', { rows: 1_000_000_000, columns: 'A', maxRows: 200_000, maxColumns: 1_000 }]);
  });

  test('a cell at ZZZZZZ2 is refused', async () => {
    const bytes = patched((f) => (f[SHEET] = f[SHEET].replace('r="A2"', 'r="ZZZZZZ2"')));
    expect(await code(readXlsx(bytes))).toEqual(['xlsx_extent', { rows: 2, columns: 'ZZZZZZ', maxRows: 200_000, maxColumns: 1_000 }]);
  });

  test('a huge <dimension> is refused too; a namespaced sheet is scanned the same', async () => {
    const dim = patched((f) => (f[SHEET] = f[SHEET].replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>')));
    expect((await code(readXlsx(dim)))[0]).toBe('xlsx_extent');
    const ns = patched((f) => (f[SHEET] = f[SHEET].replace(/<(\/?)(worksheet|sheetData|row|c|v)\b/g, '<$1x:$2').replace('xmlns=', 'xmlns:x=').replace('r="A2"', 'r="AAAA2"')));
    expect((await code(readXlsx(ns)))[0]).toBe('xlsx_extent');
  });

  test.each([
    ['a misspelled sheet relationship', (f: Record<string, string>) => (f['xl/_rels/workbook.xml.rels'] = f['xl/_rels/workbook.xml.rels'].replace('worksheets/sheet1.xml', 'worksheets/shet1.xml'))],
    ['a sheet pointing at a relationship id that does not exist', (f: Record<string, string>) => (f['xl/workbook.xml'] = f['xl/workbook.xml'].replace('r:id="rId1"', 'r:id="rId9"'))],
    ['no sheets at all', (f: Record<string, string>) => (f['xl/workbook.xml'] = f['xl/workbook.xml'].replace(/<sheet [^>]*\/>/, ''))],
    ['a relationship of the wrong type', (f: Record<string, string>) => (f['xl/_rels/workbook.xml.rels'] = f['xl/_rels/workbook.xml.rels'].replace('/worksheet"', '/worksheeet"'))],
  ])('%s reads as a broken workbook', async (_, change) => {
    expect((await code(readXlsx(patched(change))))[0]).toBe('xlsx_broken');
  });

  test('an ordinary sheet still reads', async () => {
    expect((await readXlsx(patched(() => {}))).rows).toEqual([['Fundacja']]);
  });
});
