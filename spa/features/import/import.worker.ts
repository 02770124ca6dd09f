// The Import page's worker: reads, parses and plans the picked file and writes the plan in chunks,
// all off the page's thread, so a 100k-row file never freezes the page. It opens the same Dexie
// database as the page (same origin); Dexie tells the page's live queries about every commit.
//
// The parsed file and its latest plan stay here between messages: only a summary, the counts and
// the rejected rows cross to the page, never the whole table.
//
// Building the rows' entities, most of a big file's plan, is shared with helper workers started when
// the file is picked (parallelBuild.ts).
import { getDb } from '../../../shared/db/database.ts';
import { importPlan, planFromDb, type DbPlan } from '../../../shared/db/commands/import.ts';
import { readDirectoryRevision } from '../../../shared/db/directoryLog.ts';
import { nowIso } from '../../../shared/db/ids.ts';
import type { Field } from '../../../shared/io/import/columns.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';
import { parseImportFile, type ParsedImport } from '../../../shared/io/import/index.ts';
import type { FileSummary, ImportReply, ImportRequest } from './importProtocol.ts';
import { buildInParallel, prepareHelpers } from './parallelBuild.ts';

const db = getDb();

let file: { name: string; parsed: ParsedImport } | undefined;
let planned: { plan: DbPlan; mapping?: (Field | null)[] } | undefined;
let abort: AbortController | undefined;

function post(reply: ImportReply): void {
  (self as unknown as Worker).postMessage(reply);
}

function fail(seq: number, err: unknown): void {
  if (err instanceof ImportError) post({ type: 'error', seq, code: err.code, detail: err.detail });
  else post({ type: 'error', seq, code: 'internal', message: err instanceof Error ? err.message : String(err) });
}

const SAMPLES = 3;
const SAMPLE_SCAN_ROWS = 200;

function summarize(name: string, p: ParsedImport): FileSummary {
  const samples = p.headers.map((_, j) => {
    const values: string[] = [];
    for (const row of p.rows.slice(0, SAMPLE_SCAN_ROWS)) {
      const v = (row[j] ?? '').trim();
      if (v && !values.includes(v)) values.push(v);
      if (values.length === SAMPLES) break;
    }
    return values;
  });
  const rowCount = p.packEntities ? p.packEntities.length + (p.packRejected?.length ?? 0) : (p.drafts?.length ?? p.rows.length);
  return {
    fileName: name,
    format: p.format,
    encoding: p.encoding,
    delimiter: p.delimiter,
    sheets: p.sheets,
    sheet: p.sheet,
    headers: p.headers,
    mapping: p.mapping,
    samples,
    rowCount,
    packName: p.pack?.name,
  };
}

async function plan(name: string, parsed: ParsedImport, mapping?: (Field | null)[]): Promise<DbPlan> {
  const now = nowIso();
  // The file is the source: re-importing it (same name) adds no new source, so it changes nothing.
  return planFromDb(db, parsed, { source: { url: `file:${name}`, seenAt: now.slice(0, 10), label: name }, now, mapping, buildMany: buildInParallel });
}

async function handle(msg: ImportRequest): Promise<void> {
  switch (msg.type) {
    case 'parse': {
      file = undefined;
      planned = undefined;
      prepareHelpers(msg.file.size);
      const bytes = new Uint8Array(await msg.file.arrayBuffer());
      const parsed = await parseImportFile(msg.file.name, bytes, { encoding: msg.encoding, sheet: msg.sheet });
      file = { name: msg.file.name, parsed };
      post({ type: 'parsed', seq: msg.seq, summary: summarize(msg.file.name, parsed) });
      return;
    }
    case 'plan': {
      if (!file) throw new Error('no file');
      const current = file;
      const result = await plan(current.name, current.parsed, msg.mapping);
      if (file !== current) return; // another file was picked meanwhile
      planned = { plan: result, mapping: msg.mapping };
      post({ type: 'planned', seq: msg.seq, counts: result.counts, rejected: result.rejected, toWrite: result.toWrite.length });
      return;
    }
    case 'import': {
      if (!file || !planned) throw new Error('nothing planned');
      const { name, parsed } = file;
      abort = new AbortController();
      let current = planned.plan;
      // The directory moved since the preview (another tab, the popup): plan again so nothing
      // written meanwhile is overwritten with a stale merge.
      if ((await readDirectoryRevision(db)) !== current.revision) current = await plan(name, parsed, planned.mapping);
      const record = await importPlan(db, current, {
        fileName: name,
        format: parsed.format,
        signal: abort.signal,
        onProgress: (p) => post({ type: 'progress', seq: msg.seq, ...p }),
      });
      const written = record.cancelled ? record.counts.added + record.counts.merged : current.toWrite.length;
      post({ type: 'done', seq: msg.seq, record, written, total: current.toWrite.length });
      file = undefined;
      planned = undefined;
      return;
    }
    case 'cancel':
      abort?.abort();
      return;
  }
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  handle(event.data).catch((err: unknown) => fail(event.data.seq, err));
};
