// XLSX workbooks, read with read-excel-file's `universal` entry: it takes an ArrayBuffer and needs
// neither Node streams nor a DOM, so the same code runs in a Web Worker and in Node tests.
import readXlsxFile, { InvalidInputError, InvalidSpreadsheetError } from 'read-excel-file/universal';
import { ImportError } from './errors.ts';
import { toTable } from './csv.ts';

export interface ParsedXlsx {
  sheets: string[];
  sheet: string;
  headers: string[];
  rows: string[][];
  rowNumbers: number[];
}

type Cell = string | number | boolean | Date | null | unknown;

// A date with no time of day (what a date-formatted cell almost always holds) reads as YYYY-MM-DD.
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDate(cell);
  return String(cell);
}

function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  // A view may be a window on a larger buffer (Node's Buffer pool): copy exactly its bytes.
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * Read one sheet as a table of strings: the first sheet, or `sheet` given by its name or its
 * 1-based position. Numbers come out exactly as stored in the file (`parseNumber` keeps the raw
 * text), so a NIP like 5261040828 never turns into 5.26E+09, and a phone number keeps its digits.
 */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer, sheet?: string | number): Promise<ParsedXlsx> {
  let workbook: { sheet: string; data: Cell[][] }[];
  try {
    workbook = await readXlsxFile(toArrayBuffer(bytes), { parseNumber: (raw: string) => raw });
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof InvalidSpreadsheetError) throw new ImportError('xlsx_broken');
    // The unzipper and the XML parser throw their own errors on a truncated or damaged file.
    throw new ImportError('xlsx_broken', { reason: e instanceof Error ? e.message.slice(0, 200) : 'unknown' });
  }
  const sheets = workbook.map((s) => s.sheet);
  const chosen =
    sheet === undefined
      ? workbook[0]
      : typeof sheet === 'number'
        ? workbook[sheet - 1]
        : workbook.find((s) => s.sheet === sheet);
  if (!chosen) throw new ImportError('sheet_not_found', { sheet: String(sheet) });
  const all = chosen.data.map((row) => row.map(cellText));
  if (all.length === 0) throw new ImportError('empty');
  return { sheets, sheet: chosen.sheet, ...toTable(all) };
}
