// One entry point for the import screen and its worker: bytes of a picked file in, a table (or
// ready drafts) out, with a proposed column mapping. Nothing here writes: the plan (plan.ts) and
// the database command do that after the user has seen the preview.
import type { EntityDraft } from '../../model/entity.ts';
import type { Entity } from '../../model/types.ts';
import { assertNameMapped, autoMap, rowsToDrafts, type Field } from './columns.ts';
import { parseCsv, type Delimiter } from './csv.ts';
import { decodeText, type TextEncoding } from './decode.ts';
import { detectFormat, foreignFormat } from './detect.ts';
import { ImportError } from './errors.ts';
import { parseKrsExtracts, type KrsDraft } from './krs.ts';
import { MAX_IMPORT_BYTES, MAX_KEPT_REJECTED } from './limits.ts';
import { readPack, type PackSource } from './pack.ts';
import { planBuilt, planImport, type ImportPlan, type Lookup, type PlanOptions } from './plan.ts';
import type { RejectedRow } from './rejected.ts';
import { readXlsx } from './xlsx.ts';

/** What every parsed file has: the row number of each item (header = 1; KRS/pack: its position). */
interface ParsedItems {
  rowNumbers: number[];
}

/** CSV and XLSX: the table as read (every cell a string) and the proposed mapping, one per header (null = not imported). */
export interface ParsedTable extends ParsedItems {
  headers: string[];
  rows: string[][];
  mapping: (Field | null)[];
}

/** A parsed file, by its format: each carries what that format has, and nothing else. */
export type ParsedImport =
  | ({ format: 'csv'; encoding: TextEncoding; delimiter: Delimiter } & ParsedTable)
  /** Every sheet's name, and the one read. */
  | ({ format: 'xlsx'; sheets: string[]; sheet: string } & ParsedTable)
  /** KRS extracts: drafts ready for planImport (no mapping step). */
  | ({ format: 'krs'; encoding: TextEncoding; drafts: (EntityDraft | KrsDraft)[] } & ParsedItems)
  /** A data pack: validated entities ready for planBuilt, the entities it refused, and its header. */
  | ({
      format: 'pack';
      encoding: TextEncoding;
      packEntities: Entity[];
      packRejected: RejectedRow[];
      /** How many entities it refused in all (packRejected keeps the first MAX_KEPT_REJECTED). */
      packRejectedCount?: number;
      pack: { name: string; createdAt: string; source?: PackSource };
    } & ParsedItems);

/** How many items a parsed file holds (rows, extracts, or a pack's entities with the ones it refused). */
export function parsedCount(parsed: ParsedImport): number {
  switch (parsed.format) {
    case 'pack':
      return parsed.packEntities.length + (parsed.packRejectedCount ?? parsed.packRejected.length);
    case 'krs':
      return parsed.drafts.length;
    default:
      return parsed.rows.length;
  }
}

export interface ParseOptions {
  /** Override the detected text encoding (the user's choice when detection got it wrong). */
  encoding?: 'utf-8' | 'windows-1250';
  /** XLSX: sheet name or 1-based position; the first sheet by default. */
  sheet?: string | number;
}

/** Refuse an oversized file by its size alone, before reading it (call with File.size). */
export function assertImportSize(size: number): void {
  if (size > MAX_IMPORT_BYTES) throw new ImportError('too_large', { size, limit: MAX_IMPORT_BYTES });
}

export async function parseImportFile(fileName: string, bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedImport> {
  assertImportSize(bytes.length);
  if (bytes.length === 0) throw new ImportError('empty');
  const format = detectFormat(fileName, bytes);
  if (format === 'unknown') throw new ImportError('unknown_format', { format: foreignFormat(fileName, bytes) ?? 'unknown' });

  if (format === 'xlsx') {
    const x = await readXlsx(bytes, opts.sheet);
    if (x.rows.length === 0) throw new ImportError('no_rows');
    return { format, sheets: x.sheets, sheet: x.sheet, headers: x.headers, rows: x.rows, rowNumbers: x.rowNumbers, mapping: autoMap(x.headers) };
  }

  const { text, encoding } = decodeText(bytes, opts.encoding);
  if (text.trim() === '') throw new ImportError('empty');

  if (format === 'pack') {
    const pack = readPack(text);
    if (pack.entities.length === 0 && pack.rejectedCount === 0) throw new ImportError('no_rows');
    const { entities, positions, rejected, rejectedCount, ...header } = pack;
    return {
      format,
      encoding,
      rowNumbers: positions,
      packEntities: entities,
      packRejected: rejected,
      packRejectedCount: rejectedCount,
      pack: header,
    };
  }
  if (format === 'krs') {
    const drafts = parseKrsExtracts(text);
    if (drafts.length === 0) throw new ImportError('no_rows');
    return { format, encoding, rowNumbers: drafts.map((_, i) => i + 1), drafts };
  }
  const csv = parseCsv(text);
  if (csv.rows.length === 0) throw new ImportError('no_rows');
  return {
    format,
    encoding,
    delimiter: csv.delimiter,
    headers: csv.headers,
    rows: csv.rows,
    rowNumbers: csv.rowNumbers,
    mapping: autoMap(csv.headers),
  };
}

/**
 * Plan a parsed file, whatever its format, under the mapping the user confirmed (CSV/XLSX). Plan
 * the whole file at once — in-file duplicates are found across all of it — and write `toWrite`
 * in chunks afterwards; a bulk `findExistingMany` can chunk its own lookups.
 */
export async function planParsed(
  parsed: ParsedImport,
  opts: Omit<PlanOptions, 'rowNumbers' | 'original'> & Lookup & { mapping?: (Field | null)[] },
): Promise<ImportPlan> {
  if (parsed.format === 'pack') {
    const plan = await planBuilt(
      parsed.packEntities.map((entity) => ({ ok: true as const, entity })),
      { ...opts, rowNumbers: parsed.rowNumbers },
    );
    const rejected = [...parsed.packRejected, ...plan.rejected].sort((a, b) => a.row - b.row).slice(0, MAX_KEPT_REJECTED);
    const total = (parsed.packRejectedCount ?? parsed.packRejected.length) + plan.counts.rejected;
    return { ...plan, rejected, counts: { ...plan.counts, rejected: total } };
  }
  if (parsed.format === 'krs') return planImport(parsed.drafts, { ...opts, rowNumbers: parsed.rowNumbers });
  const mapping = opts.mapping ?? parsed.mapping;
  assertNameMapped(mapping);
  return planImport(rowsToDrafts(parsed.rows, mapping), {
    ...opts,
    rowNumbers: parsed.rowNumbers,
    original: { headers: parsed.headers, rows: parsed.rows },
  });
}
