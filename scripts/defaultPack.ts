// Builds the default directory (a JSON data pack) from the CSV kept in shared/data/, through the
// same importer users run, so the shipped directory obeys every validation rule. Used by the build
// (vite.config.ts) and runnable alone: `npx tsx scripts/defaultPack.ts out.json`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseImportFile } from '../shared/io/import/index.ts';
import { rowsToDrafts } from '../shared/io/import/columns.ts';
import { planImport } from '../shared/io/import/plan.ts';
import { writePack } from '../shared/io/import/pack.ts';
import { DEFAULT_DIRECTORY_SOURCE } from '../shared/io/fetchPack.ts';

export const DEFAULT_CSV = fileURLToPath(new URL('../shared/data/pes-directory-sample.csv', import.meta.url));
/** The date the sample was compiled: sources without their own date are dated by it. */
const COMPILED_AT = '2026-11-22';

export async function buildDefaultPack(): Promise<string> {
  const bytes = new Uint8Array(readFileSync(DEFAULT_CSV));
  const parsed = await parseImportFile('pes-directory-sample.csv', bytes);
  if (parsed.format !== 'csv') throw new Error(`${DEFAULT_CSV} is read as ${parsed.format}, not as CSV`);
  const drafts = rowsToDrafts(parsed.rows, parsed.mapping);
  const plan = await planImport(drafts, {
    source: { url: DEFAULT_DIRECTORY_SOURCE, seenAt: COMPILED_AT, label: 'Radar ES — katalog domyślny' },
    now: `${COMPILED_AT}T00:00:00.000Z`,
    findExisting: () => undefined,
  });
  if (plan.rejected.length > 0) {
    const lines = plan.rejected.map((r) => `row ${r.row}: ${r.reason} ${r.detail ?? ''}`).join('\n');
    throw new Error(`The default directory has rows the importer rejects:\n${lines}`);
  }
  return writePack('Radar ES — katalog domyślny', plan.toWrite, `${COMPILED_AT}T00:00:00.000Z`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(process.argv[2] ?? 'default-directory.json', await buildDefaultPack());
}
