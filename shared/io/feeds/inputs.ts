// The feed builder's reader: the same importers the app runs (CSV in UTF-8 or Windows-1250, XLSX,
// KRS extracts, data packs), and several files merged as the app would merge them one after
// another (by KRS, NIP, REGON, then name and town). Pure: files in, entities and rejects out.
import { matchKeys } from '../../model/merge.ts';
import type { Entity } from '../../model/types.ts';
import { parseImportFile, planParsed } from '../import/index.ts';
import type { PlanOptions } from '../import/plan.ts';
import type { RejectedRow } from '../import/rejected.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadInputs {
  entities: Entity[];
  rejected: { file: string; headers: string[]; rows: RejectedRow[] }[];
  /** Rows read, over all files. */
  rows: number;
}

/** `buildMany`: builds the rows (the CLI passes one that spreads them over worker threads). */
export async function readInputs(files: InputFile[], createdAt: string, opts: { buildMany?: PlanOptions['buildMany'] } = {}): Promise<ReadInputs> {
  const byId = new Map<string, Entity>();
  const idByKey = new Map<string, string>();
  const rejected: ReadInputs['rejected'] = [];
  let rows = 0;
  const seenAt = createdAt.slice(0, 10);
  for (const file of files) {
    const parsed = await parseImportFile(file.name, file.bytes);
    const plan = await planParsed(parsed, {
      source: { url: `file:${file.name}`, seenAt, label: file.name },
      now: createdAt,
      ...(opts.buildMany ? { buildMany: opts.buildMany } : {}),
      findExisting: (keys) => {
        for (const k of keys) {
          const id = idByKey.get(k);
          if (id) return byId.get(id);
        }
        return undefined;
      },
    });
    rows += plan.counts.added + plan.counts.merged + plan.counts.unchanged + plan.counts.rejected;
    for (const e of plan.toWrite) {
      byId.set(e.id, e);
      for (const k of matchKeys(e)) if (!idByKey.has(k)) idByKey.set(k, e.id);
    }
    if (plan.rejected.length) rejected.push({ file: file.name, headers: 'headers' in parsed ? parsed.headers : [], rows: plan.rejected });
  }
  return { entities: [...byId.values()], rejected, rows };
}
