// A file the test knows to be a table (CSV or XLSX), parsed and narrowed to ParsedTable.
import { parseImportFile, type ParseOptions, type ParsedImport } from '../../../shared/io/import/index.ts';

export async function parseTable(fileName: string, bytes: Uint8Array, opts?: ParseOptions): Promise<Extract<ParsedImport, { format: 'csv' | 'xlsx' }>> {
  const parsed = await parseImportFile(fileName, bytes, opts);
  if (parsed.format !== 'csv' && parsed.format !== 'xlsx') throw new Error(`${fileName} was read as ${parsed.format}, not as a table`);
  return parsed;
}
