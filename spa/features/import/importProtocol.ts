// Messages between the Import page and its worker. Every request carries a sequence number the
// reply repeats, so the page can drop a late answer to a question it no longer asks (a mapping
// changed twice, another file picked). Errors travel as plain { code, detail }: an ImportError
// loses its class across postMessage.
import type { Field } from '../../../shared/io/import/columns.ts';
import type { ImportErrorCode } from '../../../shared/io/import/errors.ts';
import type { ImportFormat } from '../../../shared/io/import/detect.ts';
import type { TextEncoding } from '../../../shared/io/import/decode.ts';
import type { ImportCounts } from '../../../shared/io/import/plan.ts';
import type { RejectedRow } from '../../../shared/io/import/rejected.ts';
import type { ImportRecord } from '../../../shared/model/types.ts';

export type UserEncoding = 'utf-8' | 'windows-1250';

export type ImportRequest =
  | { type: 'parse'; seq: number; file: File; encoding?: UserEncoding; sheet?: string }
  | { type: 'plan'; seq: number; mapping?: (Field | null)[] }
  /** `finishes`: the interrupted import this one completes (its record is marked finished). */
  | { type: 'import'; seq: number; finishes?: string }
  | { type: 'cancel'; seq: number };

/** What the page shows of a parsed file: its shape and a few values per column, not every row. */
export interface FileSummary {
  fileName: string;
  format: Exclude<ImportFormat, 'unknown'>;
  encoding?: TextEncoding;
  delimiter?: string;
  sheets?: string[];
  sheet?: string;
  headers: string[];
  mapping: (Field | null)[];
  /** Up to a few non-empty values of each column, as examples next to the mapping. */
  samples: string[][];
  /** Rows (CSV/XLSX) or items (pack, KRS extracts) in the file. */
  rowCount: number;
  packName?: string;
}

/** Internal failures (a bug, a database error) have no ImportError code: their message is shown. */
export type WorkerErrorCode = ImportErrorCode | 'internal';

export type ImportReply =
  | { type: 'parsed'; seq: number; summary: FileSummary }
  | { type: 'planned'; seq: number; counts: ImportCounts; rejected: RejectedRow[]; toWrite: number }
  | { type: 'progress'; seq: number; written: number; total: number }
  | { type: 'done'; seq: number; record: ImportRecord; written: number; total: number }
  | { type: 'error'; seq: number; code: WorkerErrorCode; detail?: Record<string, string | number>; message?: string };
