// The state of one import on the page: the picked file, the options, the mapping, the preview, the
// progress and the outcome. It lives at module level with its worker, so leaving the Import page
// mid-import neither stops nor loses the import: coming back shows where it is.
import type { Field } from '../../../shared/io/import/columns.ts';
import { ImportError } from '../../../shared/io/import/errors.ts';
import { assertImportSize } from '../../../shared/io/import/index.ts';
import type { ImportCounts } from '../../../shared/io/import/plan.ts';
import type { RejectedRow } from '../../../shared/io/import/rejected.ts';
import type { ImportRecord } from '../../../shared/model/types.ts';
import type { ImportFailure } from './errorText.ts';
import type { FileSummary, ImportReply, ImportRequest, UserEncoding } from './importProtocol.ts';

export type Phase = 'idle' | 'reading' | 'ready' | 'importing' | 'done';

/** A request before it is numbered (Omit over each member of the union). */
type Unnumbered = ImportRequest extends infer R ? (R extends unknown ? Omit<R, 'seq'> : never) : never;

/** Quiet time after a mapping change before the preview is recounted (a 100k-row plan takes a while). */
const REPLAN_DELAY_MS = 250;

class ImportSession {
  phase = $state<Phase>('idle');
  fileName = $state('');
  summary = $state.raw<FileSummary | undefined>();
  encoding = $state<'auto' | UserEncoding>('auto');
  mapping = $state<(Field | null)[]>([]);
  planning = $state(false);
  preview = $state.raw<{ counts: ImportCounts; rejected: RejectedRow[]; toWrite: number } | undefined>();
  progress = $state({ written: 0, total: 0 });
  cancelling = $state(false);
  result = $state.raw<{ record: ImportRecord; written: number; total: number } | undefined>();
  error = $state.raw<ImportFailure | undefined>();

  private file: File | undefined;
  private sheet: string | undefined;
  private seq = 0;
  private worker: Worker | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private send(msg: Unnumbered, keepSeq = false): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<ImportReply>) => this.receive(e.data);
      this.worker.onerror = (e) => this.receive({ type: 'error', seq: this.seq, code: 'internal', message: e.message || 'worker' });
    }
    if (!keepSeq) this.seq++;
    this.worker.postMessage({ ...msg, seq: this.seq } as ImportRequest);
  }

  /** A file was picked or dropped: refuse an oversized one by its size alone, else read it. */
  pick(file: File): void {
    if (this.phase === 'importing') return;
    this.reset();
    this.fileName = file.name;
    try {
      assertImportSize(file.size);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      this.error = { code: err.code, detail: err.detail };
      return;
    }
    this.file = file;
    this.read();
  }

  setEncoding(encoding: 'auto' | UserEncoding): void {
    this.encoding = encoding;
    this.read();
  }

  setSheet(sheet: string): void {
    this.sheet = sheet;
    this.read();
  }

  setField(column: number, field: Field | null): void {
    this.mapping[column] = field;
    this.planning = true;
    this.preview = undefined;
    this.error = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.plan(), REPLAN_DELAY_MS);
  }

  start(): void {
    if (this.phase !== 'ready' || !this.preview || this.planning) return;
    this.phase = 'importing';
    this.progress = { written: 0, total: this.preview.toWrite };
    this.send({ type: 'import' });
  }

  cancel(): void {
    if (this.phase !== 'importing') return;
    this.cancelling = true;
    this.send({ type: 'cancel' }, true);
  }

  reset(): void {
    if (this.phase === 'importing') return;
    clearTimeout(this.timer);
    this.seq++; // answers to anything asked before are dropped
    this.phase = 'idle';
    this.file = undefined;
    this.sheet = undefined;
    this.fileName = '';
    this.summary = undefined;
    this.encoding = 'auto';
    this.mapping = [];
    this.planning = false;
    this.preview = undefined;
    this.cancelling = false;
    this.result = undefined;
    this.error = undefined;
  }

  private read(): void {
    if (!this.file) return;
    clearTimeout(this.timer);
    this.phase = 'reading';
    this.preview = undefined;
    this.error = undefined;
    this.send({ type: 'parse', file: this.file, encoding: this.encoding === 'auto' ? undefined : this.encoding, sheet: this.sheet });
  }

  private plan(): void {
    this.planning = true;
    // A table's mapping is the user's to change; packs and KRS extracts have none.
    const table = this.summary?.format === 'csv' || this.summary?.format === 'xlsx';
    this.send({ type: 'plan', mapping: table ? $state.snapshot(this.mapping) : undefined });
  }

  private receive(reply: ImportReply): void {
    if (reply.seq !== this.seq) return;
    switch (reply.type) {
      case 'parsed':
        this.summary = reply.summary;
        this.mapping = [...reply.summary.mapping];
        this.sheet = reply.summary.sheet;
        this.phase = 'ready';
        this.plan();
        return;
      case 'planned':
        this.planning = false;
        this.preview = { counts: reply.counts, rejected: reply.rejected, toWrite: reply.toWrite };
        return;
      case 'progress':
        this.progress = { written: reply.written, total: reply.total };
        return;
      case 'done':
        this.result = { record: reply.record, written: reply.written, total: reply.total };
        this.phase = 'done';
        this.cancelling = false;
        return;
      case 'error':
        this.planning = false;
        this.error = { code: reply.code, detail: reply.detail, message: reply.message };
        if (this.phase === 'reading') {
          this.phase = 'idle';
          this.summary = undefined;
        }
        if (this.phase === 'importing') {
          this.phase = 'done';
          this.cancelling = false;
        }
        return;
    }
  }
}

export const importSession = new ImportSession();
